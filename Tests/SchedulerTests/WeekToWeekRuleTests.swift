import Foundation
import ICalendar
import RotaModel
import RotaTestSupport
import Testing

@testable import Scheduler

/// The week-to-week rules (rest between shifts, cadence independence), on many random teams of 3 to 9
/// engineers with random PTO, holidays and volunteers.
@Suite struct WeekToWeekRuleTests {
    static let seeds: [UInt64] = Array(1...40)

    /// A random team as YAML, with volunteers for some of its major holidays.
    static func world(_ seed: UInt64) throws -> TeamConfig {
        var generator = SeededGenerator(seed: seed &* 7919)
        var yaml = TestWorlds.random(using: &generator, engineers: 3...9)
        let ids = (0..<9).map { "e\($0)" }.filter { yaml.contains("id: \($0)\n") }
        let majors = ["thanksgiving", "christmas", "new-years-day", "independence-day"].filter {
            yaml.contains($0)
        }
        var pledges: [String] = []
        for holiday in majors {
            for year in 2026...2028 where Int.random(in: 0..<3, using: &generator) == 0 {
                guard let volunteer = ids.randomElement(using: &generator) else { continue }
                if holiday == "new-years-day" && year == 2026 { continue }
                pledges.append("    - { holiday: \(holiday), year: \(year), engineers: [\(volunteer)] }")
            }
        }
        if !pledges.isEmpty { yaml += "holiday_policy:\n  volunteers:\n" + pledges.joined(separator: "\n") + "\n" }
        return try TestWorlds.load(yaml)
    }

    static let end = LocalDate.on("2028-12-31")

    static func shifts(_ config: TeamConfig, _ ledger: Ledger) -> [Shift] {
        Planner.plan(config: config, ledger: ledger, asOf: end, from: config.rotation.start, until: end).shifts
    }

    /// Records from the rotation's start on the given dates, as `rota plan --record` would.
    static func record(_ config: TeamConfig, on dates: [LocalDate]) -> Ledger {
        var ledger = Ledger.empty
        for asOf in dates {
            let schedule = Planner.plan(
                config: config,
                ledger: ledger,
                asOf: asOf,
                horizon: CalendarSpan(count: 4, unit: .weeks)
            )
            ledger = Recorder.record(schedule, into: ledger, policy: config.holidayPolicy)
        }
        return ledger
    }

    @Test(arguments: seeds)
    func theSamePlanHoweverOftenTheLedgerIsRecorded(seed: UInt64) throws {
        let config = try Self.world(seed)
        var generator = SeededGenerator(seed: seed)
        let start = config.rotation.start
        var dates: [LocalDate] = []
        var day = start
        while day < Self.end {
            dates.append(day)
            day = day.adding(days: Int.random(in: 1...60, using: &generator))
        }
        let never = Self.shifts(config, .empty)
        let weekly = Self.shifts(
            config,
            Self.record(config, on: stride(from: 0, to: 156, by: 1).map { start.adding(days: 7 * $0) })
        )
        let random = Self.shifts(config, Self.record(config, on: dates))
        let once = Self.shifts(config, Self.record(config, on: [LocalDate.on("2027-06-15")]))
        for (name, other) in [("weekly", weekly), ("random dates", random), ("once", once)] {
            let moved = zip(never, other).filter { $0.engineer != $1.engineer }.map { "\($0.0.handOff)" }
            #expect(never.count == other.count && moved.isEmpty, "\(name): \(moved)")
        }
    }

    /// Nobody is on call for two shifts in a row unless everyone else is away for the second.
    ///
    /// Each forced one is a warning. The worlds include teams of three where two are away at once,
    /// so the forced case is counted and required, not only vacuously true.
    @Test func nobodyWorksTwoShiftsInARowUnlessEveryoneElseIsAway() throws {
        var forced = 0
        var checked = 0
        let crowdedAway = try TestWorlds.load(
            """
            team: Three
            engineers:
              - { id: a, name: A, email: a@example.com }
              - { id: b, name: B, email: b@example.com, pto: [{ from: 2026-03-01, to: 2026-03-20 }] }
              - { id: c, name: C, email: c@example.com, pto: [{ from: 2026-03-08, to: 2026-03-20 }] }
            ownership: { primary: { min: 0, max: 9 }, secondary: { min: 0, max: 9 } }
            pipelines: [{ id: p, name: P, business_area: A, primary: a, secondary: b }]
            rotation: { length: 1w, handoff: { time: "10:00" }, time_zone: America/New_York, order: [a, b, c], start: 2026-01-05 }
            holidays: { builtin: none }
            """
        )
        for config in try Self.seeds.map({ try Self.world($0) }) + [crowdedAway] {
            let schedule = Planner.plan(
                config: config,
                ledger: .empty,
                asOf: config.rotation.start,
                from: config.rotation.start,
                until: Self.end
            )
            let grid = ShiftGrid(rotation: config.rotation)
            let whole = schedule.shifts.filter { $0.kind != .partialOverride }
            for (earlier, later) in zip(whole, whole.dropFirst()) where earlier.engineer == later.engineer {
                let days = grid.days(later.index)
                let othersFree = config.rotation.order.contains { id in
                    id != later.engineer
                        && !(config.engineer(id)?.pto.contains {
                            $0.first <= days.upperBound && days.lowerBound <= $0.last
                        } ?? true)
                        && earlier.holiday?.decision.engineer != id
                }
                let forcedByHoliday = later.holiday != nil && earlier.holiday != nil
                #expect(!othersFree || forcedByHoliday, "\(later.engineer) on \(earlier.handOff) and \(later.handOff)")
                forced += 1
                #expect(
                    schedule.warnings.contains { $0.kind == .backToBack && $0.shift == later.handOff }
                        || later.uncovered
                )
            }
            checked += whole.count
        }
        #expect(checked > 4000)
        // Random PTO on small teams does force some: the rule is exercised, not only vacuously true.
        #expect(forced > 0)
    }
}

