import ICalendar
import RotaModel

extension PlanState {
    /// A holiday shift: the shift on call at noon of one or more major holidays.
    struct HolidayShift {
        let index: Int
        /// Sorted by date, then id; the first one names the decision.
        let occasions: [HolidayCover.Occasion]
        let year: Int
    }

    /// What the fairness rule looks at: each engineer's holiday shifts so far, against their share.
    struct HolidayHistory {
        var count: [EngineerID: Int] = [:]
        /// The holiday shifts each engineer should have had so far: each holiday shift adds 1/n to each of
        /// the n engineers on the team then, so someone who joins later starts level with everyone else.
        var share: [EngineerID: Double] = [:]
        var last: [EngineerID: LocalDate] = [:]
        /// Who covered each holiday in each year.
        var covered: [Key: EngineerID] = [:]

        /// A holiday in one year: a pair of values rather than text, so looking one up builds no string.
        struct Key: Hashable {
            let holiday: HolidayID
            let year: Int
        }

        static func key(_ holiday: HolidayID, _ year: Int) -> Key { Key(holiday: holiday, year: year) }

        func owed(_ engineer: EngineerID) -> Double { (share[engineer] ?? 0) - Double(count[engineer] ?? 0) }

        mutating func add(_ decision: HolidayDecision, occasions: [HolidayCover.Occasion], team: [EngineerID]) {
            for member in team { share[member, default: 0] += 1 / Double(team.count) }
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

    // MARK: Pass 1: holidays

    /// Decides every holiday shift, in time order, each decision seeing the ones before it.
    ///
    /// Decisions depend only on the config and earlier decisions (recorded or not), never on regular
    /// shifts, so the regular shifts can be filled around them and the result is the same however often
    /// the ledger was recorded.
    mutating func decideHolidays() {
        var history = HolidayHistory()
        let recorded = Dictionary(
            ledger.holidays.map { (HolidayHistory.key($0.holiday, $0.year), $0) },
            uniquingKeysWith: { first, _ in first }
        )
        for shift in holidayShifts() {
            let fromLedger = shift.occasions.lazy.compactMap { recorded[HolidayHistory.key($0.id, $0.date.year)] }.first
            var decision = fromLedger ?? decide(shift, history: history)
            if let swapped = swappedHolder(of: shift.index, decided: decision) { decision = swapped }
            history.add(decision, occasions: shift.occasions, team: onTeam(forShift: shift.index))
            slots[shift.index].holiday = HolidayDraft(
                occasions: shift.occasions,
                decision: decision,
                recorded: fromLedger != nil
            )
        }
    }

    /// The decision as a recorded swap changed it: whoever the last swap put on the holiday shift covers it,
    /// as a volunteer when the ledger credits them for it, so fairness and reports count the right person.
    private func swappedHolder(of index: Int, decided decision: HolidayDecision) -> HolidayDecision? {
        let date = grid.handOffDate(index)
        guard let swap = ledger.swaps.last(where: { $0.shift == date || $0.giveBack?.shift == date }) else {
            return nil
        }
        let holder = swap.shift == date ? swap.engineer : (swap.giveBack?.engineer ?? swap.engineer)
        guard holder != decision.engineer else { return nil }
        let credited = ledger.credits.contains {
            $0.engineer == holder && $0.holiday == decision.holiday && $0.year == decision.year
        }
        return HolidayDecision(
            holiday: decision.holiday,
            year: decision.year,
            shift: decision.shift,
            engineer: holder,
            reason: credited ? .volunteer : .onlyAvailable,
            note: "swap recorded on \(swap.recorded): \(swap.cause)",
            recorded: swap.recorded
        )
    }

    /// Engineers a holiday decision for shift `index` must avoid by the rest rule: those of earlier holiday
    /// shifts and of whole-shift overrides within the minimum gap.
    private func restBlocked(near index: Int) -> Set<EngineerID> {
        guard minimumGap > 0 else { return [] }
        var blocked: Set<EngineerID> = []
        for offset in 1...minimumGap {
            if index - offset >= 0, let earlier = slots[index - offset].holiday {
                blocked.insert(earlier.decision.engineer)
            }
            for other in [index - offset, index + offset] {
                if let override = overrides[other] { blocked.insert(override.engineer) }
            }
        }
        return blocked
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
        if let engineer = fixed[shift.index], !anchored.contains(shift.index) {
            return decision(engineer, .onlyAvailable, "the shift was already recorded for \(name(engineer))")
        }
        if let override = overrides[shift.index] {
            return decision(override.engineer, .onlyAvailable, "an override puts \(name(override.engineer)) on it")
        }
        let onTeam = self.onTeam(forShift: shift.index)
        let available = self.available(forShift: shift.index)
        let blocked = restBlocked(near: shift.index)
        let rested = available.filter { !blocked.contains($0) }
        let away = onTeam.filter { !available.contains($0) }
        let awayNote = away.isEmpty ? "" : "; away: " + away.map(name).joined(separator: ", ")
        let restNote =
            available.count > rested.count
            ? "; on call next to it: " + available.filter(blocked.contains).map(name).joined(separator: ", ") : ""

        let pledges = config.holidayPolicy.volunteers.filter { pledge in
            shift.occasions.contains { $0.id == pledge.holiday && $0.date.year == pledge.year }
        }
        if let volunteer = pledges.flatMap(\.engineers).first(where: rested.contains) {
            return decision(volunteer, .volunteer, "\(name(volunteer)) volunteered for \(first.name) \(shift.year)")
        }
        func ranked(_ candidates: [EngineerID]) -> [EngineerID] {
            // Each candidate's figures are looked up once, not in every comparison of the sort.
            let keyed = candidates.map {
                (engineer: $0, owed: history.owed($0), last: history.last[$0], order: position[$0] ?? 0)
            }
            return keyed.sorted { a, b in
                if abs(a.owed - b.owed) > 1e-9 { return a.owed > b.owed }
                if a.last != b.last {
                    guard let lastA = a.last else { return true }
                    guard let lastB = b.last else { return false }
                    return lastA < lastB
                }
                return a.order < b.order
            }
            .map(\.engineer)
        }
        guard !available.isEmpty else {
            let engineer = ranked(onTeam.isEmpty ? team : onTeam)[0]
            return decision(engineer, .onlyAvailable, "everyone is away; nobody covers it yet")
        }
        let pool = rested.isEmpty ? available : rested
        let lastYear = Set(
            shift.occasions.compactMap { history.covered[HolidayHistory.key($0.id, $0.date.year - 1)] }
        )
        let eligible = pool.filter { !lastYear.contains($0) }
        let order = ranked(eligible.isEmpty ? pool : eligible)
        let chosen = order[0]
        var note = "fewest holiday shifts for time on the team (\(history.count[chosen] ?? 0))"
        if order.count > 1, abs(history.owed(order[1]) - history.owed(chosen)) <= 1e-9 {
            note += history.last[order[1]] != history.last[chosen] ? ", oldest last holiday shift" : ", rotation order"
        }
        if let previous = lastYear.first {
            note += "; \(name(previous)) covered \(first.name) in \(shift.year - 1)"
        }
        note += awayNote + restNote
        if eligible.isEmpty || rested.isEmpty {
            return decision(chosen, .onlyAvailable, "only \(name(chosen)) can take it" + awayNote + restNote)
        }
        return decision(chosen, .rotation, note)
    }
}
