package import Foundation

/// The team the notification tests use, as config text: the bundled team with chat handles for chen (a Slack member
/// id) and smith (an `@handle`), kim away over the locked Christmas shift, and everyone away 2027-01-16 to 01-26, so
/// every message kind (hand-off, reminder, due decision, conflict, uncovered shift, warning) comes up.
///
/// One text for the pure tests (NotificationsTests) and the end-to-end ones (rotaTests' NotifyCommandTests).
package enum NotifyTeam {
    package static func configText() throws -> String {
        var text = try String(contentsOf: RepositoryRoot.appending("fixtures/team.yaml"), encoding: .utf8)
        text = text.replacingOccurrences(
            of: "    email: chen@example.com\n",
            with: "    email: chen@example.com\n    slack: U012AB3CD\n"
        )
        text = text.replacingOccurrences(
            of: "    email: smith@example.com\n",
            with: "    email: smith@example.com\n    slack: \"@smith\"\n"
        )
        let away = "      - { from: 2027-01-16, to: 2027-01-26 }\n"
        for zone in ["America/New_York", "America/Chicago"] {
            text = text.replacingOccurrences(
                of: "    time_zone: \(zone)\n",
                with: "    time_zone: \(zone)\n    pto:\n\(away)"
            )
        }
        return text.replacingOccurrences(
            of: "    time_zone: America/Los_Angeles\n",
            with: "    time_zone: America/Los_Angeles\n    pto:\n      - { from: 2026-12-21, to: 2026-12-27 }\n\(away)"
        )
    }
}
