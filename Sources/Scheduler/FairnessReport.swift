import Foundation
import ICalendar
package import RotaModel

/// How evenly on-call duty fell on each engineer over a period: what `rota report` prints.
package struct FairnessReport: Hashable, Sendable {
    package struct Row: Hashable, Sendable {
        package let engineer: EngineerID
        /// Time on call in hours (real elapsed hours, so a DST week counts 167 or 169).
        package let hoursOnCall: Double
        /// Shifts (or pieces of one) the engineer held, counted once per hand-off.
        package let shifts: Int
        package let holidayShiftsVolunteered: Int
        package let holidayShiftsAssigned: Int
        /// Saturdays and Sundays on which the engineer was on call at noon.
        package let weekendDays: Int
        /// PTO days earned by volunteering for holiday shifts in the period (recorded or proposed).
        package let ptoCreditDays: Int
        /// Holiday shifts on which the engineer is the named backup of at least one pipeline
        /// (`HolidayCover.backups`), counted once per hand-off like `shifts`.
        package let holidayBackups: Int
        /// Days of those holiday shifts inside the period, by the noon rule of `weekendDays`: each day
        /// on which such a shift is on call at noon, counted once however many pipelines the engineer backs up.
        package let backupDays: Int
        /// The longest run of days in the period without being on call.
        package let longestDaysOff: Int
        /// Weeks of the period the engineer was on the team (`joined`/`left`; for someone the config no longer
        /// names, up to the end of their last shift in the period).
        package let weeksOnTeam: Double

        package var weeksOnCall: Double { hoursOnCall / 168 }

        /// Weeks on call per week on the team: the figure to compare between people who were not all there
        /// for the whole period (0.25 is one week in four).
        package var onCallPerWeekOnTeam: Double { weeksOnTeam > 0 ? weeksOnCall / weeksOnTeam : 0 }
    }

    package let from: LocalDate
    package let until: LocalDate
    /// In rotation order, then anyone else who held a shift in the period (people who left), by their first shift.
    package let rows: [Row]
    /// Mean over all pairs of engineers of min(rate) / max(rate), the rate being hours on call per week on the
    /// team (for a team that was all there all along, the same as comparing hours).
    ///
    /// 1 is perfectly even; lower is less even. A pair of engineers who were both never on call counts
    /// as 1, so with four engineers and one doing everything the score is 0.5, not 0. The pairwise min/max ratio is Grafana OnCall's measure of balance.
    package let balance: Double

    package static let balanceFormula =
        "balance = mean over every pair of engineers (a, b) of min(rate a, rate b) / max(rate a, rate b), "
        + "rate = hours on call per week on the team; 1.00 is perfectly even"

    /// The figures for the shifts of `schedule` in `from..<until` (those `Planner.plan` shows for the period; the
    /// schedule must hold them all, and may hold more), counting credits from `ledger` and the policy's credit for
    /// proposed volunteer decisions.
    ///
    /// - Complexity: O(*s* + *e* × *d*) for *s* shifts, *e* engineers and *d* days in the period: one pass over
    ///   the shifts adds each one to the figures of its engineer and of its holiday backups.
    package static func compute(
        _ schedule: Schedule,
        config: TeamConfig,
        ledger: Ledger,
        from: LocalDate,
        until: LocalDate
    ) -> FairnessReport {
        // A schedule planned for more than the period (the schedule page's covers the feed window) counts the
        // period's shifts only, the ones `rota report` plans for it.
        let shown = Planner.shownHandOffs(config: config, from: from, until: until)
        let shifts = schedule.shifts.filter { shown.contains($0.handOff) }
        // People who left (or were removed from the config) still held shifts in the period: the ledger is history.
        let inOrder = Set(config.rotation.order)
        var others: [EngineerID] = []
        for shift in shifts where !inOrder.contains(shift.engineer) {
            if !others.contains(shift.engineer) { others.append(shift.engineer) }
        }
        let engineers = config.rotation.order + others
        var tally = Tally(engineers: engineers, from: from, period: from.days(until: until))
        for shift in shifts {
            tally.add(shift, from: from, until: until)
        }
        // `config.engineer(_:)` searches the list; the first of an id, as it finds, once per row.
        let members = Dictionary(config.engineers.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let rows = engineers.indices.map { row in
            tally.row(row, member: members[engineers[row]], config: config, ledger: ledger, from: from, until: until)
        }
        var ratios: [Double] = []
        for (offset, a) in rows.enumerated() {
            for b in rows.dropFirst(offset + 1) {
                let high = max(a.onCallPerWeekOnTeam, b.onCallPerWeekOnTeam)
                ratios.append(high == 0 ? 1 : min(a.onCallPerWeekOnTeam, b.onCallPerWeekOnTeam) / high)
            }
        }
        let balance = ratios.isEmpty ? 1 : ratios.reduce(0, +) / Double(ratios.count)
        return FairnessReport(from: from, until: until, rows: rows, balance: balance)
    }

    /// The days in `from..<until` the engineer is on the team; for someone no longer in the config, the days
    /// before the end of their last shift.
    ///
    /// Counted from the ends of the span rather than day by day: the span is a year, and this runs per engineer.
    static func daysOnTeam(
        _ member: Engineer?,
        lastShiftEnd: LocalDate?,
        _ from: LocalDate,
        _ until: LocalDate
    ) -> Int {
        // `Engineer.isOnTeam(on:)` is true from `joined` through `left`, both included.
        var first = from.daysSinceEpoch
        var last = until.daysSinceEpoch - 1
        if let member {
            if let joined = member.joined { first = max(first, joined.daysSinceEpoch) }
            if let left = member.left { last = min(last, left.daysSinceEpoch) }
        } else {
            guard let lastShiftEnd else { return 0 }
            last = min(last, lastShiftEnd.daysSinceEpoch - 1)
        }
        return max(0, last - first + 1)
    }

    /// The days in `from..<until` on which `shift` is on call at noon (the days it has most of), as offsets from
    /// `from`.
    ///
    /// Worked out from the ends of the shift: a day counts from its start date (if the shift starts by noon) to its
    /// end date (if it ends after noon).
    static func noonDays(of shift: Shift, from: LocalDate, until: LocalDate) -> Range<Int> {
        let first = from.days(until: shift.start.date) + (shift.start.time <= .noon ? 0 : 1)
        let last = from.days(until: shift.end.date) - (LocalTime.noon < shift.end.time ? 0 : 1)
        let lower = max(first, 0)
        let upper = min(last + 1, from.days(until: until))
        return lower..<max(lower, upper)
    }
}
