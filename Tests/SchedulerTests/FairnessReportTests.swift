import Foundation
import ICalendar
import RotaModel
import Testing

@testable import Scheduler

@Suite struct FairnessReportTests {
    static func day(_ text: String) throws -> LocalDate { try #require(LocalDate(iso: text)) }

    /// Backup duty of the bundled team over Thanksgiving and Christmas 2026 and New Year's Day 2027,
    /// counted again here a different way: day by day, from the shift on call at noon.
    ///
    /// The period ends on Thursday 2026-12-31, in the middle of the New Year's Day shift (2026-12-28 to
    /// 2027-01-04): that shift counts whole in `holidayBackups`, but only its days up to 2026-12-30 count
    /// in `backupDays`. Nothing here depends on who the plan puts on which shift.
    @Test func holidayBackupsAndBackupDaysCountTheHolidayShiftsAnEngineerBacksUp() throws {
        let config = try TestWorlds.bundled()
        let from = try Self.day("2026-11-09")
        let until = try Self.day("2026-12-31")
        let schedule = Planner.plan(config: config, ledger: .empty, asOf: from, from: from, until: until)
        let report = FairnessReport.compute(schedule, config: config, ledger: .empty, from: from, until: until)

        let holidayShifts = Set(schedule.shifts.filter { $0.holiday != nil }.map(\.handOff))
        #expect(holidayShifts.count == 3, "Thanksgiving, Christmas and New Year's Day: \(holidayShifts.sorted())")
        #expect(report.rows.map(\.engineer) == config.rotation.order)
        func backs(_ shift: Shift, _ engineer: EngineerID) -> Bool {
            shift.holiday?.backups.contains { $0.engineer == engineer } ?? false
        }
        for row in report.rows {
            let shifts = Set(schedule.shifts.filter { backs($0, row.engineer) }.map(\.handOff))
            var days = 0
            var day = from
            while day < until {
                let noon = LocalDateTime(date: day, time: .noon)
                if let shift = schedule.shifts.first(where: { $0.start <= noon && noon < $0.end }),
                    backs(shift, row.engineer)
                {
                    days += 1
                }
                day = day.adding(days: 1)
            }
            #expect(row.holidayBackups == shifts.count, "\(row.engineer)")
            #expect(row.backupDays == days, "\(row.engineer)")
            // Never more than the days of the holiday shifts counted, seven each here.
            #expect(row.backupDays <= 7 * row.holidayBackups, "\(row.engineer)")
        }
        // Every holiday shift has a backup (the secondary, or the primary when the secondary is on call),
        // so the duty shows up somewhere, and the last shift is cut at the end of the period.
        #expect(report.rows.map(\.holidayBackups).reduce(0, +) >= 3)
        let newYear = try Self.day("2026-12-28")
        let newYearBackups = Set(
            schedule.shifts.filter { $0.handOff == newYear }.flatMap { $0.holiday?.backups ?? [] }.compactMap(
                \.engineer
            )
        )
        #expect(!newYearBackups.isEmpty)
        for row in report.rows where newYearBackups.contains(row.engineer) {
            let others = Set(
                schedule.shifts.filter { $0.handOff != newYear && backs($0, row.engineer) }.map(\.handOff)
            )
            #expect(row.backupDays == 7 * others.count + 3, "\(row.engineer): 3 days of the New Year's Day shift")
        }
    }
}
