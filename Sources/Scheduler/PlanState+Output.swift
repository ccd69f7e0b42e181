import Foundation
import ICalendar
import RotaModel

extension PlanState {
    // MARK: Pass 4: overrides, and the schedule as shown

    /// The shifts with indices in `range`, overrides applied, as contiguous pieces.
    func shifts(in range: ClosedRange<Int>) -> [Shift] {
        // Each hand-off ends one shift and starts the next: its instant (a time zone lookup) is worked out once.
        var result: [Shift] = []
        result.reserveCapacity(range.count)
        var startInstant = grid.instant(grid.start(range.lowerBound))
        for index in range where index < slots.count {
            let endInstant = grid.instant(grid.start(index + 1))
            appendPieces(of: index, startInstant: startInstant, endInstant: endInstant, to: &result)
            startInstant = endInstant
        }
        return result
    }

    /// Appends the pieces of shift `index`, whose start and end are at `startInstant` and `endInstant`, to `result`.
    private func appendPieces(of index: Int, startInstant: Date, endInstant: Date, to result: inout [Shift]) {
        let slot = slots[index]
        let start = grid.start(index)
        let end = grid.start(index + 1)
        let handOff = start.date
        let engineer = slot.engineer
        let kind = slot.kind
        let reasons = slot.reasons
        // Whole-shift overrides are part of the slot already (`fill`); ranges split it here.
        var ranges: [(from: LocalDateTime, to: LocalDateTime, override: Override)] = []
        for override in config.overrides {
            if case let .range(from, to) = override.span, start <= from, from < end {
                ranges.append((from, to, override))
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
                startInstant: from == start ? startInstant : grid.instant(from),
                endInstant: to == end ? endInstant : grid.instant(to),
                engineer: who,
                kind: kind,
                reasons: why,
                holiday: holiday,
                locked: slot.locked,
                uncovered: slot.uncovered
            )
        }
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
    }

    /// The holiday details of a slot, with each pipeline's backup given who is on call.
    private func cover(for slot: Slot, engineer onCall: EngineerID) -> HolidayCover? {
        guard let draft = slot.holiday else { return nil }
        let due = draft.decision.shift < config.holidayPolicy.leadTime.added(to: asOf)
        let backups = PipelineBackup.backups(in: config, onCall: onCall, on: draft.occasions.map(\.date))
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

    /// Shifts in `range` (the lock window) that the ledger does not hold yet, with their planned engineer.
    ///
    /// The plan of every shift depends only on the shifts before it, so locking a window never changes
    /// what comes after it.
    func dueLocks(in range: ClosedRange<Int>) -> [RecordedShift] {
        let recorded = Set(ledger.shifts.map(\.start))
        return range.compactMap { index in
            guard index < slots.count else { return nil }
            let date = grid.handOffDate(index)
            guard !recorded.contains(date) else { return nil }
            return RecordedShift(start: date, engineer: slots[index].engineer, recorded: asOf)
        }
    }

    /// Forced back-to-back shifts and holiday shifts with a pipeline left without a backup in `range`,
    /// and volunteer pledges that came after their holiday was decided, in time order.
    func warnings(in range: ClosedRange<Int>) -> [SchedulingWarning] {
        var warnings: [SchedulingWarning] = []
        let lastDay = grid.handOffDate(min(range.upperBound, slots.count - 1) + 1)
        for pipeline in config.pipelines {
            for (role, owner) in [("primary", Optional(pipeline.primary)), ("secondary", pipeline.secondary)] {
                guard let owner, let left = config.engineer(owner)?.left, left < lastDay,
                    left >= grid.handOffDate(range.lowerBound)
                else { continue }
                warnings.append(
                    SchedulingWarning(
                        kind: .ownerLeaves,
                        shift: grid.handOffDate(max(0, grid.index(atNoonOf: left))),
                        text: "\(pipeline.name): its \(role) owner \(name(owner)) leaves the team on \(left); "
                            + "name a new \(role) owner in the config",
                        engineer: owner
                    )
                )
            }
        }
        for index in range where index < slots.count {
            let slot = slots[index]
            let date = grid.handOffDate(index)
            if slot.forcedRest, !slot.uncovered {
                warnings.append(
                    SchedulingWarning(
                        kind: .backToBack,
                        shift: date,
                        text: "\(name(slot.engineer)) is on call two shifts in a row (the shift of \(date) "
                            + "and the one before): nobody else could take it",
                        engineer: slot.engineer
                    )
                )
            }
            if let cover = cover(for: slot, engineer: slot.engineer) {
                for backup in cover.backups where backup.engineer == nil {
                    let pipeline = config.pipelines.first { $0.id == backup.pipeline }?.name ?? backup.pipeline.rawValue
                    warnings.append(
                        SchedulingWarning(
                            kind: .noBackup,
                            shift: date,
                            text: "\(pipeline) has no backup on the holiday shift of \(date): both owners are on "
                                + "call or away"
                        )
                    )
                }
            }
            if let draft = slot.holiday, draft.recorded, draft.decision.reason != .volunteer {
                let pledges = config.holidayPolicy.volunteers.filter { pledge in
                    draft.occasions.contains { $0.id == pledge.holiday && $0.date.year == pledge.year }
                }
                for volunteer in pledges.flatMap(\.engineers) where volunteer != draft.decision.engineer {
                    warnings.append(
                        SchedulingWarning(
                            kind: .latePledge,
                            shift: date,
                            text:
                                "\(name(volunteer)) volunteered for \(draft.occasions[0].name) \(draft.decision.year) "
                                + "after it was decided (\(name(draft.decision.engineer)), recorded on "
                                + "\(draft.decision.recorded))",
                            engineer: volunteer
                        )
                    )
                    break
                }
            }
        }
        return warnings.enumerated().sorted { ($0.element.shift, $0.offset) < ($1.element.shift, $1.offset) }
            .map(\.element)
    }
}
