import Foundation
import RotaModel

extension PlanState {
    // MARK: Pass 4: overrides, and the schedule as shown

    /// The shifts with indices in `range`, overrides applied, as contiguous pieces.
    func shifts(in range: ClosedRange<Int>) -> [Shift] {
        range.flatMap { pieces(of: $0) }
    }

    private func pieces(of index: Int) -> [Shift] {
        guard index < slots.count else { return [] }
        let slot = slots[index]
        let start = grid.start(index)
        let end = grid.start(index + 1)
        let handOff = start.date
        var engineer = slot.engineer
        var kind = slot.kind
        var reasons = slot.reasons
        var ranges: [(from: LocalDateTime, to: LocalDateTime, override: Override)] = []
        for override in config.overrides {
            switch override.span {
            case let .shift(overridden) where overridden == handOff:
                reasons.insert(
                    ShiftReason(
                        kind: .override,
                        text: "override: \(name(override.engineer)) instead of \(name(engineer))"
                            + (override.reason.map { " (\($0))" } ?? "")
                    ),
                    at: 0
                )
                engineer = override.engineer
                kind = .override
            case let .range(from, to) where start <= from && from < end:
                ranges.append((from, to, override))
            default:
                break
            }
        }
        let holiday = cover(for: slot, engineer: engineer)
        func shift(
            _ from: LocalDateTime,
            _ to: LocalDateTime,
            _ who: EngineerID,
            _ kind: ShiftKind,
            _ why: [ShiftReason]
        )
            -> Shift
        {
            Shift(
                handOff: handOff,
                index: index,
                start: from,
                end: to,
                startInstant: grid.instant(from),
                endInstant: grid.instant(to),
                engineer: who,
                kind: kind,
                reasons: why,
                holiday: holiday,
                locked: slot.locked
            )
        }
        var result: [Shift] = []
        var cursor = start
        for range in ranges.sorted(by: { $0.from < $1.from }) {
            if cursor < range.from { result.append(shift(cursor, range.from, engineer, kind, reasons)) }
            let why = ShiftReason(
                kind: .override,
                text: "override from \(range.from) to \(range.to): \(name(range.override.engineer)) instead of "
                    + name(engineer) + (range.override.reason.map { " (\($0))" } ?? "")
            )
            result.append(shift(range.from, range.to, range.override.engineer, .partialOverride, [why]))
            cursor = range.to
        }
        if cursor < end { result.append(shift(cursor, end, engineer, kind, reasons)) }
        return result
    }

    /// The holiday details of a slot, with each pipeline's backup given who is on call.
    private func cover(for slot: Slot, engineer onCall: EngineerID) -> HolidayCover? {
        guard let draft = slot.holiday else { return nil }
        let due = draft.decision.shift < config.holidayPolicy.leadTime.added(to: asOf)
        let backups = config.pipelines.map { pipeline -> PipelineBackup in
            func free(_ id: EngineerID) -> Bool {
                id != onCall && draft.occasions.allSatisfy { isAvailable(id, on: $0.date) }
            }
            if let secondary = pipeline.secondary, free(secondary) {
                return PipelineBackup(pipeline: pipeline.id, engineer: secondary, role: .secondary)
            }
            if free(pipeline.primary) {
                return PipelineBackup(pipeline: pipeline.id, engineer: pipeline.primary, role: .primary)
            }
            return PipelineBackup(pipeline: pipeline.id, engineer: nil, role: nil)
        }
        return HolidayCover(
            holidays: draft.occasions,
            decision: draft.decision,
            recorded: draft.recorded,
            due: due,
            backups: backups
        )
    }

    // MARK: What `--record` writes

    /// Holiday decisions of shifts in `range` that are due (inside the lead-time window) and not recorded.
    func dueDecisions(in range: ClosedRange<Int>) -> [HolidayDecision] {
        let leadEnd = config.holidayPolicy.leadTime.added(to: asOf)
        return range.compactMap { index in
            guard index < slots.count, let draft = slots[index].holiday, !draft.recorded,
                draft.decision.shift < leadEnd
            else { return nil }
            return draft.decision
        }
    }

    /// Shifts in `range` (the lock window) that the ledger does not hold yet, with their planned engineer,
    /// plus the shifts they swapped with (and those shifts' partners), wherever they lie: a swap is
    /// recorded whole, or the next plan would give one engineer both halves.
    func dueLocks(in range: ClosedRange<Int>) -> [RecordedShift] {
        var chosen = Set(range.filter { $0 < slots.count })
        var pending = Array(chosen)
        while let index = pending.popLast() {
            // A holiday shift beyond the window is decided (and locked) when its own decision falls due.
            for partner in slots[index].swappedWith
            where partner >= asOfIndex && !chosen.contains(partner)
                && !(partner > range.upperBound && slots[partner].containsHoliday)
            {
                chosen.insert(partner)
                pending.append(partner)
            }
        }
        return chosen.sorted().compactMap { index in
            guard !slots[index].locked else { return nil }
            return RecordedShift(start: grid.handOffDate(index), engineer: slots[index].engineer, recorded: asOf)
        }
    }
}
