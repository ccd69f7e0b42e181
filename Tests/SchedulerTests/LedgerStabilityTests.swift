import Foundation
import RotaModel
import Testing

@testable import Scheduler

/// Recording decisions, and what a recorded ledger protects against later config changes.
@Suite struct LedgerStabilityTests {
    static let asOf = LocalDate.on("2026-11-02")
    static let horizon = CalendarSpan(count: 1, unit: .years)

    static func recorded(_ config: TeamConfig) -> Ledger {
        let schedule = Planner.plan(config: config, ledger: .empty, asOf: asOf, horizon: horizon)
        return Recorder.record(schedule, into: .empty, policy: config.holidayPolicy)
    }

    static func engineers(_ schedule: Schedule, _ starts: [LocalDate]) -> [String] {
        starts.map { start in schedule.shifts.first { $0.handOff == start }?.engineer.rawValue ?? "-" }
    }

    @Test func recordLocksTheLeadTimeWindowAndDecidesItsHolidays() throws {
        let config = try TestWorlds.bundled()
        let ledger = Self.recorded(config)
        // Three months from 2026-11-02 is 2027-02-02: shifts starting 2026-11-02 ... 2027-02-01 (14 weeks).
        #expect(ledger.shifts.first?.start == .on("2026-11-02"))
        #expect(ledger.shifts.last?.start == .on("2027-02-01"))
        #expect(ledger.shifts.count == 14)
        #expect(
            ledger.holidays.map { "\($0.holiday) \($0.year)" } == [
                "thanksgiving 2026", "christmas 2026", "new-years-day 2027",
            ]
        )
        #expect(ledger.holidays.allSatisfy { $0.recorded == Self.asOf })
        // Recording again changes nothing.
        let again = Planner.plan(config: config, ledger: ledger, asOf: Self.asOf, horizon: Self.horizon)
        #expect(Recorder.record(again, into: ledger, policy: config.holidayPolicy) == ledger)
        #expect(again.dueDecisions.isEmpty && again.dueLocks.isEmpty)
    }

    @Test func recordedShiftsSurviveConfigChanges() throws {
        let config = try TestWorlds.bundled()
        let ledger = Self.recorded(config)
        let locked = ledger.shifts.map(\.start)
        let before = Self.engineers(
            Planner.plan(config: config, ledger: ledger, asOf: Self.asOf, horizon: Self.horizon),
            locked
        )
        let changes = [
            // A new engineer who owns nothing yet.
            try TestWorlds.bundledText(
                replacing: "ownership:\n  primary: { min: 1, max: 2 }\n  secondary: { min: 1, max: 2 }",
                with: "ownership:\n  primary: { min: 0, max: 2 }\n  secondary: { min: 0, max: 2 }"
            ).replacingOccurrences(
                of: "    time_zone: America/Los_Angeles\n",
                with: "    time_zone: America/Los_Angeles\n  - { id: lee, name: Lee, email: lee@example.com }\n"
            ).replacingOccurrences(
                of: "order: [chen, smith, jones, kim]",
                with: "order: [lee, chen, smith, jones, kim]"
            ),
            // Another order.
            try TestWorlds.bundledText(
                replacing: "order: [chen, smith, jones, kim]",
                with: "order: [kim, jones, smith, chen]"
            ),
        ]
        for text in changes {
            let changed = try TestWorlds.load(text)
            let after = Planner.plan(config: changed, ledger: ledger, asOf: Self.asOf, horizon: Self.horizon)
            #expect(Self.engineers(after, locked) == before)
            #expect(after.conflicts.isEmpty)
        }
    }

    /// PTO over locked shifts is a conflict: each gets a proposed swap, and no other locked shift moves.
    @Test func newPTOInsideTheWindowIsAConflictWithAProposedSwap() throws {
        let config = try TestWorlds.bundled()
        let ledger = Self.recorded(config)
        let locked = ledger.shifts.map(\.start)
        let before = Planner.plan(config: config, ledger: ledger, asOf: Self.asOf, horizon: Self.horizon)
        let text = try TestWorlds.bundledText(
            replacing: "    email: smith@example.com\n",
            with: "    email: smith@example.com\n    pto: [{ from: 2026-11-01, to: 2027-01-31 }]\n"
        )
        let after = Planner.plan(
            config: try TestWorlds.load(text),
            ledger: ledger,
            asOf: Self.asOf,
            horizon: Self.horizon
        )
        // Smith's locked shifts from the as-of date that touch the PTO (a shift touches its last morning too).
        let smithLocked = Set(
            ledger.fixedEngineers.filter {
                $0.value.rawValue == "smith" && $0.key >= Self.asOf && $0.key <= .on("2027-01-31")
            }.keys
        )
        try #require(!smithLocked.isEmpty)
        #expect(Set(after.conflicts.map(\.shift)) == smithLocked)
        #expect(after.conflicts.allSatisfy { $0.cause.kind == "pto" && $0.resolution != nil })
        let moved = Set(after.dueSwaps.flatMap { [$0.shift] + ($0.giveBack.map { [$0.shift] } ?? []) })
        for start in locked where !moved.contains(start) {
            let old = before.shifts.first { $0.handOff == start }?.engineer
            #expect(after.shifts.first { $0.handOff == start }?.engineer == old, "\(start)")
        }
        for start in smithLocked {
            #expect(after.shifts.first { $0.handOff == start }?.engineer.rawValue != "smith")
        }
        // Recording the proposed swaps resolves every conflict.
        let recorded = Recorder.record(after, into: ledger, policy: config.holidayPolicy)
        let again = Planner.plan(
            config: try TestWorlds.load(text),
            ledger: recorded,
            asOf: Self.asOf,
            horizon: Self.horizon
        )
        #expect(again.conflicts.isEmpty)
        #expect(again.shifts.map(\.engineer) == after.shifts.map(\.engineer))
    }

    @Test func anOverrideMovesALockedShift() throws {
        let config = try TestWorlds.bundled()
        let ledger = Self.recorded(config)
        let text = try TestWorlds.bundledText(
            replacing: "overrides: []",
            with: "overrides:\n  - { engineer: kim, shift: 2026-12-07, reason: swap agreed with Jones }\n"
                + "  - { engineer: chen, from: 2026-12-16T18:00, to: 2026-12-18T09:00 }"
        )
        let changed = try TestWorlds.load(text)
        let schedule = Planner.plan(config: changed, ledger: ledger, asOf: Self.asOf, horizon: Self.horizon)
        let december7 = try #require(schedule.shifts.first { $0.handOff == .on("2026-12-07") })
        #expect(december7.engineer.rawValue == "kim")
        #expect(december7.kind == .override)
        #expect(december7.locked)
        let pieces = schedule.shifts.filter { $0.handOff == .on("2026-12-14") }
        #expect(pieces.map(\.start.description) == ["2026-12-14T10:00", "2026-12-16T18:00", "2026-12-18T09:00"])
        #expect(pieces[1].engineer.rawValue == "chen")
        #expect(pieces[1].kind == .partialOverride)
        #expect(pieces[0].engineer == pieces[2].engineer)
    }

    /// Outside the lock window a new PTO moves exactly two shifts: someone covers, and the engineer takes the
    /// next turn of theirs back, so the order then returns to the rotation.
    @Test func newPTOOutsideTheWindowMovesTwoShifts() throws {
        let config = try TestWorlds.bundled()
        let ledger = Self.recorded(config)
        let text = try TestWorlds.bundledText(
            replacing: "    email: jones@example.com\n",
            with: "    email: jones@example.com\n    pto: [{ from: 2027-04-14, to: 2027-04-16 }]\n"
        )
        let changed = try TestWorlds.load(text)
        let old = Planner.plan(config: config, ledger: ledger, asOf: Self.asOf, horizon: Self.horizon)
        let new = Planner.plan(config: changed, ledger: ledger, asOf: Self.asOf, horizon: Self.horizon)
        let moves = PlanComparison.changes(from: old, to: new)
        #expect(moves.count == 2)
        #expect(moves.contains { change in change.reasons.contains { $0.kind == .ptoCover } })
    }

    @Test func volunteersGetTheShiftAndEarnCredit() throws {
        let text = try TestWorlds.bundledText(
            replacing: "  volunteers: []",
            with: "  volunteers:\n    - { holiday: christmas, year: 2026, engineers: [kim] }"
        )
        let config = try TestWorlds.load(text)
        let schedule = Planner.plan(config: config, ledger: .empty, asOf: Self.asOf, horizon: Self.horizon)
        let christmas = try #require(schedule.shifts.first { $0.holiday?.holidays.first?.id.rawValue == "christmas" })
        #expect(christmas.engineer.rawValue == "kim")
        #expect(christmas.holiday?.decision.reason == .volunteer)
        let ledger = Recorder.record(schedule, into: .empty, policy: config.holidayPolicy)
        #expect(ledger.credits.map { "\($0.engineer) \($0.days) \($0.holiday) \($0.year)" } == ["kim 1 christmas 2026"])
    }

    @Test func holidayBackupIsTheSecondaryUnlessOnCallOrAway() throws {
        let config = try TestWorlds.bundled()
        let schedule = Planner.plan(config: config, ledger: .empty, asOf: Self.asOf, horizon: Self.horizon)
        for shift in schedule.shifts {
            guard let cover = shift.holiday else { continue }
            for backup in cover.backups {
                let pipeline = try #require(config.pipelines.first { $0.id == backup.pipeline })
                #expect(backup.engineer != shift.engineer)
                if pipeline.secondary != shift.engineer {
                    #expect(backup.engineer == pipeline.secondary && backup.role == .secondary)
                } else {
                    #expect(backup.engineer == pipeline.primary && backup.role == .primary)
                }
            }
        }
    }
}
