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

    /// The figures for the shifts of `schedule` (which should cover `from..<until`), counting credits
    /// from `ledger` and the policy's credit for proposed volunteer decisions.
    package static func compute(
        _ schedule: Schedule,
        config: TeamConfig,
        ledger: Ledger,
        from: LocalDate,
        until: LocalDate
    ) -> FairnessReport {
        // People who left (or were removed from the config) still held shifts in the period: the ledger is history.
        var others: [EngineerID] = []
        for shift in schedule.shifts where !config.rotation.order.contains(shift.engineer) {
            if !others.contains(shift.engineer) { others.append(shift.engineer) }
        }
        let rows = (config.rotation.order + others).map { engineer in
            row(engineer, schedule.shifts, config, ledger, from, until)
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

    /// One engineer's figures from every shift of the schedule (`all`: backup duty lies on other
    /// engineers' shifts).
    private static func row(
        _ engineer: EngineerID,
        _ all: [Shift],
        _ config: TeamConfig,
        _ ledger: Ledger,
        _ from: LocalDate,
        _ until: LocalDate
    ) -> Row {
        let shifts = all.filter { $0.engineer == engineer }
        let hours = shifts.reduce(0.0) { $0 + $1.endInstant.timeIntervalSince($1.startInstant) / 3600 }
        var weekendDays = 0
        var onCallDays: Set<LocalDate> = []
        for shift in shifts {
            for day in noonDays(of: shift, from: from, until: until) {
                onCallDays.insert(day)
                if day.weekday.isWeekend { weekendDays += 1 }
            }
        }
        let backing = all.filter { shift in
            shift.holiday?.backups.contains { $0.engineer == engineer } ?? false
        }
        let backupDays = Set(backing.flatMap { noonDays(of: $0, from: from, until: until) })
        let holidayShifts = Dictionary(
            grouping: shifts.filter { $0.holiday?.decision.engineer == engineer },
            by: \.handOff
        )
        .values.compactMap(\.first?.holiday)
        let volunteered = holidayShifts.filter { $0.decision.reason == .volunteer }
        let credits = volunteered.reduce(0) { total, cover in
            let recorded = ledger.credits.first {
                $0.engineer == engineer && $0.holiday == cover.decision.holiday && $0.year == cover.decision.year
            }
            return total + (recorded?.days ?? config.holidayPolicy.volunteerCreditDays)
        }
        var longest = 0
        var run = 0
        var day = from
        while day < until {
            run = onCallDays.contains(day) ? 0 : run + 1
            longest = max(longest, run)
            day = day.adding(days: 1)
        }
        let daysOnTeam = daysOnTeam(config.engineer(engineer), lastShiftEnd: shifts.map(\.end.date).max(), from, until)
        return Row(
            engineer: engineer,
            hoursOnCall: hours,
            shifts: Set(shifts.map(\.handOff)).count,
            holidayShiftsVolunteered: volunteered.count,
            holidayShiftsAssigned: holidayShifts.count - volunteered.count,
            weekendDays: weekendDays,
            ptoCreditDays: credits,
            holidayBackups: Set(backing.map(\.handOff)).count,
            backupDays: backupDays.count,
            longestDaysOff: longest,
            weeksOnTeam: Double(daysOnTeam) / 7
        )
    }

    /// The days in `from..<until` the engineer is on the team; for someone no longer in the config, the days
    /// before the end of their last shift.
    ///
    /// Counted from the ends of the span rather than day by day: the span is a year, and this runs per engineer.
    private static func daysOnTeam(
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

    /// The days in `from..<until` on which `shift` is on call at noon: the days it has most of.
    private static func noonDays(of shift: Shift, from: LocalDate, until: LocalDate) -> [LocalDate] {
        var days: [LocalDate] = []
        var day = shift.start.date
        while day <= shift.end.date {
            let noon = LocalDateTime(date: day, time: .noon)
            if shift.start <= noon, noon < shift.end, day >= from, day < until { days.append(day) }
            day = day.adding(days: 1)
        }
        return days
    }
}
