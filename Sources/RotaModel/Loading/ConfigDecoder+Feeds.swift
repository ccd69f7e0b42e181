internal import Yams

extension ConfigDecoder {
    static let feedKeys = ["uid_domain", "calendar_name", "window", "reminder"]
    static let defaultReminderMinutes = 24 * 60
    static let windowKeys = ["past", "future"]
    static let defaultUIDDomain = "rota.localhost"

    /// `feeds:`; absent, UIDs under `rota.localhost`, the calendar named after the team, and a window of
    /// 30 days back and 12 months ahead.
    mutating func decodeFeeds(_ node: Node?, team: String?) -> FeedSettings? {
        let defaultName = "\(team ?? "Team") on call"
        let defaultPast = CalendarSpan(count: 30, unit: .days)
        let defaultFuture = CalendarSpan(count: 12, unit: .months)
        guard let node else {
            return FeedSettings(
                uidDomain: Self.defaultUIDDomain,
                calendarName: defaultName,
                windowPast: defaultPast,
                windowFuture: defaultFuture,
                reminderMinutes: Self.defaultReminderMinutes
            )
        }
        guard let fields = nodes.fields(node, "feeds", keys: Self.feedKeys) else { return nil }
        let domain = fields["uid_domain"].map { uidDomain($0) } ?? Self.defaultUIDDomain
        let name = fields["calendar_name"].map { nodes.string($0, "calendar_name") } ?? defaultName
        var past: CalendarSpan? = defaultPast
        var future: CalendarSpan? = defaultFuture
        if let windowNode = fields["window"] {
            if let window = nodes.fields(windowNode, "feeds.window", keys: Self.windowKeys) {
                past = window["past"].map { nodes.span($0, "window past") } ?? defaultPast
                future = window["future"].map { nodes.span($0, "window future") } ?? defaultFuture
            } else {
                past = nil
            }
        }
        let reminder = fields["reminder"].map { reminderMinutes($0) } ?? .some(Self.defaultReminderMinutes)
        guard let domain, let name, let past, let future, let reminder else { return nil }
        return FeedSettings(
            uidDomain: domain,
            calendarName: name,
            windowPast: past,
            windowFuture: future,
            reminderMinutes: reminder
        )
    }

    /// Decodes `feeds.reminder`: `none`, or a lead such as `1d`, `12h` or `30min` (at most 14 days).
    ///
    /// The outer optional is nil when the value is invalid; the inner one is nil for `none`.
    private mutating func reminderMinutes(_ node: Node) -> Int?? {
        guard let text = nodes.string(node, "reminder") else { return nil }
        if text.lowercased() == "none" { return .some(nil) }
        let digits = text.prefix(while: \.isASCIIDigit)
        let unit = text.dropFirst(digits.count).lowercased()
        let scale = ["d": 24 * 60, "h": 60, "min": 1][unit]
        guard let count = Int(digits), let scale, (1...14 * 24 * 60).contains(count * scale) else {
            nodes.report(
                "reminder must be none or a time before the hand-off such as 1d, 12h or 30min, not '\(text)'",
                at: node,
                hint: "up to 14 days; write none for no reminder"
            )
            return nil
        }
        return .some(count * scale)
    }

    /// A DNS name: dot-separated labels of lowercase letters, digits and inner hyphens.
    private mutating func uidDomain(_ node: Node) -> String? {
        guard let text = nodes.string(node, "uid_domain") else { return nil }
        let labels = text.split(separator: ".", omittingEmptySubsequences: false)
        let valid =
            labels.count >= 2 && text.count <= 253
            && labels.allSatisfy { label in
                !label.isEmpty && label.count <= 63 && !label.hasPrefix("-") && !label.hasSuffix("-")
                    && label.unicodeScalars.allSatisfy {
                        ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-"
                    }
            }
        guard valid else {
            nodes.report(
                "uid_domain '\(text)' is not a domain name",
                at: node,
                hint: "use a lowercase domain your team controls, e.g. oncall.example.com; it ends every event UID"
            )
            return nil
        }
        return text
    }
}
