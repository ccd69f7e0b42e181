import Notifications

/// What `rota notify` prints: the `--dry-run` listing and the failure when the receiver does not take a message.
enum NotifyText {
    /// Each message that would be sent: `would send KIND (KEY):`, then its text indented; a line when none is due.
    static func dryRun(_ notices: [Notice]) -> String {
        guard !notices.isEmpty else { return "nothing due to send\n" }
        return notices.map { notice in
            "would send \(notice.kind.rawValue) (\(notice.key)):\n"
                + notice.text.split(separator: "\n", omittingEmptySubsequences: false).map { "  \($0)\n" }.joined()
        }
        .joined()
    }

    /// The error for a message the receiver did not accept; names the host only, never the URL.
    static func failure(
        _ outcome: WebhookDelivery<ContinuousClock>.Outcome,
        address: WebhookAddress,
        unsent: Int
    ) -> CommandFailure {
        let what: String
        switch outcome {
        case let .refused(status, attempts):
            what = "answered HTTP status \(status) (\(Plural.count(attempts, "attempt")))"
        case let .unreachable(reason, attempts):
            what = "could not be reached: \(reason) (\(Plural.count(attempts, "attempt")))"
        case .accepted:
            what = "accepted the message"
        }
        return CommandFailure(
            message: "the webhook at \(address.shown) \(what); \(Plural.count(unsent, "message")) not sent",
            hint: "they are not marked in the state file and go out on the next run; check the webhook URL and "
                + "the chat service's status"
        )
    }
}
