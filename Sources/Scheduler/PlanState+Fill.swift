import RotaModel

extension PlanState {
    // MARK: Pass 2: every shift, in time order

    /// Gives every slot its engineer, in time order.
    ///
    /// An override, then the ledger (and the resolutions this plan proposes), then a holiday decision fix
    /// a slot. Every other slot goes to whoever's turn it is, if they can take it: on the team and not away
    /// for any day of it, not on call within the minimum gap before it, and not fixed within the minimum gap
    /// after it (a holiday decision, an override, a recorded swap). Whose turn it is:
    /// 1. someone whose turn the rotation order's engineer took earlier (a cover, a holiday), who takes it back;
    /// 2. else the rotation order's engineer, unless they are a shift or more ahead of the neediest;
    /// 3. else, or when that one cannot take it, the fairest who can: the one furthest below their share
    ///    (each shift adds 1/n to the share of each of the n engineers on the team then, so a newcomer starts
    ///    level; shifts fixed in the next round count as taken), ties to the rotation order.
    ///
    /// So a team with no PTO is a plain round robin, a week off or a holiday moves two shifts like a swap and
    /// the order then resumes, and counts stay within a shift or two of each other.
    ///
    /// - Complexity: O(*s* × *e*) for *s* slots and *e* engineers.
    mutating func fill() {
        let teamSize = team.count
        var share = [Double](repeating: 0, count: teamSize)
        var count = [Int](repeating: 0, count: teamSize)
        var ahead = [Int](repeating: 0, count: teamSize)
        var holidaysAhead = [Int](repeating: 0, count: teamSize)
        // owes[d] lists, oldest first, the engineers whose turns d took: at d's next turn the first of them
        // who is free and rested takes it back. Derived only from who ended up on each slot and whose turn it
        // was, so a recorded slot settles the same way as a computed one.
        var owes = [[Int]](repeating: [], count: teamSize)
        // Who is fixed on each slot ahead of time, and who has it as a holiday shift (not overridden), by rotation
        // position: read once per slot here rather than once for each of the `teamSize` slots before it.
        // Nothing below changes either: filling sets engineers, not what fixes them.
        let fixedMember = slots.indices.map { fixedAheadEngineer($0).flatMap { position[$0] } }
        let holidayMember = slots.indices.map { index in
            overrides[index] == nil ? slots[index].holiday.flatMap { position[$0.decision.engineer] } : nil
        }
        // Who is on the team, and who of them is free, for the slot at hand; refilled for each slot in place.
        var onTeam: [Int] = []
        var available: [Int] = []
        onTeam.reserveCapacity(teamSize)
        available.reserveCapacity(teamSize)
        for index in slots.indices {
            onTeam.removeAll(keepingCapacity: true)
            available.removeAll(keepingCapacity: true)
            for member in 0..<teamSize where availability.onTeam(index, member) {
                onTeam.append(member)
                if availability.available(index, member) { available.append(member) }
            }
            for member in onTeam { share[member] += 1 / Double(onTeam.count) }
            // Shifts already fixed in the next round (holidays, overrides, swaps) count as taken, so the
            // shifts they displace are made up on both sides of them rather than all after.
            for member in 0..<teamSize { (ahead[member], holidaysAhead[member]) = (0, 0) }
            for next in index + 1..<min(slots.count, index + 1 + teamSize) {
                if let member = fixedMember[next] { ahead[member] += 1 }
                if let member = holidayMember[next] { holidaysAhead[member] += 1 }
            }
            let base = index % teamSize
            // Whether member a is fairer than member b for this slot.
            func fairer(_ a: Int, _ b: Int) -> Bool {
                let owedA = share[a] - Double(count[a] + ahead[a])
                let owedB = share[b] - Double(count[b] + ahead[b])
                if abs(owedA - owedB) > 1e-9 { return owedA > owedB }
                return (a - base + teamSize) % teamSize < (b - base + teamSize) % teamSize
            }
            func fairest(_ candidates: [Int]) -> Int? {
                candidates.min { fairer($0, $1) }
            }
            // Whether `engineer` had none of the `minimumGap` shifts before this one.
            func rested(_ engineer: EngineerID) -> Bool {
                minimumGap == 0
                    || !(1...minimumGap).contains { index - $0 >= 0 && slots[index - $0].engineer == engineer }
            }
            // Whose turn it is: someone whose turn the base engineer took earlier and who can take it now (the
            // swap completes), else the base engineer of the rotation order, else the fairest. So a week off or a
            // holiday moves two shifts and the order then resumes, instead of every later shift moving by one.
            func turn(_ onTeam: [Int], available: [Int]) -> Int {
                if let creditor = owes[base].first(where: { available.contains($0) && rested(team[$0]) }) {
                    return creditor
                }
                let mostOwed = fairest(onTeam.isEmpty ? Array(0..<teamSize) : onTeam) ?? base
                guard onTeam.contains(base) else { return mostOwed }
                // A base engineer two shifts ahead of the neediest gives the turn up, so debts that could not be
                // settled (the one owed was away or on call next to it) never let counts drift apart.
                // Holiday shifts fixed in the next round count as taken here (overrides and swaps settle as swaps),
                // so the turns around a run of holidays are evened out on both sides of it.
                func owed(_ member: Int) -> Double { share[member] - Double(count[member] + holidaysAhead[member]) }
                let neediest = onTeam.max { owed($0) < owed($1) } ?? base
                return owed(base) < owed(neediest) - 0.9 ? mostOwed : base
            }
            var slot = slots[index]
            slot.uncovered = available.isEmpty
            slot.kind = .regular
            slot.locked = fixed[index] != nil
            if let override = overrides[index] {
                let underneath =
                    fixed[index] ?? slot.holiday?.decision.engineer ?? team[turn(onTeam, available: available)]
                slot.engineer = override.engineer
                slot.kind = .override
                var text = "override: \(name(override.engineer))"
                if underneath != override.engineer { text += " instead of \(name(underneath))" }
                slot.reasons = [ShiftReason(kind: .override, text: text + (override.reason.map { " (\($0))" } ?? ""))]
            } else if let engineer = fixed[index] {
                slot.engineer = engineer
                slot.reasons = [lockReason(index, engineer)]
            } else if let draft = slot.holiday {
                slot.engineer = draft.decision.engineer
                slot.reasons = []
            } else {
                (slot.engineer, slot.kind, slot.reasons) = choose(
                    index,
                    top: turn(onTeam, available: available),
                    available: available,
                    fairest
                )
            }
            if let draft = slot.holiday {
                if slot.kind != .override { slot.kind = .holiday }
                let names = draft.occasions.map(\.name).joined(separator: " and ")
                let source = draft.recorded ? "recorded on \(draft.decision.recorded)" : "proposed"
                slot.reasons.insert(
                    ShiftReason(
                        kind: .holiday,
                        text: "\(names): \(draft.decision.note) (\(draft.decision.reason.rawValue), \(source))"
                    ),
                    at: 0
                )
            }
            if slot.uncovered {
                slot.reasons.append(
                    ShiftReason(
                        kind: .everyoneAway,
                        text: "UNCOVERED: everyone is away; add an override or move someone's PTO"
                    )
                )
            }
            slot.forcedRest = !rested(slot.engineer)
            slots[index] = slot
            if let member = position[slot.engineer] {
                count[member] += 1
                // Settle turns: taking back a turn clears that debt; taking someone else's turn makes one.
                if member != base {
                    if let paid = owes[base].firstIndex(of: member) {
                        owes[base].remove(at: paid)
                    } else if availability.onTeam(index, base) {
                        owes[member].append(base)
                    }
                }
            }
        }
    }

