/// How bad a pipeline's failure is, from sev1 (the worst: investors or the company see wrong numbers) to sev4.
///
/// The levels are the common incident scale; what each means for a team is the team's call, so the config
/// pairs a severity with an `impact` text that says it in words.
package enum Severity: String, CaseIterable, Hashable, Sendable {
    case sev1, sev2, sev3, sev4
}
