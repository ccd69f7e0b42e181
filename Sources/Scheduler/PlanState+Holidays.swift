import RotaModel

extension PlanState {
    /// A holiday shift: the shift on call at noon of one or more major holidays.
    struct HolidayShift {
        let index: Int
        /// Sorted by date, then id; the first one names the decision.
        let occasions: [HolidayCover.Occasion]
        let year: Int
    }

    /// What the fairness rule looks at: each engineer's holiday shifts so far.
    struct HolidayHistory {
        var count: [EngineerID: Int] = [:]
        var last: [EngineerID: LocalDate] = [:]
        /// Who covered each holiday in each year.
        var covered: [String: EngineerID] = [:]

        static func key(_ holiday: HolidayID, _ year: Int) -> String { "\(holiday.rawValue) \(year)" }

        mutating func add(_ decision: HolidayDecision, occasions: [HolidayCover.Occasion]) {
            count[decision.engineer, default: 0] += 1
            last[decision.engineer] = max(last[decision.engineer] ?? decision.shift, decision.shift)
            for occasion in occasions {
                covered[Self.key(occasion.id, occasion.date.year)] = decision.engineer
            }
            covered[Self.key(decision.holiday, decision.year)] = decision.engineer
        }
    }

    /// The shifts that contain a major holiday, in time order.
    func holidayShifts() -> [HolidayShift] {
        let lastDay = grid.handOffDate(slots.count)
        var byIndex: [Int: [HolidayCover.Occasion]] = [:]
        for year in config.rotation.start.year...lastDay.year {
            for holiday in config.holidays.occurrences(in: year) where holiday.major {
                let index = grid.index(atNoonOf: holiday.date)
                guard index >= 0, index < slots.count else { continue }
                byIndex[index, default: []].append(.init(id: holiday.id, name: holiday.name, date: holiday.date))
            }
        }
        return byIndex.keys.sorted().compactMap { index in
            let occasions = (byIndex[index] ?? []).sorted { ($0.date, $0.id) < ($1.date, $1.id) }
            return occasions.first.map { HolidayShift(index: index, occasions: occasions, year: $0.date.year) }
        }
    }

    // MARK: Pass 2: holidays

    /// Gives every holiday shift its engineer, in time order, each decision seeing the ones before it.
    mutating func decideHolidays(leadEnd: LocalDate) {
        var history = HolidayHistory()
        let recorded = Dictionary(
            ledger.holidays.map { (HolidayHistory.key($0.holiday, $0.year), $0) },
            uniquingKeysWith: { first, _ in first }
        )
        let shifts = holidayShifts()
        for shift in shifts { slots[shift.index].containsHoliday = true }
        for shift in shifts {
            let fromLedger = shift.occasions.lazy.compactMap { recorded[HolidayHistory.key($0.id, $0.date.year)] }.first
            let decision = fromLedger ?? decide(shift, history: history)
            history.add(decision, occasions: shift.occasions)
            place(decision, on: shift, recorded: fromLedger != nil)
        }
    }

