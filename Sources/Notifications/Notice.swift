/// One message for the team's chat: what it is about, the key that makes it go out once, and its text.
///
/// The key comes from what the message is about (a shift's start and engineer, a holiday and year), never from the
/// time of the run, so every run that finds the same thing due builds the same key and the state file beside the
/// ledger can say it went out already.
package struct Notice: Hashable, Sendable {
    /// What a message is about; its raw value is the `kind` in `rota notify --format json`.
    package enum Kind: String, Hashable, Sendable, CaseIterable {
        /// Who is on call now, until when, the backups, holidays in the shift, runbook links.
        case handOff = "hand-off"
        /// The day before a hand-off, to the incoming engineer.
        case reminder
        /// A holiday decision inside the lead time that the ledger does not hold yet.
        case holidayDecision = "holiday-decision"
        /// A locked shift the plan cannot keep (PTO, departure, override).
        case conflict
        /// A shift with everyone away.
        case uncovered
        /// Something the plan had to accept (back-to-back, no backup, late pledge, owner leaves).
        case warning
    }

    package let kind: Kind
    /// The identity that makes the message go out once, such as `hand-off/2026-12-07T10:00/chen`.
    package let key: String
    /// The message as the chat shows it (Slack mrkdwn; `<`, `>` and `&` from the config are escaped).
    package let text: String

    package init(kind: Kind, key: String, text: String) {
        self.kind = kind
        self.key = key
        self.text = text
    }
}
