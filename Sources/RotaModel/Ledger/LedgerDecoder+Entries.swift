internal import Yams

extension LedgerDecoder {
    static let shiftKeys = ["start", "engineer", "recorded"]
    static let holidayKeys = ["holiday", "year", "shift", "engineer", "reason", "note", "recorded"]
    static let creditKeys = ["engineer", "days", "holiday", "year", "recorded"]
    static let swapKeys = ["shift", "engineer", "give_back", "cause", "recorded"]
    static let giveBackKeys = ["shift", "engineer"]
    static let years = 1971...2100
    static let creditDays = 0...365

    /// Decodes `shifts:`; an entry with a problem is reported and left out.
    mutating func decodeShifts(_ node: Node) -> [RecordedShift] {
        guard let items = nodes.list(node, "shifts") else { return [] }
        var shifts: [RecordedShift] = []
        var firstLines: [LocalDate: Int] = [:]
        for item in items {
            let name = peekDate(item, "start").map { "shift \($0)" } ?? "a recorded shift"
            guard let fields = nodes.fields(item, name, keys: Self.shiftKeys) else { continue }
            let startNode = nodes.required(
                fields,
                "start",
                hint: "add the shift's hand-off date, e.g. start: 2026-11-30"
            )
            let start = startNode.flatMap { nodes.date($0, "start") }
            if let start, let startNode {
                checkHandOff(start, at: startNode, "start")
                if let line = firstLines[start] {
                    nodes.report(
                        "shift \(start) is recorded twice",
                        at: startNode,
                        hint: "the first is at line \(line); a shift has one recorded engineer, so keep one of the two"
                    )
                } else {
                    firstLines[start] = nodes.location(of: startNode).line
                }
            }
            let engineer = nodes.required(fields, "engineer", hint: "add who covers the shift, e.g. engineer: chen")
                .flatMap { engineerReference($0) }
            let recorded = recordedDate(fields)
            if let start, let engineer, let recorded {
                shifts.append(RecordedShift(start: start, engineer: engineer, recorded: recorded))
            }
        }
        return shifts
    }

    /// Decodes `holidays:`; an entry with a problem is reported and left out.
    mutating func decodeHolidays(_ node: Node) -> [HolidayDecision] {
        guard let items = nodes.list(node, "holidays") else { return [] }
        var decisions: [HolidayDecision] = []
        var firstLines: [HolidayKey: Int] = [:]
        for item in items {
            let name = decisionName(holiday: peekID(item, "holiday"), year: peekYear(item))
            guard let fields = nodes.fields(item, name, keys: Self.holidayKeys) else { continue }
            let holidayNode = nodes.required(fields, "holiday", hint: "add the holiday's id, e.g. holiday: christmas")
            let holiday = holidayNode.flatMap { holidayReference($0) }
            let year = nodes.required(fields, "year", hint: "add the holiday's year, e.g. year: 2026").flatMap {
                nodes.int($0, "year", in: Self.years)
            }
            if let holiday, let year, let holidayNode {
                let key = HolidayKey(holiday: holiday, year: year)
                if let line = firstLines[key] {
                    nodes.report(
                        "the \(holiday) \(year) decision is recorded twice",
                        at: holidayNode,
                        hint: "the first is at line \(line); a holiday has one decision a year, so keep one of the two"
                    )
                } else {
                    firstLines[key] = nodes.location(of: holidayNode).line
                }
            }
            let shiftNode = nodes.required(
                fields,
                "shift",
                hint: "add the hand-off date of the shift that contains the holiday, e.g. shift: 2026-12-21"
            )
            let shift = shiftNode.flatMap { nodes.date($0, "shift") }
            if let shift, let shiftNode { checkHandOff(shift, at: shiftNode, "shift") }
            let engineer = nodes.required(fields, "engineer", hint: "add who covers the holiday, e.g. engineer: kim")
                .flatMap { engineerReference($0) }
            let reason = nodes.required(fields, "reason", hint: "add why they got it, one of: \(Self.reasonNames)")
                .flatMap {
                    nodes.choice($0, "reason", HolidayDecision.Reason.allCases.map { ($0.rawValue, $0) })
                }
            let note = fields["note"].map { text($0, "note") } ?? ""
            let recorded = recordedDate(fields)
            if let holiday, let year, let shift, let engineer, let reason, let note, let recorded {
                decisions.append(
                    HolidayDecision(
                        holiday: holiday,
                        year: year,
                        shift: shift,
                        engineer: engineer,
                        reason: reason,
                        note: note,
                        recorded: recorded
                    )
                )
            }
        }
        return decisions
    }

