import Foundation
package import RotaModel

/// Computes the on-call schedule from a validated config, the ledger and an as-of date.
///
/// The rules (DESIGN.md "Scheduling rules") are applied as passes over the shifts from the start of the
/// rotation, in this order, each in time order:
/// 1. base order: engineers take shifts round robin; a shift recorded in the ledger keeps its engineer;
/// 2. holidays: each shift containing a major holiday gets the engineer decided for it (volunteers first,
///    then fair rotation across years), who swaps with the shift's base engineer;
/// 3. PTO: a shift whose engineer is away is swapped with the nearest shift of an available engineer;
/// 4. overrides win over everything, for a whole shift or part of one.
///
/// Pure: the same inputs always give the same schedule.
package enum Planner {
    /// The schedule from the shift on call at noon of `asOf` until `asOf + horizon`.
    ///
    /// - Complexity: O(*s* × *e*) for *s* shifts since the rotation started and *e* engineers.
    package static func plan(config: TeamConfig, ledger: Ledger, asOf: LocalDate, horizon: CalendarSpan) -> Schedule {
        plan(config: config, ledger: ledger, asOf: asOf, from: asOf, until: horizon.added(to: asOf))
    }

    /// The schedule of the shifts from the one on call at noon of `from` to the last one starting before `until`.
    ///
    /// Shifts before `asOf` are history, computed by the same rules; holiday decisions and locks fall due
    /// from `asOf` on.
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
        // The last shift that starts before a day: the one on call at hand-off time the day before.
        func lastStarting(before day: LocalDate) -> Int {
            grid.index(containing: LocalDateTime(date: day.adding(days: -1), time: config.rotation.handOffTime))
        }
        let lastShown = lastStarting(before: until)
        let lastDue = lastStarting(before: leadEnd)
        var state = PlanState(
            config: config,
            ledger: ledger,
            grid: grid,
            asOf: asOf,
            lockEnd: lastDue,
            lastIndex: max(lastShown, lastDue, 0) + 2 * PlanState.searchRadius(config)
        )
        state.assignBaseOrder()
        state.decideHolidays(leadEnd: leadEnd)
        state.resolvePTO()
        let firstShown = max(0, grid.index(atNoonOf: from))
        let shifts = state.shifts(in: firstShown...max(firstShown, lastShown))
        let firstDue = max(0, grid.index(atNoonOf: asOf))
        return Schedule(
            shifts: shifts,
            dueDecisions: state.dueDecisions(in: firstDue...max(firstDue, lastDue)),
            dueLocks: state.dueLocks(in: firstDue...max(firstDue, lastDue)),
            asOf: asOf
        )
    }
}
