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
    /// and a newcomer starts level. Ties go to the one longest without a shift, then to rotation order, which
    /// makes a team with no PTO a plain round robin.
    ///
    /// - Complexity: O(*s* × *e*) for *s* slots and *e* engineers.
    mutating func fill() {
        var share: [EngineerID: Double] = [:]
        var count: [EngineerID: Int] = [:]
        let position = Dictionary(team.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let teamSize = team.count
        for index in slots.indices {
            let onTeam = team.filter { isOnTeam($0, forShift: index) }
            for member in onTeam { share[member, default: 0] += 1 / Double(onTeam.count) }
            // Shifts already fixed in the next round (holidays, overrides, swaps) count as taken, so the
            // shifts they displace are made up on both sides of them rather than all after.
            var ahead: [EngineerID: Int] = [:]
            for next in index + 1..<min(slots.count, index + 1 + teamSize) {
                if let engineer = fixedAheadEngineer(next) { ahead[engineer, default: 0] += 1 }
            }
            func ranked(_ candidates: [EngineerID]) -> [EngineerID] {
                candidates.sorted { a, b in
                    let owedA = (share[a] ?? 0) - Double((count[a] ?? 0) + (ahead[a] ?? 0))
                    let owedB = (share[b] ?? 0) - Double((count[b] ?? 0) + (ahead[b] ?? 0))
                    if abs(owedA - owedB) > 1e-9 { return owedA > owedB }
                    let turn = { (id: EngineerID) in ((position[id] ?? 0) - index % teamSize + teamSize) % teamSize }
                    return turn(a) < turn(b)
                }
            }
            var slot = slots[index]
            let available = onTeam.filter { isAvailable($0, forShift: index) }
            slot.uncovered = available.isEmpty
            slot.kind = .regular
            slot.locked = fixed[index] != nil
            if let override = overrides[index] {
                let underneath = fixed[index] ?? slot.holiday?.decision.engineer ?? ranked(onTeam)[safe: 0]
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
                (slot.engineer, slot.kind, slot.reasons) = choose(index, onTeam: onTeam, available: available, ranked)
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
            count[slot.engineer, default: 0] += 1
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
    private func choose(
        _ index: Int,
        onTeam: [EngineerID],
        available: [EngineerID],
        _ ranked: ([EngineerID]) -> [EngineerID]
    ) -> (EngineerID, ShiftKind, [ShiftReason]) {
        let everyone = ranked(onTeam.isEmpty ? team : onTeam)
        guard !available.isEmpty else {
            return (everyone[0], .regular, [])
        }
        let ahead = fixedAhead(index)
        func restConflict(_ engineer: EngineerID) -> String? {
            guard minimumGap > 0 else { return nil }
            for offset in 1...minimumGap where index - offset >= 0 && slots[index - offset].engineer == engineer {
                return "\(name(engineer)) is on call the shift of \(grid.handOffDate(index - offset))"
            }
            return ahead.first { $0.engineer == engineer }.map { "\(name(engineer)) \($0.why)" }
        }
        let rested = ranked(available).filter { restConflict($0) == nil }
        let chosen = rested.first ?? ranked(available)[0]
        let top = everyone[0]
        if chosen == top {
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
        if let away = absence(top, forShift: index) {
            return (chosen, .swap, [ShiftReason(kind: .ptoCover, text: "in for \(name(top)): \(away)")])
        }
        let why = restConflict(top) ?? "\(name(top)) cannot take it"
        return (chosen, .swap, [ShiftReason(kind: .rest, text: "in for \(name(top)), who needs a shift off: \(why)")])
    }

    private func lockReason(_ index: Int, _ engineer: EngineerID) -> ShiftReason {
        if let resolution = resolutions.first(where: { $0.swap.shift == grid.handOffDate(index) }) {
            return ShiftReason(kind: .conflictSwap, text: "proposed: \(resolution.summary)")
        }
        if let resolution = resolutions.first(where: { $0.swap.giveBack?.shift == grid.handOffDate(index) }) {
            return ShiftReason(kind: .conflictSwap, text: "proposed give-back: \(resolution.summary)")
        }
        let date = grid.handOffDate(index)
        if let swap = ledger.swaps.last(where: { $0.shift == date || $0.giveBack?.shift == date }) {
            return ShiftReason(kind: .locked, text: "swap recorded on \(swap.recorded): \(swap.cause)")
        }
        let recorded = ledger.shifts.first { $0.start == date }?.recorded
        return ShiftReason(kind: .locked, text: "recorded in the ledger" + (recorded.map { " on \($0)" } ?? ""))
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
