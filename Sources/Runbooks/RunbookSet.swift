import ICalendar
package import RotaModel
import Scheduler

/// The runbooks of a team at an as-of date, and their rendered documents.
package enum RunbookSet {
    /// One runbook per investor-facing pipeline (every pipeline with `includeAll`), in config order.
    ///
    /// Plans the schedule from the shift on call at noon of `asOf` to the end of the holiday lead-time
    /// window (`holiday_policy.lead_time` after `asOf`), which gives who is on call now and next and the
    /// holiday backups.
    ///
    /// - Parameters:
    ///   - config: The validated team config.
    ///   - ledger: The ledger checked against it.
    ///   - asOf: The day the runbooks describe.
    ///   - includeAll: Whether pipelines that do not report to investors get a runbook too.
    /// - Returns: The runbooks, in the config's pipeline order.
    package static func runbooks(config: TeamConfig, ledger: Ledger, asOf: LocalDate, includeAll: Bool) -> [Runbook] {
        let windowEnd = config.holidayPolicy.leadTime.added(to: asOf)
        // At least two shifts ahead, so a short (or zero) lead time still shows who is on call next.
        let until = max(windowEnd, asOf.adding(days: 2 * config.rotation.lengthDays + 1))
        let schedule = Planner.plan(config: config, ledger: ledger, asOf: asOf, from: asOf, until: until)
        return config.pipelines.filter { includeAll || $0.investorFacing }.map {
            Runbook(pipeline: $0, config: config, schedule: schedule, windowEnd: windowEnd)
        }
    }

    /// Every document in `formats`: per format, the index, then each runbook in config order.
    ///
    /// - Parameters:
    ///   - runbooks: What `runbooks(config:ledger:asOf:includeAll:)` returned.
    ///   - team: The team's name, for the index.
    ///   - asOf: The day the runbooks describe, for the index.
    ///   - formats: Which formats to render; each appears once, in `RunbookFormat.allCases` order.
    /// - Returns: The documents to write or serve, with distinct file names.
    package static func documents(
        _ runbooks: [Runbook],
        team: String,
        asOf: LocalDate,
        formats: Set<RunbookFormat>
    ) -> [RunbookDocument] {
        var documents: [RunbookDocument] = []
        let index = RunbookIndex(team: team, asOf: asOf, runbooks: runbooks)
        for format in RunbookFormat.allCases where formats.contains(format) {
            let (indexText, render): (String, (Runbook) -> String) =
                switch format {
                case .markdown: (index.markdown(), MarkdownRunbook.render)
                case .html: (index.html(), HTMLRunbook.render)
                }
            documents.append(
                RunbookDocument(fileName: "index.\(format.fileExtension)", format: format, text: indexText)
            )
            documents += runbooks.map {
                RunbookDocument(
                    fileName: "\($0.pipeline.id.rawValue).\(format.fileExtension)",
                    format: format,
                    text: render($0)
                )
            }
        }
        return documents
    }
}
