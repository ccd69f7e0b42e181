import Foundation
import ICalendar
import RotaModel
import RotaTestSupport
import Testing

@testable import Scheduler

/// The rules across teams (issue 17): nobody is on call for two teams at overlapping times, checked on many random
/// organisations against a comparison of every pair of duties; PTO given differently is found.
@Suite struct CrossTeamCheckTests {
    static let asOf = LocalDate.on("2026-02-04")
    static let zones = ["America/New_York", "Europe/London", "Asia/Tokyo", "America/Los_Angeles", "Australia/Sydney"]

    /// Two to four random teams; their engineers are e0...e5@example.com, so teams share people, some written in
    /// capitals in one team (emails match without regard to case), in different zones and with different hand-offs.
    static func organisation(_ seed: UInt64) throws -> [TeamPlan] {
        var generator = SeededGenerator(seed: seed &* 104_729)
        let count = Int.random(in: 2...4, using: &generator)
        return try (0..<count).map { index in
            var yaml = TestWorlds.random(using: &generator, pto: true, holidays: false)
            yaml = yaml.replacingOccurrences(
                of: "America/New_York",
                with: zones[Int.random(in: 0..<zones.count, using: &generator)]
            )
            if Bool.random(using: &generator) {
                yaml = yaml.replacingOccurrences(of: "e1@example.com", with: "E1@Example.COM")
            }
            let config = try TestWorlds.load(yaml)
            let schedule = Planner.plan(
                config: config,
                ledger: .empty,
                asOf: asOf,
                horizon: CalendarSpan(count: 6, unit: .months)
            )
            return TeamPlan(label: "team-\(index).yaml", config: config, schedule: schedule)
        }
    }

    struct Pair: Hashable {
        let email: String
        let first: TeamDuty
        let second: TeamDuty
    }

    /// Every pair of overlapping duties of one person in two teams, by comparing every pair.
    static func everyOverlap(_ teams: [TeamPlan]) -> Set<Pair> {
        let duties = teams.flatMap { team in
            CrossTeamCheck.duties(of: team).map { duty in
                (email: team.config.engineer(duty.engineer)?.email.lowercased() ?? "", duty: duty)
            }
        }
        var pairs = Set<Pair>()
        for (index, one) in duties.enumerated() {
            for other in duties[(index + 1)...]
            where one.email == other.email && one.duty.team != other.duty.team && one.duty.overlaps(other.duty) {
                let ordered = [one.duty, other.duty].sorted { ($0.startInstant, $0.team) < ($1.startInstant, $1.team) }
                pairs.insert(Pair(email: one.email, first: ordered[0], second: ordered[1]))
            }
        }
        return pairs
    }

    @Test(arguments: Array(UInt64(1)...40))
    func everyOverlapIsFoundAndNothingElse(seed: UInt64) throws {
        let teams = try Self.organisation(seed)
        let found = CrossTeamCheck.conflicts(teams)
        let expected = Self.everyOverlap(teams)
        #expect(Set(found.map { Pair(email: $0.email.lowercased(), first: $0.first, second: $0.second) }) == expected)
        #expect(found.count == expected.count, "a conflict reported twice")
        for conflict in found {
            #expect(conflict.first.startInstant < conflict.second.endInstant)
            #expect(conflict.second.startInstant < conflict.first.endInstant)
            #expect(conflict.first.team != conflict.second.team)
        }
    }

    /// The rule is exercised: random organisations of people in several teams do overlap.
    @Test func randomOrganisationsDoHaveConflicts() throws {
        let total = try (UInt64(1)...40).map { try CrossTeamCheck.conflicts(Self.organisation($0)).count }.reduce(0, +)
        #expect(total > 100)
    }

    /// Each team's covered time is in its duties, held by the shift's engineer; uncovered shifts are nobody's.
    @Test(arguments: Array(UInt64(1)...10))
    func dutiesCoverEveryCoveredShift(seed: UInt64) throws {
        for team in try Self.organisation(seed) {
            let duties = CrossTeamCheck.duties(of: team)
            for shift in team.schedule.shifts {
                let holder = duties.first { $0.startInstant <= shift.startInstant && shift.endInstant <= $0.endInstant }
                if shift.uncovered {
                    #expect(holder == nil)
                } else {
                    #expect(holder?.engineer == shift.engineer, "\(shift.handOff) in \(team.label)")
                }
            }
        }
    }

    @Test func ptoGivenDifferentlyIsAWarningAndTheSamePTOIsNot() throws {
        func team(_ label: String, pto: String) throws -> TeamPlan {
            let config = try TestWorlds.load(
                """
                team: \(label)
                engineers:
                  - { id: ana, name: Ana, email: ana@example.com\(pto) }
                  - { id: bo, name: Bo, email: \(label)-bo@example.com }
                ownership: { primary: { min: 0, max: 9 }, secondary: { min: 0, max: 9 } }
                pipelines:
                  - { id: p, name: P, business_area: A, primary: ana, secondary: bo }
                rotation: { handoff: { time: "10:00" }, time_zone: Europe/London, start: 2026-01-05 }

                """
            )
            let schedule = Planner.plan(
                config: config,
                ledger: .empty,
                asOf: Self.asOf,
                horizon: .init(count: 4, unit: .weeks)
            )
            return TeamPlan(label: "\(label).yaml", config: config, schedule: schedule)
        }
        let week = ", pto: [{ from: 2026-03-02, to: 2026-03-06, note: Ski }]"
        let sameWeek = ", pto: [{ from: 2026-03-02, to: 2026-03-06 }]"
        #expect(CrossTeamCheck.ptoMismatches([try team("a", pto: week), try team("b", pto: sameWeek)]).isEmpty)
        let mismatches = CrossTeamCheck.ptoMismatches([try team("a", pto: week), try team("b", pto: "")])
        #expect(mismatches.count == 1)
        #expect(mismatches.first?.email == "ana@example.com")
        #expect(mismatches.first?.teams.map(\.label) == ["a.yaml", "b.yaml"])
        #expect(mismatches.first?.teams.map(\.pto.count) == [1, 0])
    }
}
