import Foundation
import ICalendar
import RotaModel
import Scheduler
import Testing

@testable import RotaSync

/// What the feeds say may still change: shifts inside the lock window (the holiday lead time, 3 months
/// in the bundled config) or locked in the ledger are `STATUS:CONFIRMED`, later ones `STATUS:TENTATIVE`.
///
/// As of 2026-11-28 the window ends on 2027-02-28: the Monday shift of 2027-02-22 is the last inside it.
@Suite struct FeedStatusTests {
    static func day(_ text: String) throws -> LocalDate { try #require(LocalDate(iso: text)) }

    /// The feeds of the bundled config as of `asOf`, with `ledger`.
    static func export(
        ledger: Ledger = .empty,
        previous: FeedState = .empty,
        asOf: LocalDate = FeedTests.asOf
    ) throws -> FeedAssembler.Output {
        let config = try FeedTests.config()
        let start = config.feeds.windowPast.added(to: asOf, direction: -1)
        let schedule = Planner.plan(
            config: config,
            ledger: ledger,
            asOf: asOf,
            from: start,
            until: config.feeds.windowFuture.added(to: asOf)
        )
        let events = FeedPlanner.events(for: schedule, config: config)
        return FeedAssembler.assemble(events, previous: previous, config: config, asOf: asOf, windowStart: start)
    }

    /// The STATUS lines of the event with this UID in the team feed (one, unless something is wrong).
    static func statuses(_ uid: String, in output: FeedAssembler.Output, feed: String = "team") throws -> [String] {
        let event = try #require(FeedTests.event(uid, in: FeedTests.text(output, feed)), "no \(uid) in \(feed)")
        return event.components(separatedBy: "\r\n").filter { $0.hasPrefix("STATUS:") }
    }

    static func uid(_ prefix: String) -> String { "\(prefix)@oncall.example.com" }

    @Test func shiftsInsideTheLockWindowAreConfirmedAndLaterOnesTentative() throws {
        let output = try Self.export()
        // History inside the feed window, the current shift and the last one inside the window.
        for handOff in ["20261026", "20261123", "20270222"] {
            #expect(try Self.statuses(Self.uid("shift-\(handOff)"), in: output) == ["STATUS:CONFIRMED"], "\(handOff)")
        }
        for handOff in ["20270301", "20270607", "20271122"] {
            #expect(try Self.statuses(Self.uid("shift-\(handOff)"), in: output) == ["STATUS:TENTATIVE"], "\(handOff)")
        }
        // The engineer's own feed says the same as the team feed.
        let team = FeedTests.text(output, "team")
        let engineer = try #require(
            output.feeds.keys.sorted().first { name in
                FeedNames.isEngineerFeed(name)
                    && FeedTests.event(Self.uid("shift-20270301"), in: FeedTests.text(output, name)) != nil
            }
        )
        #expect(try Self.statuses(Self.uid("shift-20270301"), in: output, feed: engineer) == ["STATUS:TENTATIVE"])
        #expect(
            team.components(separatedBy: "STATUS:").count - 1 == team.components(separatedBy: "BEGIN:VEVENT").count - 1
        )
    }

    @Test func aLockedShiftBeyondTheWindowIsConfirmed() throws {
        let config = try FeedTests.config()
        let june = try Self.day("2027-06-07")
        // Lock the shift to whoever the plan has on it, so that only the lock changes.
        let planned = Planner.plan(
            config: config,
            ledger: .empty,
            asOf: FeedTests.asOf,
            from: june,
            until: june.adding(days: 1)
        )
        let engineer = try #require(planned.shifts.first { $0.handOff == june }?.engineer)
        let ledger = Ledger(shifts: [RecordedShift(start: june, engineer: engineer, recorded: FeedTests.asOf)])
        let output = try Self.export(ledger: ledger)
        #expect(try Self.statuses(Self.uid("shift-20270607"), in: output) == ["STATUS:CONFIRMED"])
        #expect(try Self.statuses(Self.uid("shift-20270531"), in: output) == ["STATUS:TENTATIVE"])
        #expect(try Self.statuses(Self.uid("shift-20270614"), in: output) == ["STATUS:TENTATIVE"])
    }

    /// Who backs up a pipeline depends on who is on call, so a backup is as firm as its shift; a holiday's
    /// date is a fact of the config, so the holiday itself is always confirmed.
    @Test func backupsFollowTheirShiftAndHolidaysAreConfirmed() throws {
        let output = try Self.export()
        let team = FeedTests.text(output, "team")
        let backups = FeedTests.text(output, "pipeline-aggregate-profit")
        // Thanksgiving 2026 is inside the window, Thanksgiving 2027 is not.
        #expect(
            try Self.statuses(
                Self.uid("backup-aggregate-profit-20261126"),
                in: output,
                feed: "pipeline-aggregate-profit"
            ) == ["STATUS:CONFIRMED"]
        )
        #expect(
            try Self.statuses(
                Self.uid("backup-aggregate-profit-20271125"),
                in: output,
                feed: "pipeline-aggregate-profit"
            ) == ["STATUS:TENTATIVE"]
        )
        #expect(backups.contains("UID:\(Self.uid("backup-aggregate-profit-20271125"))\r\n"))
        #expect(try Self.statuses(Self.uid("holiday-thanksgiving-2026"), in: output) == ["STATUS:CONFIRMED"])
        #expect(try Self.statuses(Self.uid("holiday-thanksgiving-2027"), in: output) == ["STATUS:CONFIRMED"])
        #expect(team.contains("UID:\(Self.uid("holiday-thanksgiving-2027"))\r\n"))
    }

    /// A week later the shift of 2027-03-01 comes inside the window: a real change, so calendars take it.
    @Test func comingInsideTheWindowConfirmsTheShiftWithAHigherSequence() throws {
        let before = try Self.export()
        let later = try Self.day("2026-12-05")
        let after = try Self.export(previous: before.state, asOf: later)
        let entering = Self.uid("shift-20270301")
        #expect(try Self.statuses(entering, in: before) == ["STATUS:TENTATIVE"])
        #expect(try Self.statuses(entering, in: after) == ["STATUS:CONFIRMED"])
        #expect(after.state.events[entering]?.sequence == 1)
        let event = try #require(FeedTests.event(entering, in: FeedTests.text(after, "team")))
        #expect(event.contains("SEQUENCE:1\r\n"))
        #expect(event.contains("DTSTAMP:20261205T000000Z\r\n"))
        // The next shift is still tentative, and unchanged.
        let next = Self.uid("shift-20270308")
        #expect(try Self.statuses(next, in: after) == ["STATUS:TENTATIVE"])
        #expect(after.state.events[next]?.sequence == 0)
        #expect(after.state.events[next]?.changed.description == "2026-11-28")
        // Exporting again on the same day changes nothing.
        let again = try Self.export(previous: after.state, asOf: later)
        #expect(again.feeds == after.feeds)
        #expect(again.state == after.state)
    }

    /// A tentative shift that moves to another engineer is cancelled in the old engineer's feed: one
    /// STATUS, `CANCELLED`, in place of `TENTATIVE`.
    @Test func aCancelledCopyCarriesOnlyStatusCancelled() throws {
        let before = try Self.export()
        let uid = Self.uid("shift-20270607")
        let holder = try #require(
            before.feeds.keys.sorted().first { name in
                FeedNames.isEngineerFeed(name) && FeedTests.event(uid, in: FeedTests.text(before, name)) != nil
            }
        )
        let other = holder == "engineer-kim" ? "chen" : "kim"
        let config = try FeedTests.config(
            replacing: "overrides: []",
            with: "overrides:\n  - { engineer: \(other), shift: 2027-06-07 }"
        )
        let start = config.feeds.windowPast.added(to: FeedTests.asOf, direction: -1)
        let schedule = Planner.plan(
            config: config,
            ledger: .empty,
            asOf: FeedTests.asOf,
            from: start,
            until: config.feeds.windowFuture.added(to: FeedTests.asOf)
        )
        let after = FeedAssembler.assemble(
            FeedPlanner.events(for: schedule, config: config),
            previous: before.state,
            config: config,
            asOf: FeedTests.asOf,
            windowStart: start
        )
        #expect(try Self.statuses(uid, in: after, feed: holder) == ["STATUS:CANCELLED"])
        #expect(try Self.statuses(uid, in: after, feed: "engineer-\(other)") == ["STATUS:TENTATIVE"])
        #expect(try Self.statuses(uid, in: after) == ["STATUS:TENTATIVE"])
    }
}
