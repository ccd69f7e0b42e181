import RotaModel

extension PlanState {
    /// A conflict's proposed resolution: who takes the locked shift and, when the engineer who had it can,
    /// which later shift they take in return.
    struct Resolution {
        let swap: LedgerSwap
        let summary: String
    }

    // MARK: Pass 3: conflicts inside the lock window

    /// Why the ledger's engineer cannot keep locked shift `index` (PTO, off the team, an override), or nil.
    func conflictCause(_ index: Int) -> SchedulingConflict.Cause? {
        guard ledgerFixed.contains(index), let engineer = fixed[index] else { return nil }
        return cause(index, engineer)
    }

    /// Why `engineer` cannot be on locked shift `index`: an override names someone else, or they are away.
    private func cause(_ index: Int, _ engineer: EngineerID) -> SchedulingConflict.Cause? {
        if let override = overrides[index], override.engineer != engineer { return .override(override.engineer) }
        guard let why = absence(engineer, forShift: index) else { return nil }
        return ptoRange(engineer, forShift: index) != nil && isOnTeam(engineer, forShift: index)
            ? .pto(why) : .departure(why)
    }

    /// Proposes a resolution for every locked shift from the as-of date to `last` whose engineer cannot keep
    /// it, in time order, filling the plan again after each so the next sees it.
    mutating func resolveConflicts(upTo last: Int) {
        var index = asOfIndex
        while index <= min(last, slots.count - 1) {
            defer { index += 1 }
            guard resolutions.allSatisfy({ $0.swap.shift != grid.handOffDate(index) }),
                let cause = conflictCause(index), let engineer = fixed[index],
                let resolution = resolution(index, engineer: engineer, cause: cause)
            else { continue }
            resolutions.append(resolution)
            fixed[index] = resolution.swap.engineer
            anchored.insert(index)
            if let giveBack = resolution.swap.giveBack {
                let back = grid.index(ofHandOff: giveBack.shift)
                fixed[back] = giveBack.engineer
                anchored.insert(back)
            }
            fill()
        }
    }

    /// Whether `engineer` is on call within the minimum gap of `index` (ignoring the slots in `except`).
    private func isNear(_ engineer: EngineerID, _ index: Int, except: Set<Int> = []) -> Bool {
        guard minimumGap > 0 else { return false }
        return (1...minimumGap).contains { offset in
            [index - offset, index + offset].contains {
                $0 >= 0 && $0 < slots.count && !except.contains($0) && slots[$0].engineer == engineer
            }
        }
    }

    /// The later shift of `taker` that `engineer` can take in return: the nearest one that is not a
    /// holiday shift, overridden or fixed, where `engineer` is free and rested.
    private func giveBack(from taker: EngineerID, to engineer: EngineerID, after index: Int) -> Int? {
        let limit = min(slots.count - 1, index + 4 * max(team.count, 2))
        guard index + 1 <= limit else { return nil }
        return (index + 1...limit).first { candidate in
            slots[candidate].engineer == taker && slots[candidate].holiday == nil && overrides[candidate] == nil
                && (fixed[candidate] == nil || ledgerFixed.contains(candidate) && !anchored.contains(candidate))
                && isAvailable(engineer, forShift: candidate) && !isNear(engineer, candidate, except: [index])
        }
    }

    private func resolution(_ index: Int, engineer: EngineerID, cause: SchedulingConflict.Cause) -> Resolution? {
        let recorded = asOf
        if case let .override(taker) = cause {
            let back = giveBack(from: taker, to: engineer, after: index)
            return make(index, engineer: engineer, taker: taker, back: back, cause: cause, recorded: recorded)
        }
        let candidates = team.filter {
            $0 != engineer && isAvailable($0, forShift: index) && !isNear($0, index)
        }
        guard !candidates.isEmpty else { return nil }
        let radius = 2 * max(team.count, 2)
        let nearby = slots[max(0, index - radius)..<min(slots.count, index + radius + 1)]
        let load = Dictionary(grouping: nearby, by: \.engineer).mapValues(\.count)
        let canGiveBack: Bool
        if case .pto = cause { canGiveBack = true } else { canGiveBack = false }
        let options = candidates.map { taker in
            (taker: taker, back: canGiveBack ? giveBack(from: taker, to: engineer, after: index) : nil)
        }
        let best = options.enumerated().min { a, b in
            let keyA = (
                a.element.back == nil && canGiveBack ? 1 : 0, load[a.element.taker] ?? 0, a.element.back ?? 0, a.offset
            )
            let keyB = (
                b.element.back == nil && canGiveBack ? 1 : 0, load[b.element.taker] ?? 0, b.element.back ?? 0, b.offset
            )
            return keyA < keyB
        }
        guard let best else { return nil }
        return make(
            index,
            engineer: engineer,
            taker: best.element.taker,
            back: best.element.back,
            cause: cause,
            recorded: recorded
        )
    }

    private func make(
        _ index: Int,
        engineer: EngineerID,
        taker: EngineerID,
        back: Int?,
        cause: SchedulingConflict.Cause,
        recorded: LocalDate
    ) -> Resolution {
        let date = grid.handOffDate(index)
        let swap = LedgerSwap(
            shift: date,
            engineer: taker,
            giveBack: back.map { LedgerSwap.Assignment(shift: grid.handOffDate($0), engineer: engineer) },
            cause: cause.text,
            recorded: recorded
        )
        var summary = "\(name(taker)) takes \(name(engineer))'s shift of \(date) (\(cause.text))"
        if let back {
            summary += "; \(name(engineer)) takes \(name(taker))'s shift of \(grid.handOffDate(back)) in return"
        }
        return Resolution(swap: swap, summary: summary)
    }

    /// Every conflict from the as-of date to `last`: locked shifts whose engineer cannot keep them (with the
    /// proposed resolution, if any) and shifts with everyone away.
    func conflicts(upTo last: Int) -> [SchedulingConflict] {
        guard asOfIndex <= min(last, slots.count - 1) else { return [] }
        return (asOfIndex...min(last, slots.count - 1)).flatMap { index -> [SchedulingConflict] in
            let date = grid.handOffDate(index)
            var found: [SchedulingConflict] = []
            if let resolution = resolutions.first(where: { $0.swap.shift == date }),
                let original = ledger.fixedEngineers[date], let cause = cause(index, original)
            {
                found.append(
                    SchedulingConflict(shift: date, engineer: original, cause: cause, resolution: resolution.swap)
                )
            } else if let cause = conflictCause(index), let engineer = fixed[index] {
                found.append(SchedulingConflict(shift: date, engineer: engineer, cause: cause, resolution: nil))
            }
            if slots[index].uncovered {
                found.append(
                    SchedulingConflict(shift: date, engineer: slots[index].engineer, cause: .uncovered, resolution: nil)
                )
            }
            return found
        }
    }
}
