import Foundation
import ICalendar
package import RotaModel

/// Computes the on-call schedule from a validated config, the ledger and an as-of date.
///
/// The rules (docs/design.md "Scheduling rules", docs/scheduling.md) are applied as passes over the shifts from the
/// start of the rotation, each in time order:
/// 1. holidays: each shift containing a major holiday gets its engineer (recorded, or decided now: volunteers
///    first, then fairness across years per time on the team, never twice running, never next to another
///    holiday shift of theirs);
/// 2. every shift: an override, the ledger, or a holiday decision fixes it; otherwise the fairest engineer who
///    is on the team, not away, and rested (the minimum gap) takes it;
/// 3. conflicts: a locked shift whose engineer is away, left, or overridden gets a proposed swap with a
///    give-back, and the shifts after it are filled again.
///
/// Each shift depends only on the config, the ledger and the shifts before it, never on the as-of date, so
/// recording (which fixes shifts to what the plan says) never changes the plan: the same config gives the
/// same shifts whether the ledger was recorded weekly, monthly, once or never.
///
/// Pure: the same inputs always give the same schedule.
package enum Planner {
    /// The schedule from the shift on call at noon of `asOf` until `asOf + horizon`.
    ///
    /// - Complexity: O(*s* × *e*) for *s* shifts since the rotation started and *e* engineers, times one more
    ///   for each conflict resolved.
    package static func plan(config: TeamConfig, ledger: Ledger, asOf: LocalDate, horizon: CalendarSpan) -> Schedule {
        plan(config: config, ledger: ledger, asOf: asOf, from: asOf, until: horizon.added(to: asOf))
    }

    /// The schedule of the shifts from the one on call at noon of `from` to the last one starting before `until`.
    ///
    /// Shifts before `asOf` are history, computed by the same rules; holiday decisions and locks fall due
    /// from `asOf` on, and conflicts are looked for from `asOf` on.
    package static func plan(
        config: TeamConfig,
        ledger: Ledger,
        asOf: LocalDate,
        from: LocalDate,
        until: LocalDate
    )
        -> Schedule
    {
        let grid = ShiftGrid(rotation: config.rotation)
        let leadEnd = config.holidayPolicy.leadTime.added(to: asOf)
        let lastShown = lastStarting(before: until, grid: grid, config: config)
        let lastDue = lastStarting(before: leadEnd, grid: grid, config: config)
        var state = PlanState(
            config: config,
            ledger: ledger,
            grid: grid,
            asOf: asOf,
            lockEnd: lastDue,
            lastIndex: max(lastShown, lastDue, 0) + config.rotation.order.count + 2 * max(config.policy.minimumGap, 1)
        )
        state.decideHolidays()
        state.fill()
        let lastChecked = max(lastShown, lastDue)
        state.resolveConflicts(upTo: lastChecked)
        let firstShown = firstShown(from: from, grid: grid)
        let shifts = state.shifts(in: firstShown...max(firstShown, lastShown))
        let firstDue = max(0, grid.index(atNoonOf: asOf))
        return Schedule(
            shifts: shifts,
            dueDecisions: state.dueDecisions(in: firstDue...max(firstDue, lastDue)),
            dueLocks: state.dueLocks(in: firstDue...max(firstDue, lastDue)),
            asOf: asOf,
            settledUntil: grid.handOffDate(max(lastDue, firstDue - 1) + 1),
            conflicts: state.conflicts(upTo: lastChecked),
            warnings: state.warnings(in: firstDue...max(firstDue, lastChecked))
        )
    }

    /// The hand-off dates of the shifts ``plan(config:ledger:asOf:from:until:)`` shows for `from..<until`: from the
    /// shift on call at noon of `from` to the last one starting before `until`.
    ///
    /// The fairness figures of a period count these shifts only, whatever else the schedule they are given holds.
    package static func shownHandOffs(config: TeamConfig, from: LocalDate, until: LocalDate) -> ClosedRange<LocalDate> {
        let grid = ShiftGrid(rotation: config.rotation)
        let first = firstShown(from: from, grid: grid)
        let last = max(first, lastStarting(before: until, grid: grid, config: config))
        return grid.handOffDate(first)...grid.handOffDate(last)
    }

    /// The shift on call at noon of `from` (the first, when `from` is before the rotation starts).
    private static func firstShown(from: LocalDate, grid: ShiftGrid) -> Int {
        max(0, grid.index(atNoonOf: from))
    }

    /// The last shift that starts before a day: the one on call at hand-off time the day before.
    private static func lastStarting(before day: LocalDate, grid: ShiftGrid, config: TeamConfig) -> Int {
        grid.index(containing: LocalDateTime(date: day.adding(days: -1), time: config.rotation.handOffTime))
    }
}
