import RotaModel

extension PlanState {
    // MARK: Pass 2: every shift, in time order

    /// Gives every slot its engineer, in time order.
    ///
    /// An override, then the ledger (and the resolutions this plan proposes), then a holiday decision fix
    /// a slot; every other slot goes to the fairest engineer who can take it: on the team and not away for
    /// any day of it, not on call within the minimum gap before it, and not fixed within the minimum gap after
    /// it (a holiday decision, an override, a recorded swap). Fairest is the one furthest below their share:
    /// each shift adds 1/n to the share of each of the n engineers on the team then, so PTO is made up later
    /// and a newcomer starts level. Shifts fixed in the next round count as taken already. Ties go to the
    /// engineer whose turn in the rotation order comes first from this shift on, which makes a team with no
    /// PTO a plain round robin and brings the order back to it after an absence.
    ///
    /// - Complexity: O(*s* × *e*) for *s* slots and *e* engineers.
    mutating func fill() {
        let teamSize = team.count
        var share = [Double](repeating: 0, count: teamSize)
        var count = [Int](repeating: 0, count: teamSize)
        var ahead = [Int](repeating: 0, count: teamSize)
        for index in slots.indices {
            let onTeam = (0..<teamSize).filter { availability.onTeam(index, $0) }
            for member in onTeam { share[member] += 1 / Double(onTeam.count) }
            // Shifts already fixed in the next round (holidays, overrides, swaps) count as taken, so the
            // shifts they displace are made up on both sides of them rather than all after.
            for member in 0..<teamSize { ahead[member] = 0 }
            for next in index + 1..<min(slots.count, index + 1 + teamSize) {
                if let engineer = fixedAheadEngineer(next), let member = position[engineer] { ahead[member] += 1 }
            }
            let turnOffset = index % teamSize
            // Whether member a is fairer than member b for this slot.
            func fairer(_ a: Int, _ b: Int) -> Bool {
                let owedA = share[a] - Double(count[a] + ahead[a])
                let owedB = share[b] - Double(count[b] + ahead[b])
                if abs(owedA - owedB) > 1e-9 { return owedA > owedB }
                return (a - turnOffset + teamSize) % teamSize < (b - turnOffset + teamSize) % teamSize
            }
            func fairest(_ candidates: [Int]) -> Int? {
                candidates.min { fairer($0, $1) }
            }
            var slot = slots[index]
            let available = onTeam.filter { availability.available(index, $0) }
            slot.uncovered = available.isEmpty
            slot.kind = .regular
            slot.locked = fixed[index] != nil
            if let override = overrides[index] {
                let underneath = fixed[index] ?? slot.holiday?.decision.engineer ?? fairest(onTeam).map { team[$0] }
                slot.engineer = override.engineer
                slot.kind = .override
                var text = "override: \(name(override.engineer))"
                if let underneath, underneath != override.engineer { text += " instead of \(name(underneath))" }
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
                    top: fairest(onTeam.isEmpty ? Array(0..<teamSize) : onTeam) ?? 0,
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
            slot.forcedRest =
                minimumGap > 0
                && (1...minimumGap).contains { index - $0 >= 0 && slots[index - $0].engineer == slot.engineer }
            slots[index] = slot
            if let member = position[slot.engineer] { count[member] += 1 }
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
    ///   - index: The slot's shift index.
    ///   - top: The rotation position of the fairest engineer on the team, available or not.
    ///   - available: The rotation positions of those free for the slot.
    ///   - fairest: Picks the fairest of some rotation positions.
    /// - Returns: The engineer, the kind of shift and the reasons, most important first.
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
        let chosen = team[fairest(available.filter { restConflict(team[$0]) == nil }) ?? anyone]
        if chosen == topEngineer {
            return (
                chosen, .regular,
                [
                    ShiftReason(
                        kind: .rotation,
                        text: "next in turn: fewest shifts for time on the team, then rotation order"
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