/// `policy.min_gap` wider than one shift.
@Suite struct MinimumGapTests {
    @Test func withAGapOfTwoNobodyIsOnCallWithinTwoShiftsOfTheirLast() throws {
        var text = try TestWorlds.bundledText(
            replacing: "    time_zone: America/Los_Angeles\n",
            with: "    time_zone: America/Los_Angeles\n  - { id: lee, name: Lee, email: lee@example.com }\n"
        ).replacingOccurrences(of: "order: [chen, smith, jones, kim]", with: "order: [chen, smith, jones, kim, lee]")
        text = text.replacingOccurrences(of: "primary: { min: 1, max: 2 }", with: "primary: { min: 0, max: 2 }")
            .replacingOccurrences(of: "secondary: { min: 1, max: 2 }", with: "secondary: { min: 0, max: 2 }")
        text += "policy:\n  min_gap: 2\n"
        let config = try TestWorlds.load(text)
        let schedule = Planner.plan(
            config: config,
            ledger: .empty,
            asOf: config.rotation.start,
            from: config.rotation.start,
            until: .on("2029-12-31")
        )
        let engineers = schedule.shifts.map(\.engineer)
        var close = 0
        for index in engineers.indices.dropFirst(2) where engineers[index] == engineers[index - 2] {
            close += 1
        }
        #expect(close == 0)
        #expect(zip(engineers, engineers.dropFirst()).allSatisfy { $0 != $1 })
        #expect(schedule.warnings.filter { $0.kind == .backToBack }.isEmpty)
        #expect(engineers.count > 200)
    }
}

/// Holiday fairness per time on the team: someone who joins starts level, not at zero.
@Suite struct NewcomerHolidayTests {
    @Test func aNewcomerIsNotFrontLoadedWithHolidays() throws {
        var text = try TestWorlds.bundledText(
            replacing: "    time_zone: America/Los_Angeles\n",
            with:
                "    time_zone: America/Los_Angeles\n  - { id: lee, name: Lee, email: lee@example.com, joined: 2028-06-05 }\n"
        ).replacingOccurrences(of: "order: [chen, smith, jones, kim]", with: "order: [chen, smith, jones, kim, lee]")
        text = text.replacingOccurrences(of: "primary: { min: 1, max: 2 }", with: "primary: { min: 0, max: 2 }")
            .replacingOccurrences(of: "secondary: { min: 1, max: 2 }", with: "secondary: { min: 0, max: 2 }")
        let config = try TestWorlds.load(text)
        let schedule = Planner.plan(
            config: config,
            ledger: .empty,
            asOf: config.rotation.start,
            from: config.rotation.start,
            until: .on("2031-12-31")
        )
        var seen = Set<LocalDate>()
        let decisions = schedule.shifts.compactMap { shift -> HolidayDecision? in
            guard let cover = shift.holiday, seen.insert(shift.handOff).inserted else { return nil }
            return cover.decision
        }
        let afterJoining = decisions.filter { $0.shift >= .on("2028-06-05") }
        #expect(afterJoining.count >= 9)
        // Of the first three holidays after Lee joins, Lee covers at most one; over the years since, Lee's
        // count stays within one of everyone else's count in the same time.
        #expect(afterJoining.prefix(3).filter { $0.engineer.rawValue == "lee" }.count <= 1)
        let counts = config.rotation.order.map { id in afterJoining.filter { $0.engineer == id }.count }
        #expect((counts.max() ?? 0) - (counts.min() ?? 0) <= 1, "\(counts)")
        #expect(!schedule.shifts.contains { $0.engineer.rawValue == "lee" && $0.handOff < .on("2028-06-05") })
    }
}
