import Foundation
import ICalendar
import RotaModel

extension FairnessReport {
    /// Every engineer's figures, added up shift by shift in one pass over the schedule.
    ///
    /// The report used to filter the whole schedule once per engineer and count days in sets of dates; a 500-team
    /// export builds one report per team, so the shifts are now read once, and days are offsets into the period
    /// marked in flat arrays (one row of the period per engineer) rather than hashed.
    ///
    /// Relies on the schedule's pieces being in start order (``Schedule/shifts``): the pieces of one shift then
    /// follow each other, so a shift is counted once when its hand-off date differs from the last one counted.
    struct Tally {
        /// The engineers, each once: row `k` of the arrays below is `engineers[k]`.
        let engineers: [EngineerID]
        /// The days of the period.
        let period: Int
        /// Each engineer's row, by id.
        private let position: [EngineerID: Int]
        /// Whether the day `k` days into the period is a Saturday or a Sunday, for `k % 7`.
        private let weekend: [Bool]
        private var hours: [Double]
        private var shifts: [Int]
        private var lastShift: [LocalDate?]
        private var lastShiftEnd: [LocalDate?]
        private var weekendDays: [Int]
        /// `onCall[row * period + day]`: on call at noon of that day of the period.
        private var onCall: [Bool]
        /// `backing[row * period + day]`: on call at noon of that day is a holiday shift the engineer backs up.
        private var backing: [Bool]
        private var holidayBackups: [Int]
        private var lastBackup: [LocalDate?]
        /// The engineer's own holiday shifts (decided for them), one cover per shift.
        private var holidayShifts: [[HolidayCover]]

        /// An empty tally of `engineers` (all different) over the `period` days from `from`.
        init(engineers: [EngineerID], from: LocalDate, period: Int) {
            self.engineers = engineers
            self.period = max(0, period)
            weekend = (0..<7).map { from.adding(days: $0).weekday.isWeekend }
            position = Dictionary(engineers.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
            let count = engineers.count
            hours = Array(repeating: 0, count: count)
            shifts = Array(repeating: 0, count: count)
            lastShift = Array(repeating: nil, count: count)
            lastShiftEnd = Array(repeating: nil, count: count)
            weekendDays = Array(repeating: 0, count: count)
            onCall = Array(repeating: false, count: count * self.period)
            backing = onCall
            holidayBackups = Array(repeating: 0, count: count)
            lastBackup = Array(repeating: nil, count: count)
            holidayShifts = Array(repeating: [], count: count)
        }

        /// Adds one piece of on-call time to its engineer's figures and to those of its holiday backups.
        mutating func add(_ shift: Shift, from: LocalDate, until: LocalDate) {
            let days = FairnessReport.noonDays(of: shift, from: from, until: until)
            if let row = position[shift.engineer] {
                hours[row] += shift.endInstant.timeIntervalSince(shift.startInstant) / 3600
                if lastShift[row] != shift.handOff {
                    shifts[row] += 1
                    lastShift[row] = shift.handOff
                    if let cover = shift.holiday, cover.decision.engineer == shift.engineer {
                        holidayShifts[row].append(cover)
                    }
                }
                lastShiftEnd[row] = max(lastShiftEnd[row] ?? shift.end.date, shift.end.date)
                for day in days {
                    onCall[row * period + day] = true
                    if weekend[day % 7] { weekendDays[row] += 1 }
                }
            }
            guard let cover = shift.holiday else { return }
            var counted: [Int] = []
            for backup in cover.backups {
                // Someone backing up two pipelines backs up the shift once.
                guard let engineer = backup.engineer, let row = position[engineer], !counted.contains(row) else {
                    continue
                }
                counted.append(row)
                if lastBackup[row] != shift.handOff {
                    holidayBackups[row] += 1
                    lastBackup[row] = shift.handOff
                }
                for day in days { backing[row * period + day] = true }
            }
        }

        /// The figures of `engineers[row]`, who is `member` of the config (nil for someone it no longer names).
        func row(
            _ row: Int,
            member: Engineer?,
            config: TeamConfig,
            ledger: Ledger,
            from: LocalDate,
            until: LocalDate
        ) -> Row {
            let engineer = engineers[row]
            let days = row * period..<(row + 1) * period
            let volunteered = holidayShifts[row].filter { $0.decision.reason == .volunteer }
            let credits = volunteered.reduce(0) { total, cover in
                let recorded = ledger.credits.first {
                    $0.engineer == engineer && $0.holiday == cover.decision.holiday && $0.year == cover.decision.year
                }
                return total + (recorded?.days ?? config.holidayPolicy.volunteerCreditDays)
            }
            var longest = 0
            var run = 0
            for day in days {
                run = onCall[day] ? 0 : run + 1
                longest = max(longest, run)
            }
            let daysOnTeam = FairnessReport.daysOnTeam(member, lastShiftEnd: lastShiftEnd[row], from, until)
            return Row(
                engineer: engineer,
                hoursOnCall: hours[row],
                shifts: shifts[row],
                holidayShiftsVolunteered: volunteered.count,
                holidayShiftsAssigned: holidayShifts[row].count - volunteered.count,
                weekendDays: weekendDays[row],
                ptoCreditDays: credits,
                holidayBackups: holidayBackups[row],
                backupDays: backing[days].count { $0 },
                longestDaysOff: longest,
                weeksOnTeam: Double(daysOnTeam) / 7
            )
        }
    }
}