    /// Chooses the engineer for a holiday shift that the ledger has no decision for.
    private func decide(_ shift: HolidayShift, history: HolidayHistory) -> HolidayDecision {
        let first = shift.occasions[0]
        let handOff = grid.handOffDate(shift.index)
        func decision(_ engineer: EngineerID, _ reason: HolidayDecision.Reason, _ note: String) -> HolidayDecision {
            HolidayDecision(
                holiday: first.id,
                year: shift.year,
                shift: handOff,
                engineer: engineer,
                reason: reason,
                note: note,
                recorded: asOf
            )
        }
        if slots[shift.index].locked {
            let engineer = slots[shift.index].engineer
            return decision(engineer, .onlyAvailable, "the shift was already recorded for \(name(engineer))")
        }
        let order = config.rotation.order
        let available = order.filter { isAvailable($0, forShift: shift.index) }
        let away = order.filter { !available.contains($0) }
        let awayNote = away.isEmpty ? "" : "; away: " + away.map(name).joined(separator: ", ")

        let pledges = config.holidayPolicy.volunteers.filter { pledge in
            shift.occasions.contains { $0.id == pledge.holiday && $0.date.year == pledge.year }
        }
        if let volunteer = pledges.flatMap(\.engineers).first(where: available.contains) {
            return decision(volunteer, .volunteer, "\(name(volunteer)) volunteered for \(first.name) \(shift.year)")
        }
        guard !available.isEmpty else {
            let engineer = slots[shift.index].engineer
            return decision(engineer, .onlyAvailable, "everyone is away; \(name(engineer)) keeps the shift")
        }
        let lastYear = Set(
            shift.occasions.compactMap { history.covered[HolidayHistory.key($0.id, $0.date.year - 1)] }
        )
        let eligible = available.filter { !lastYear.contains($0) }
        let candidates = eligible.isEmpty ? available : eligible
        let ranked = candidates.sorted { a, b in
            let (countA, countB) = (history.count[a] ?? 0, history.count[b] ?? 0)
            if countA != countB { return countA < countB }
            let (lastA, lastB) = (history.last[a], history.last[b])
            if lastA != lastB {
                guard let lastA else { return true }
                guard let lastB else { return false }
                return lastA < lastB
            }
            return (order.firstIndex(of: a) ?? 0) < (order.firstIndex(of: b) ?? 0)
        }
        let chosen = ranked[0]
        var note = "fewest holiday shifts (\(history.count[chosen] ?? 0))"
        if ranked.count > 1, history.count[ranked[1]] ?? 0 == history.count[chosen] ?? 0 {
            note += history.last[ranked[1]] != history.last[chosen] ? ", oldest last holiday shift" : ", rotation order"
        }
        if let previous = lastYear.first {
            note += "; \(name(previous)) covered \(first.name) in \(shift.year - 1)"
        }
        note += awayNote
        if eligible.isEmpty {
            return decision(chosen, .onlyAvailable, "only \(name(chosen)) is available" + awayNote)
        }
        return decision(chosen, .rotation, note)
    }

    /// Puts the decided engineer on the holiday shift; the engineer the shift had takes one of theirs.
    private mutating func place(_ decision: HolidayDecision, on shift: HolidayShift, recorded: Bool) {
        let index = shift.index
        let displaced = slots[index].engineer
        if !slots[index].locked, decision.engineer != displaced {
            // A decision that is not due yet may change before it is recorded, so its swap must not touch
            // a shift that `--record` would lock now: its partner lies beyond the lock window and is not
            // already the other half of a swap with a shift inside it.
            let notDue = index > lockEnd
            func candidate(_ other: Int) -> Bool {
                isMovable(other, forShiftAt: index) && slots[other].engineer == decision.engineer
                    && (!notDue || (other > lockEnd && slots[other].swappedWith.isEmpty))
            }
            let partner =
                nearby(index).first { candidate($0) && isAvailable(displaced, forShift: $0) }
                ?? nearby(index).first(where: candidate)
            if let partner {
                swap(index, partner)
                slots[partner].kind = .swap
                slots[partner].reasons = [
                    ShiftReason(
                        kind: .holidaySwap,
                        text: "takes \(name(decision.engineer))'s shift: \(name(decision.engineer)) covers "
                            + "\(shift.occasions[0].name) on the shift of \(grid.handOffDate(index))"
                    )
                ]
            }
            slots[index].engineer = decision.engineer  // already so after a swap; without a partner, it is a cover
            slots[index].reasons = []
        }
        slots[index].kind = .holiday
        let names = shift.occasions.map(\.name).joined(separator: " and ")
        let source = recorded ? "recorded on \(decision.recorded)" : "proposed"
        slots[index].reasons.insert(
            ShiftReason(kind: .holiday, text: "\(names): \(decision.note) (\(decision.reason.rawValue), \(source))"),
            at: 0
        )
        slots[index].holiday = HolidayDraft(occasions: shift.occasions, decision: decision, recorded: recorded)
    }
}
