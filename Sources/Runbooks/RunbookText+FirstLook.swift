package import RotaModel

/// The phrases of a runbook's "First look" section, which both formats share.
extension RunbookText {
    /// Whether the pipeline's config says anything the "First look" section shows.
    package static func hasFirstLook(_ pipeline: Pipeline) -> Bool {
        pipeline.severity != nil || pipeline.impact != nil || !pipeline.links.isEmpty || !pipeline.contacts.isEmpty
    }

    /// `sev1 (of sev1, the worst, to sev4)`.
    package static func severity(_ severity: Severity) -> String {
        "\(severity.rawValue) (of sev1, the worst, to sev4)"
    }

    /// How to reach a contact, each way as plain text in the order email, Slack, phone.
    package static func ways(_ contact: ExternalContact) -> [(label: String, value: String)] {
        [("email", contact.email), ("Slack", contact.slack), ("phone", contact.phone)].compactMap { label, value in
            value.map { (label: label, value: $0) }
        }
    }
}
