import ICalendar
internal import Yams

extension ConfigDecoder {
    static let overrideKeys = ["engineer", "shift", "from", "to", "reason"]

    /// Decodes `overrides:`.
    ///
    /// Overrides cover whole shifts (`shift: <hand-off date>`) or ranges inside one (`from`/`to`, wall clock in the rotation's zone).
    /// Overlapping overrides are reported, since neither could win.
    /// An override onto someone on PTO (or off the team) on a day it covers is reported at its engineer.
    mutating func decodeOverrides(_ node: Node?, rotation: Rotation?, engineers: [EngineerDraft]?) -> [Override]? {
        guard let node else { return [] }
        guard let items = nodes.list(node, "overrides") else { return nil }
        var overrides: [(override: Override, node: Node)] = []
        var failed = false
        for item in items {
            guard let fields = nodes.fields(item, "an override", keys: Self.overrideKeys) else {
                failed = true
                continue
            }
            let engineer = nodes.required(fields, "engineer", hint: "who takes over, e.g. engineer: kim").flatMap {
                engineerReference($0, "override engineer")
            }
            let reason = fields["reason"].map { nodes.string($0, "reason") } ?? .some(nil)
            let span = overrideSpan(fields, rotation: rotation)
            if let engineer, let span, let reason, let rotation, let engineerNode = fields["engineer"],
                let draft = engineers?.first(where: { $0.id == engineer }),
                let problem = unavailability(of: draft, on: Self.days(of: span, rotation))
            {
                nodes.report(
                    "override puts \(engineer) on call \(Self.describe(span)), but \(problem)",
                    at: engineerNode,
                    hint: "an override never puts someone on call while they are away; name someone else, "
                        + "or change the PTO"
                )
                failed = true
            } else if let engineer, let span, let reason {
                overrides.append((Override(engineer: engineer, span: span, reason: reason), item))
            } else {
                failed = true
            }
        }
        if let rotation {
            for (index, later) in overrides.enumerated() {
                guard let earlier = overrides[..<index].first(where: { overlap($0.override, later.override, rotation) })
                else { continue }
                nodes.report(
                    "this override overlaps the one at line \(nodes.location(of: earlier.node).line)",
                    at: later.node,
                    hint: "an instant can have one override; shorten or remove one of them"
                )
                failed = true
            }
        }
        return failed ? nil : overrides.map(\.override)
    }

    private mutating func overrideSpan(_ fields: Fields, rotation: Rotation?) -> Override.Span? {
        if let shiftNode = fields["shift"] {
            if fields["from"] != nil || fields["to"] != nil {
                nodes.report(
                    "an override takes either 'shift' or 'from'/'to', not both",
                    at: fields["from"] ?? fields["to"] ?? shiftNode,
                    hint: "'shift' covers a whole shift; 'from'/'to' cover part of one"
                )
                return nil
            }
            guard let date = nodes.date(shiftNode, "override shift") else { return nil }
            if let rotation, !rotation.isHandOffDate(date) {
                let before = rotation.shiftStart(containing: LocalDateTime(date: date, time: rotation.handOffTime))
                let hint =
                    before.map {
                        "shifts start on \($0) and \($0.adding(days: rotation.lengthDays)); use 'from'/'to' for part of a shift"
                    } ?? "the rotation starts on \(rotation.start)"
                nodes.report("\(date) is not the first day of a shift", at: shiftNode, hint: hint)
                return nil
            }
            return .shift(start: date)
        }
        let hint = "write from: 2026-12-24T10:00 and to: 2026-12-26T10:00, or shift: <hand-off date>"
        guard let fromNode = fields["from"], let toNode = fields["to"] else {
            nodes.report("\(fields.what) needs 'shift', or both 'from' and 'to'", at: fields.node, hint: hint)
            return nil
        }
        let expected = "a date and time YYYY-MM-DDTHH:MM"
        let from = nodes.parsed(fromNode, "from", expected: expected, hint: hint) { LocalDateTime(text: $0) }
        let to = nodes.parsed(toNode, "to", expected: expected, hint: hint) { LocalDateTime(text: $0) }
        guard let from, let to else { return nil }
        guard from < to else {
            nodes.report(
                "override must end after it starts; it runs from \(from) to \(to)",
                at: toNode,
                hint: "'to' is the moment the override ends; swap the two"
            )
            return nil
        }
        if let rotation {
            guard let shift = rotation.shiftStart(containing: from) else {
                nodes.report(
                    "override starts before the rotation does (\(rotation.start))",
                    at: fromNode,
                    hint: "move rotation.start earlier, or drop the override"
                )
                return nil
            }
            let end = LocalDateTime(date: shift.adding(days: rotation.lengthDays), time: rotation.handOffTime)
            guard to <= end else {
                nodes.report(
                    "override runs past the hand-off at \(end)",
                    at: toNode,
                    hint: "an override stays inside one shift; split it into one override per shift"
                )
                return nil
            }
        }
        return .range(from: from, to: to)
    }

    /// The calendar days an override covers any part of (a shift's days include its last morning).
    static func days(of span: Override.Span, _ rotation: Rotation) -> ClosedRange<LocalDate> {
        switch span {
        case let .shift(start):
            let next = start.adding(days: rotation.lengthDays)
            return start...(rotation.handOffTime.minutesSinceMidnight == 0 ? next.adding(days: -1) : next)
        case let .range(from, to):
            let last = to.time.minutesSinceMidnight == 0 ? to.date.adding(days: -1) : to.date
            return from.date...max(from.date, last)
        }
    }

    private static func describe(_ span: Override.Span) -> String {
        switch span {
        case let .shift(start): return "for the shift of \(start)"
        case let .range(from, to): return "from \(from) to \(to)"
        }
    }

    /// Why `engineer` cannot be on call on `days`: PTO that touches them, or days off the team; nil when free.
    private func unavailability(of engineer: EngineerDraft, on days: ClosedRange<LocalDate>) -> String? {
        if let pto = engineer.pto.first(where: { $0.overlaps(days) }) {
            return "\(engineer.id) is on PTO \(pto.span)"
        }
        if let joined = engineer.joined, days.lowerBound < joined { return "\(engineer.id) joins on \(joined)" }
        if let left = engineer.left, left < days.upperBound { return "\(engineer.id) left on \(left)" }
        return nil
    }

    /// Whether two overrides cover a common instant (as wall-clock ranges in the rotation's zone).
    private func overlap(_ a: Override, _ b: Override, _ rotation: Rotation) -> Bool {
        func range(_ span: Override.Span) -> (LocalDateTime, LocalDateTime) {
            switch span {
            case let .shift(start):
                return (
                    LocalDateTime(date: start, time: rotation.handOffTime),
                    LocalDateTime(date: start.adding(days: rotation.lengthDays), time: rotation.handOffTime)
                )
            case let .range(from, to): return (from, to)
            }
        }
        let (aFrom, aTo) = range(a.span)
        let (bFrom, bTo) = range(b.span)
        return aFrom < bTo && bFrom < aTo
    }
}
