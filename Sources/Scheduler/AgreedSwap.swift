import ICalendar
package import RotaModel

/// A swap two engineers agreed on themselves, checked against the rules before `rota swap` records it.
package enum AgreedSwap {
    /// What is asked: exchange the engineers of two shifts, or hand one shift to someone.
    package enum Request: Hashable, Sendable {
        case exchange(LocalDate, LocalDate)
        case handOver(LocalDate, to: EngineerID)
    }

    /// What `rota swap` records: the swap, and the PTO credit when a volunteer takes a holiday shift.
    package struct Entries: Hashable, Sendable {
        package let swap: LedgerSwap
        package let credit: PTOCredit?
        /// People-readable: "Kim takes Smith's shift of 2026-12-21; Smith takes Kim's shift of 2027-01-18".
        package let summary: String
    }

    /// Why a swap cannot be recorded, as one sentence and a hint.
    package struct Refusal: Error, Hashable, Sendable {
        package let message: String
        package let hint: String
    }

    /// Checks `request` against the plan and returns the ledger entries that record it.
    ///
    /// Refused when a shift is not a hand-off date or is already over, when an engineer would be on call
    /// during their PTO or outside their time on the team, when the rest rule would break (someone on
    /// call within `policy.min_gap` of another of their shifts that is fixed), or, with `volunteer`, when
    /// the shift holds no major holiday.
    package static func entries(
        for request: Request,
        volunteer: Bool,
        cause: String?,
        config: TeamConfig,
        ledger: Ledger,
        asOf: LocalDate
    ) -> Result<Entries, Refusal> {
        let rotation = config.rotation
        let dates: [LocalDate]
        switch request {
        case let .exchange(first, second): dates = [first, second]
        case let .handOver(shift, _): dates = [shift]
        }
        let grid = ShiftGrid(rotation: rotation)
        let current = grid.index(atNoonOf: asOf)
        for date in dates {
            guard rotation.isHandOffDate(date) else {
                let before = rotation.shiftStart(containing: LocalDateTime(date: date, time: rotation.handOffTime))
                return .failure(
                    Refusal(
                        message: "\(date) is not the hand-off date of a shift",
                        hint: before.map { "shifts start on \($0) and \($0.adding(days: rotation.lengthDays))" }
                            ?? "the rotation starts on \(rotation.start)"
                    )
                )
            }
            guard grid.index(ofHandOff: date) >= current else {
                return .failure(
                    Refusal(message: "the shift of \(date) is over", hint: "a swap changes shifts from \(asOf) on")
                )
            }
        }
        let from = dates.min() ?? asOf
        let until = (dates.max() ?? asOf).adding(days: rotation.lengthDays * (config.policy.minimumGap + 2))
        let plan = Planner.plan(config: config, ledger: ledger, asOf: asOf, from: from, until: until)
        func engineer(on date: LocalDate) -> EngineerID? {
            plan.shifts.first { $0.handOff == date && $0.start.date == date }?.engineer
        }
        func name(_ id: EngineerID) -> String { config.engineer(id)?.name ?? id.rawValue }
        func check(_ id: EngineerID, on date: LocalDate) -> Refusal? {
            let days = grid.days(grid.index(ofHandOff: date))
            guard let person = config.engineer(id), person.isOnTeam(for: days) else {
                return Refusal(
                    message: "\(id) is not on the team for the shift of \(date)",
                    hint: "check engineers[].joined and left in the config"
                )
            }
            if let pto = person.pto.first(where: { $0.overlaps(days) }) {
                return Refusal(
                    message: "\(person.name) is on PTO \(pto.span), during the shift of \(date)",
                    hint: "pick another shift, or change the PTO first"
                )
            }
            return nil
        }
        let swap: LedgerSwap
        let summary: String
        switch request {
        case let .exchange(first, second):
            guard let a = engineer(on: first), let b = engineer(on: second) else {
                return .failure(Refusal(message: "no plan for those shifts", hint: "check the dates"))
            }
            guard a != b else {
                return .failure(
                    Refusal(
                        message: "\(name(a)) is on call for both shifts, \(first) and \(second)",
                        hint: "name two shifts of different engineers"
                    )
                )
            }
            if let refusal = check(b, on: first) ?? check(a, on: second) { return .failure(refusal) }
            swap = LedgerSwap(
                shift: first,
                engineer: b,
                giveBack: LedgerSwap.Assignment(shift: second, engineer: a),
                cause: cause ?? "agreed by \(a) and \(b)",
                recorded: asOf
            )
            summary =
                "\(name(b)) takes \(name(a))'s shift of \(first); \(name(a)) takes \(name(b))'s shift of \(second)"
        case let .handOver(shift, taker):
            guard let holder = engineer(on: shift) else {
                return .failure(Refusal(message: "no plan for the shift of \(shift)", hint: "check the date"))
            }
            guard holder != taker else {
                return .failure(
                    Refusal(
                        message: "\(name(taker)) is already on call for the shift of \(shift)",
                        hint: "nothing to do"
                    )
                )
            }
            if let refusal = check(taker, on: shift) { return .failure(refusal) }
            swap = LedgerSwap(
                shift: shift,
                engineer: taker,
                giveBack: nil,
                cause: cause ?? (volunteer ? "\(taker) volunteered" : "agreed by \(holder) and \(taker)"),
                recorded: asOf
            )
            summary = "\(name(taker)) takes \(name(holder))'s shift of \(shift)"
        }
        var credit: PTOCredit?
        if volunteer {
            guard let cover = plan.shifts.first(where: { $0.handOff == swap.shift })?.holiday else {
                return .failure(
                    Refusal(
                        message:
                            "--volunteer needs a holiday shift first; the shift of \(swap.shift) holds no major holiday",
                        hint:
                            "e.g. rota swap 2026-12-21 --to kim --volunteer, or rota swap 2026-12-21 2026-12-14 --volunteer"
                    )
                )
            }
            let taker = swap.engineer
            credit = PTOCredit(
                engineer: taker,
                days: config.holidayPolicy.volunteerCreditDays,
                holiday: cover.decision.holiday,
                year: cover.decision.year,
                recorded: asOf
            )
        }
        // The rest rule, on the plan with the swap: the shifts around it may move to make room, but a
        // fixed one (locked, a holiday, an override) cannot.
        var withSwap = ledger
        withSwap.swaps.append(swap)
        let after = Planner.plan(config: config, ledger: withSwap, asOf: asOf, from: from, until: until)
        if let tired = after.warnings.first(where: { $0.kind == .backToBack && dates.contains($0.shift) })
            ?? after.warnings.first(where: { warning in
                warning.kind == .backToBack && !plan.warnings.contains(warning)
            })
        {
            let who = after.shifts.first { $0.handOff == tired.shift }.map { name($0.engineer) } ?? "someone"
            let previous = tired.shift.adding(days: -rotation.lengthDays)
            return .failure(
                Refusal(
                    message: "the swap breaks the rest rule: \(who) would be on call for the shifts of \(previous) "
                        + "and \(tired.shift) in a row",
                    hint: "pick another shift; policy.min_gap is \(config.policy.minimumGap)"
                )
            )
        }
        return .success(Entries(swap: swap, credit: credit, summary: summary))
    }

    /// The `rota swap` command line that lets `volunteer` take the holiday shift of `shift`, if one passes
    /// the checks: handing it over, else exchanging it with the nearest shift of the volunteer's.
    package static func volunteerCommand(
        _ volunteer: EngineerID,
        shift: LocalDate,
        config: TeamConfig,
        ledger: Ledger,
        asOf: LocalDate
    ) -> String? {
        func passes(_ request: Request) -> Bool {
            if case .success = entries(
                for: request,
                volunteer: true,
                cause: nil,
                config: config,
                ledger: ledger,
                asOf: asOf
            ) {
                return true
            }
            return false
        }
        if passes(.handOver(shift, to: volunteer)) { return "rota swap \(shift) --to \(volunteer) --volunteer" }
        let length = config.rotation.lengthDays
        let reach = 4 * config.rotation.order.count
        let plan = Planner.plan(
            config: config,
            ledger: ledger,
            asOf: asOf,
            from: max(asOf, shift.adding(days: -length * reach)),
            until: shift.adding(days: length * reach)
        )
        let theirs = plan.shifts.filter { $0.engineer == volunteer && $0.start.date == $0.handOff && $0.holiday == nil }
            .map(\.handOff)
            .sorted { abs($0.days(until: shift)) < abs($1.days(until: shift)) }
        for other in theirs where passes(.exchange(shift, other)) {
            return "rota swap \(shift) \(other) --volunteer"
        }
        return nil
    }
}
