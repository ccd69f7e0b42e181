/// Someone outside the team to call about a pipeline, such as Finance for the ERP export or Investor Relations.
///
/// The loader requires at least one way to reach them, so a runbook never lists a name nobody can call.
package struct ExternalContact: Hashable, Sendable {
    /// Who they are.
    package let name: String
    /// Why they are listed: `ERP export owner (Finance)`, `Investor Relations`.
    package let role: String
    /// Address, when the config gives one.
    package let email: String?
    /// Slack handle or channel, when the config gives one.
    package let slack: String?
    /// Phone number, as written, when the config gives one.
    package let phone: String?

    package init(name: String, role: String, email: String? = nil, slack: String? = nil, phone: String? = nil) {
        self.name = name
        self.role = role
        self.email = email
        self.slack = slack
        self.phone = phone
    }
}