    /// Decodes `credits:`; an entry with a problem is reported and left out.
    ///
    /// A credit has no shift date, so its engineer is history and need not be on the team any more.
    mutating func decodeCredits(_ node: Node) -> [PTOCredit] {
        guard let items = nodes.list(node, "credits") else { return [] }
        var credits: [PTOCredit] = []
        for item in items {
            let name = creditName(
                engineer: peekID(item, "engineer"),
                holiday: peekID(item, "holiday"),
                year: peekYear(item)
            )
            guard let fields = nodes.fields(item, name, keys: Self.creditKeys) else { continue }
            let engineer = nodes.required(fields, "engineer", hint: "add who earned it, e.g. engineer: kim").flatMap {
                engineerReference($0)
            }
            let days = nodes.required(fields, "days", hint: "add the days of PTO earned, e.g. days: 1").flatMap {
                nodes.int($0, "days", in: Self.creditDays)
            }
            let holiday = nodes.required(fields, "holiday", hint: "add the holiday covered, e.g. holiday: christmas")
                .flatMap { holidayReference($0) }
            let year = nodes.required(fields, "year", hint: "add the holiday's year, e.g. year: 2026").flatMap {
                nodes.int($0, "year", in: Self.years)
            }
            let recorded = recordedDate(fields)
            if let engineer, let days, let holiday, let year, let recorded {
                credits.append(
                    PTOCredit(engineer: engineer, days: days, holiday: holiday, year: year, recorded: recorded)
                )
            }
        }
        return credits
    }

    /// Decodes `swaps:`; an entry with a problem is reported and left out.
    mutating func decodeSwaps(_ node: Node) -> [LedgerSwap] {
        guard let items = nodes.list(node, "swaps") else { return [] }
        var swaps: [LedgerSwap] = []
        for item in items {
            let name = peekDate(item, "shift").map { "the swap of shift \($0)" } ?? "a swap"
            guard let fields = nodes.fields(item, name, keys: Self.swapKeys) else { continue }
            let assignment = self.assignment(fields)
            var giveBack: LedgerSwap.Assignment?
            var giveBackFailed = false
            if let node = fields["give_back"] {
                giveBack = nodes.fields(node, "give_back", keys: Self.giveBackKeys).flatMap {
                    self.assignment($0)
                }
                giveBackFailed = giveBack == nil
            }
            let cause = nodes.required(fields, "cause", hint: "say why, e.g. cause: \"agreed by kim and smith\"")
                .flatMap { text($0, "cause") }
            let recorded = recordedDate(fields)
            if let assignment, !giveBackFailed, let cause, let recorded {
                swaps.append(
                    LedgerSwap(
                        shift: assignment.shift,
                        engineer: assignment.engineer,
                        giveBack: giveBack,
                        cause: cause,
                        recorded: recorded
                    )
                )
            }
        }
        return swaps
    }

    /// A `shift` and `engineer` pair of a swap entry.
    private mutating func assignment(_ fields: Fields) -> LedgerSwap.Assignment? {
        let shiftNode = nodes.required(fields, "shift", hint: "the shift's hand-off date, e.g. shift: 2027-01-04")
        let shift = shiftNode.flatMap { nodes.date($0, "shift") }
        if let shift, let shiftNode { checkHandOff(shift, at: shiftNode, "shift") }
        let engineer = nodes.required(fields, "engineer", hint: "who is on call for it, e.g. engineer: kim")
            .flatMap { engineerReference($0) }
        guard let shift, let engineer else { return nil }
        return LedgerSwap.Assignment(shift: shift, engineer: engineer)
    }

    /// A holiday and year, which a holiday decision is unique by.
    private struct HolidayKey: Hashable {
        let holiday: HolidayID
        let year: Int
    }

    private static var reasonNames: String {
        HolidayDecision.Reason.allCases.map(\.rawValue).joined(separator: ", ")
    }

    /// How messages name a holiday decision: `the christmas 2026 decision`, or `a holiday decision`.
    private func decisionName(holiday: String?, year: Int?) -> String {
        guard let holiday else { return "a holiday decision" }
        return "the \(holiday)\(year.map { " \($0)" } ?? "") decision"
    }

    /// How messages name a PTO credit: `kim's PTO credit for christmas 2026`, or `a PTO credit`.
    private func creditName(engineer: String?, holiday: String?, year: Int?) -> String {
        guard let engineer else { return "a PTO credit" }
        guard let holiday else { return "\(engineer)'s PTO credit" }
        return "\(engineer)'s PTO credit for \(holiday)\(year.map { " \($0)" } ?? "")"
    }

    private mutating func recordedDate(_ fields: Fields) -> LocalDate? {
        nodes.required(
            fields,
            "recorded",
            hint: "add the --as-of date of the run that recorded it, e.g. recorded: 2026-09-21"
        )
        .flatMap { nodes.date($0, "recorded") }
    }

    /// Text exactly as written, which may be empty or have spaces at either end (a note the writer quoted).
    private mutating func text(_ node: Node, _ what: String) -> String? {
        guard nodes.visit(node) else { return nil }
        guard case let .scalar(scalar) = node else {
            nodes.report(
                "\(what) must be text, not \(nodes.describe(node))",
                at: node,
                hint: "write it in double quotes on the same line, e.g. \(what): \"kim volunteered\""
            )
            return nil
        }
        return scalar.string
    }
}
