import Foundation
import ICalendar
import RotaModel
import Testing

@testable import Scheduler

/// The bundled team from 2026 to 2035, recording as a team running `rota plan --record` in a job would:
/// every Monday, every fourth Monday, or never.
@Suite struct TenYearSimulationTests {
    static let end = LocalDate.on("2035-12-31")

    static func simulate(everyWeeks weeks: Int, config: TeamConfig) -> Ledger {
        var ledger = Ledger.empty
        var asOf = config.rotation.start
        while asOf <= end {
            let schedule = Planner.plan(
                config: config,
                ledger: ledger,
                asOf: asOf,
                horizon: CalendarSpan(count: 4, unit: .weeks)
            )
            ledger = Recorder.record(schedule, into: ledger, policy: config.holidayPolicy)
            asOf = asOf.adding(days: 7 * weeks)
        }
        return ledger
    }

    /// Every shift of the ten years, planned with `ledger` as of the last day.
    static func shifts(_ config: TeamConfig, _ ledger: Ledger) -> [Shift] {
        Planner.plan(config: config, ledger: ledger, asOf: end, from: config.rotation.start, until: end).shifts
    }

    /// Who covered each major holiday each year, and each engineer's totals, as a table.
    static func table(_ config: TeamConfig, _ ledger: Ledger) -> String {
        let holidays = config.holidays.rules.filter(\.major).map(\.id)
        var lines = [
            "year  " + holidays.map { $0.rawValue.padding(toLength: 15, withPad: " ", startingAt: 0) }.joined()
        ]
        for year in 2026...2035 {
            let cells = holidays.map { holiday in
                let engineer =
                    ledger.holidays.first { $0.holiday == holiday && $0.year == year }?.engineer.rawValue ?? "-"
                return engineer.padding(toLength: 15, withPad: " ", startingAt: 0)
            }
            lines.append("\(year)  " + cells.joined())
        }
        let totals = config.rotation.order.map { id in "\(id) \(ledger.holidays.filter { $0.engineer == id }.count)" }
        lines.append("holiday shifts: " + totals.joined(separator: ", "))
        let shifts = config.rotation.order.map { id in "\(id) \(ledger.shifts.filter { $0.engineer == id }.count)" }
        lines.append("on-call shifts: " + shifts.joined(separator: ", "))
        return lines.joined(separator: "\n")
    }

    @Test func tenYearsAreFairEveryWeekAndEveryYear() throws {
        let config = try TestWorlds.bundled()
        let ledger = Self.simulate(everyWeeks: 1, config: config)
        print(Self.table(config, ledger))
        let majors = config.holidays.rules.filter(\.major)
        // New Year's Day 2026 falls before the rotation starts (2026-01-05); every later one is decided once.
        for rule in majors {
            for year in 2026...2035 where !(rule.id.rawValue == "new-years-day" && year == 2026) {
                let decisions = ledger.holidays.filter { $0.holiday == rule.id && $0.year == year }
                #expect(decisions.count == 1, "\(rule.id) \(year)")
            }
        }
        // Every decision was made by the rules when it fell due, none forced by an earlier lock.
        #expect(ledger.holidays.allSatisfy { $0.reason == .rotation })
        let counts = config.rotation.order.map { id in ledger.holidays.filter { $0.engineer == id }.count }
        #expect((counts.max() ?? 0) - (counts.min() ?? 0) <= 1)
        for decision in ledger.holidays {
            let previous = ledger.holidays.first { $0.holiday == decision.holiday && $0.year == decision.year - 1 }
            #expect(previous?.engineer != decision.engineer, "\(decision.holiday) \(decision.year)")
        }
        // Nobody is on call two weeks running: the bundled team has no PTO, so nothing forces it.
        let shifts = Self.shifts(config, ledger)
        var backToBack: [String] = []
        for (earlier, later) in zip(shifts, shifts.dropFirst()) where earlier.engineer == later.engineer {
            backToBack.append("\(earlier.engineer) \(earlier.handOff) and \(later.handOff)")
        }
        #expect(backToBack.isEmpty, "back-to-back: \(backToBack)")
        #expect(shifts.count > 500)
        // Within every calendar year (by hand-off date), shift counts differ by at most 2.
        for year in 2026...2035 {
            let inYear = shifts.filter { $0.handOff.year == year }
            let perEngineer = config.rotation.order.map { id in inYear.filter { $0.engineer == id }.count }
            #expect((perEngineer.max() ?? 0) - (perEngineer.min() ?? 0) <= 2, "\(year): \(perEngineer)")
        }
        // Past entries are never rewritten: each recording only appended.
        #expect(Set(ledger.shifts.map(\.start)).count == ledger.shifts.count)
    }

    @Test func theSameShiftsWhetherRecordedWeeklyEveryFourWeeksOrNever() throws {
        let config = try TestWorlds.bundled()
        let weekly = Self.shifts(config, Self.simulate(everyWeeks: 1, config: config))
        let monthly = Self.shifts(config, Self.simulate(everyWeeks: 4, config: config))
        let never = Self.shifts(config, .empty)
        func differences(_ a: [Shift], _ b: [Shift]) -> [String] {
            zip(a, b).filter { $0.engineer != $1.engineer }.map { "\($0.handOff): \($0.engineer) vs \($1.engineer)" }
        }
        #expect(weekly.count == never.count && monthly.count == never.count)
        #expect(differences(weekly, never).isEmpty, "weekly vs never: \(differences(weekly, never))")
        #expect(differences(monthly, never).isEmpty, "monthly vs never: \(differences(monthly, never))")
    }
}