    /// Who a holiday decision, an override or a recorded swap fixes on slot `index`, if anyone.
    private func fixedAheadEngineer(_ index: Int) -> EngineerID? {
        if let override = overrides[index] { return override.engineer }
        if anchored.contains(index), let engineer = fixed[index] { return engineer }
        return slots[index].holiday?.decision.engineer
    }

    /// Who is fixed on the slots within the minimum gap after `index` (holiday decisions, overrides,
    /// recorded swaps and proposed resolutions), whom the rest rule keeps off `index`.
    private func fixedAhead(_ index: Int) -> [(engineer: EngineerID, why: String)] {
        guard minimumGap > 0 else { return [] }
        return (1...minimumGap).compactMap { offset -> (EngineerID, String)? in
            let next = index + offset
            guard next < slots.count else { return nil }
            let date = grid.handOffDate(next)
            if let override = overrides[next] { return (override.engineer, "has an override on the shift of \(date)") }
            if anchored.contains(next), let engineer = fixed[next] { return (engineer, "takes the shift of \(date)") }
            if let draft = slots[next].holiday {
                return (draft.decision.engineer, "covers \(draft.occasions[0].name) on the shift of \(date)")
            }
            return nil
        }
    }

    /// The fairest engineer for a free slot, and why (naming whoever was passed over).
    ///
    /// - Parameters:
    ///   - index: The slot.
    ///   - top: The rotation position of the engineer whose turn it is, available or not.
    ///   - available: The rotation positions of those free for the slot.
    ///   - fairest: Picks the fairest of some rotation positions.
    /// - Returns: The engineer, the kind of shift and why.
    private func choose(
        _ index: Int,
        top: Int,
        available: [Int],
        _ fairest: ([Int]) -> Int?
    ) -> (EngineerID, ShiftKind, [ShiftReason]) {
        let topEngineer = team[top]
        guard let anyone = fairest(available) else { return (topEngineer, .regular, []) }
        let ahead = fixedAhead(index)
        func restConflict(_ engineer: EngineerID) -> String? {
            guard minimumGap > 0 else { return nil }
            for offset in 1...minimumGap where index - offset >= 0 && slots[index - offset].engineer == engineer {
                return "\(name(engineer)) is on call the shift of \(grid.handOffDate(index - offset))"
            }
            return ahead.first { $0.engineer == engineer }.map { "\(name(engineer)) \($0.why)" }
        }
        let chosen =
            available.contains(top) && restConflict(topEngineer) == nil
            ? topEngineer : team[fairest(available.filter { restConflict(team[$0]) == nil }) ?? anyone]
        if chosen == topEngineer {
            return (
                chosen, .regular,
                [
                    ShiftReason(
                        kind: .rotation,
                        text: "next in turn: the rotation order, within one shift of the fairest share"
                    )
                ]
            )
        }
        if let away = absence(topEngineer, forShift: index) {
            return (chosen, .swap, [ShiftReason(kind: .ptoCover, text: "in for \(name(topEngineer)): \(away)")])
        }
        let why = restConflict(topEngineer) ?? "\(name(topEngineer)) cannot take it"
        return (
            chosen, .swap,
            [ShiftReason(kind: .rest, text: "in for \(name(topEngineer)), who needs a shift off: \(why)")]
        )
    }

    private func lockReason(_ index: Int, _ engineer: EngineerID) -> ShiftReason {
        if let resolution = resolutions.first(where: { $0.swap.shift == grid.handOffDate(index) }) {
            return ShiftReason(kind: .conflictSwap, text: "proposed: \(resolution.summary)")
        }
        if let resolution = resolutions.first(where: { $0.swap.giveBack?.shift == grid.handOffDate(index) }) {
            return ShiftReason(kind: .conflictSwap, text: "proposed give-back: \(resolution.summary)")
        }
        if let swap = lastSwap[index] {
            return ShiftReason(kind: .locked, text: "swap recorded on \(swap.recorded): \(swap.cause)")
        }
        return ShiftReason(
            kind: .locked,
            text: "recorded in the ledger" + (recordedOn[index].map { " on \($0)" } ?? "")
        )
    }
}
