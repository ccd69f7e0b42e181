import ICalendar
internal import Yams

extension ConfigDecoder {
    static let rotationKeys = ["length", "handoff", "time_zone", "order", "start"]
    static let handoffKeys = ["weekday", "time"]
    static let weekdayChoices = Weekday.allCases.map { ($0.configName, $0) }

    mutating func decodeRotation(_ node: Node, engineers: [EngineerDraft]?) -> Rotation? {
        guard let fields = nodes.fields(node, "rotation", keys: Self.rotationKeys) else { return nil }
        let lengthDays = fields["length"].map { rotationLength($0) } ?? 7
        let zone = nodes.required(fields, "time_zone", hint: "the zone hand-offs are in, e.g. America/New_York")
            .flatMap { timeZone($0, "rotation time_zone") }
        let start = nodes.required(fields, "start", hint: "the first hand-off day, e.g. start: 2026-01-05").flatMap {
            nodes.date($0, "rotation start")
        }
        var weekday: Weekday?
        var time: LocalTime?
        var handoffFailed = false
        if let handoffNode = nodes.required(
            fields,
            "handoff",
            hint: "e.g. handoff: { weekday: monday, time: \"10:00\" }"
        ),
            let handoff = nodes.fields(handoffNode, "handoff", keys: Self.handoffKeys)
        {
            time = nodes.required(handoff, "time").flatMap { nodes.time($0, "hand-off time") }
            if let weekdayNode = handoff["weekday"] {
                weekday = nodes.choice(weekdayNode, "hand-off weekday", Self.weekdayChoices)
                handoffFailed = weekday == nil
                if let lengthDays, weekday != nil, lengthDays % 7 != 0 {
                    nodes.report(
                        "a hand-off weekday needs a rotation length in whole weeks, not \(lengthDays) days",
                        at: weekdayNode,
                        hint: "remove 'weekday' (hand-offs then follow 'start'), or use a length in weeks"
                    )
                    handoffFailed = true
                }
                if let start, let weekday, start.weekday != weekday, let startNode = fields["start"] {
                    let previous = start.adding(days: -((start.weekday.isoNumber - weekday.isoNumber + 7) % 7))
                    nodes.report(
                        "rotation starts on \(start), a \(start.weekday.displayName), but hand-offs are on "
                            + "\(weekday.displayName)s",
                        at: startNode,
                        hint: "start on a \(weekday.displayName), e.g. \(previous) or \(previous.adding(days: 7))"
                    )
                    handoffFailed = true
                }
            }
        } else {
            handoffFailed = true
        }
        let order = decodeOrder(fields["order"], engineers: engineers)
        guard let lengthDays, let zone, let start, let time, let order, !handoffFailed else { return nil }
        return Rotation(
            lengthDays: lengthDays,
            handOffWeekday: weekday ?? start.weekday,
            handOffTime: time,
            timeZone: zone,
            order: order,
            start: start
        )
    }

    /// Rotation length in days: `1w`, `2w` or `3d`, from one day to eight weeks.
    private mutating func rotationLength(_ node: Node) -> Int? {
        guard let span = nodes.span(node, "rotation length") else { return nil }
        let days: Int
        switch span.unit {
        case .days: days = span.count
        case .weeks: days = span.count * 7
        case .months, .years:
            nodes.report(
                "rotation length must be in days or weeks, not '\(span)'",
                at: node,
                hint: "months differ in length, so shifts would drift; use e.g. 4w"
            )
            return nil
        }
        guard (1...56).contains(days) else {
            nodes.report(
                "rotation length must be from 1 day to 8 weeks, not \(span)",
                at: node,
                hint: "most teams hand off every week: length: 1w"
            )
            return nil
        }
        return days
    }

    /// The engineer order.
    ///
    /// When absent, the engineers' own order. Each engineer must appear exactly once, so nobody is silently never on call.
    private mutating func decodeOrder(_ node: Node?, engineers: [EngineerDraft]?) -> [EngineerID]? {
        guard let node else { return engineers?.map(\.id) }
        guard let items = nodes.list(node, "rotation order") else { return nil }
        var order: [EngineerID] = []
        var failed = false
        var seen: Set<EngineerID> = []
        for item in items {
            guard let id = engineerReference(item, "rotation order entry") else {
                failed = true
                continue
            }
            if !seen.insert(id).inserted {
                nodes.report(
                    "'\(id)' appears twice in the rotation order",
                    at: item,
                    hint: "list each engineer once; a longer rotation is a longer 'length'"
                )
                failed = true
            }
            order.append(id)
        }
        if items.isEmpty {
            nodes.report("rotation order is empty", at: node, hint: "list the engineers in the order they take shifts")
            return nil
        }
        let missing = (engineers ?? []).map(\.id).filter { !seen.contains($0) }
        if !failed, !missing.isEmpty {
            let names = missing.map { "'\($0)'" }.joined(separator: ", ")
            nodes.report(
                missing.count == 1
                    ? "engineer \(names) is not in the rotation order"
                    : "engineers \(names) are not in the rotation order",
                at: node,
                hint: "add them to rotation.order; everyone on the team takes shifts"
            )
            failed = true
        }
        return failed ? nil : order
    }
}
