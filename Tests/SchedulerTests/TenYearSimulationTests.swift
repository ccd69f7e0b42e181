import Foundation
import RotaModel
import Testing

@testable import Scheduler

/// The bundled team from 2026 to 2035, recording every Monday as a team running `rota plan --record`
/// in a weekly job would.
@Suite struct TenYearSimulationTests {
    static func simulate() throws -> (config: TeamConfig, ledger: Ledger) {
        let config = try TestWorlds.bundled()
        var ledger = Ledger.empty
        var asOf = config.rotation.start
        let end = LocalDate.on("2035-12-31")
        while asOf <= end {
            let schedule = Planner.plan(
                config: config,
                ledger: ledger,
                asOf: asOf,
                horizon: CalendarSpan(count: 4, unit: .weeks)
            )
            ledger = Recorder.record(schedule, into: ledger, policy: config.holidayPolicy)
            asOf = asOf.adding(days: 7)
        }
        return (config, ledger)
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

    @Test func tenYearsOfHolidaysAreSharedFairly() throws {
        let (config, ledger) = try Self.simulate()
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
        let shiftCounts = config.rotation.order.map { id in ledger.shifts.filter { $0.engineer == id }.count }
        #expect((shiftCounts.max() ?? 0) - (shiftCounts.min() ?? 0) <= 1)
        // Past entries are never rewritten: each recording only appended.
        #expect(Set(ledger.shifts.map(\.start)).count == ledger.shifts.count)
    }
}
