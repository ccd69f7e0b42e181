import Foundation
import ICalendar
import RotaModel
import RotaTestSupport
import Scheduler
import Testing

@testable import RotaSync

@Suite struct FeedTests {
    static let root = RepositoryRoot.url
    static let asOf = LocalDate(iso: "2026-11-28") ?? LocalDate(daysSinceEpoch: 0)

    static func config(replacing old: String = "", with new: String = "") throws -> TeamConfig {
        var text = try String(contentsOf: root.appendingPathComponent("fixtures/team.yaml"), encoding: .utf8)
        if !old.isEmpty { text = text.replacingOccurrences(of: old, with: new) }
        return try ConfigLoader.load(bytes: Array(text.utf8), file: "team.yaml")
    }

    static func export(
        _ config: TeamConfig,
        previous: FeedState = .empty,
        asOf: LocalDate = asOf
    ) -> FeedAssembler.Output {
        let start = config.feeds.windowPast.added(to: asOf, direction: -1)
        let schedule = Planner.plan(
            config: config,
            ledger: .empty,
            asOf: asOf,
            from: start,
            until: config.feeds.windowFuture.added(to: asOf)
        )
        let events = FeedPlanner.events(for: schedule, config: config)
        return FeedAssembler.assemble(events, previous: previous, config: config, asOf: asOf, windowStart: start)
    }

    static func text(_ output: FeedAssembler.Output, _ feed: String) -> String {
        String(decoding: output.feeds[feed] ?? [], as: UTF8.self)
    }

    @Test func feedsForEveryEngineerPipelineAndTheTeam() throws {
        let output = Self.export(try Self.config())
        #expect(
            output.feeds.keys.sorted() == [
                "engineer-chen", "engineer-jones", "engineer-kim", "engineer-smith", "pipeline-aggregate-engagement",
                "pipeline-aggregate-growth", "pipeline-aggregate-profit", "pipeline-daily-growth",
                "pipeline-unit-level-profit", "team",
            ]
        )
        let chen = Self.text(output, "engineer-chen")
        #expect(chen.contains("SUMMARY:On call: Chen\r\n"))
        #expect(!chen.contains("SUMMARY:On call: Smith"))
        #expect(chen.contains("TRANSP:TRANSPARENT\r\n"))
        #expect(chen.contains("BEGIN:VTIMEZONE\r\nTZID:America/New_York\r\n"))
        #expect(chen.contains("DTSTART;TZID=America/New_York:20261123T100000\r\n"))
        #expect(chen.contains("TRIGGER:-P1D\r\n"))
        #expect(chen.contains("X-WR-CALNAME:Chen: Data Engineering on call\r\n"))
        let team = Self.text(output, "team")
        // A holiday names who is on call for it.
        #expect(team.contains("SUMMARY:Christmas Day: Smith on call\r\n"))
        #expect(team.contains("UID:shift-20261221@oncall.example.com\r\n"))
        #expect(team.contains("REFRESH-INTERVAL;VALUE=DURATION:PT1H\r\n"))
        // Reminders only in the engineer's own feed.
        #expect(!team.contains("BEGIN:VALARM"))
        #expect(!Self.text(output, "pipeline-aggregate-profit").contains("BEGIN:VALARM"))
        let backups = Self.text(output, "engineer-jones")
        let backup = try #require(
            backups.components(separatedBy: "BEGIN:VEVENT").first {
                $0.contains("SUMMARY:Holiday backup: Aggregate profit (Christmas Day)\r\n")
            }
        )
        // The backup is reminded like a shift.
        #expect(backup.contains("BEGIN:VALARM\r\n") && backup.contains("TRIGGER:-P1D\r\n"))
        // A pipeline feed has its own events: its own UIDs, the pipeline in the summary, its own escalation.
        let profit = Self.text(output, "pipeline-aggregate-profit")
        #expect(profit.contains("UID:shift-20261221-aggregate-profit@oncall.example.com\r\n"))
        #expect(profit.contains("SUMMARY:Aggregate profit: Smith on call\r\n"))
        #expect(!profit.contains("UID:shift-20261221@oncall.example.com\r\n"))
        #expect(!profit.contains("Unit-level profit"))
        #expect(!team.contains("-aggregate-profit@oncall.example.com"))
    }

    /// Byte-identical feeds for the same inputs are checked across processes with different hash seeds
    /// (rotaTests' DeterminismAcrossProcessesTests) and against fixtures/golden/feeds/team.ics; two calls in one
    /// process could not catch a Dictionary-order leak.
    @Test func exportingAgainFromItsOwnStateChangesNothing() throws {
        let config = try Self.config()
        let first = Self.export(config)
        let second = Self.export(config, previous: first.state)
        #expect(second.feeds == first.feeds)
        #expect(second.state == first.state)
    }

    @Test func aSwapUpdatesTheEventInPlaceWithAHigherSequence() throws {
        let before = Self.export(try Self.config())
        let changed = try Self.config(
            replacing: "overrides: []",
            with: "overrides:\n  - { engineer: kim, shift: 2027-01-11 }"
        )
        let after = Self.export(changed, previous: before.state)
        let uid = "shift-20270111@oncall.example.com"
        #expect(before.state.events[uid]?.sequence == 0)
        #expect(after.state.events[uid]?.sequence == 1)
        #expect(Self.text(after, "engineer-kim").contains("UID:\(uid)\r\n"))
        #expect(Self.text(before, "engineer-smith").contains("UID:\(uid)"))
        // The override settles within a few weeks (the rest rule keeps Kim off 2027-01-04, and turns are given
        // back); a shift months later is untouched.
        let unchanged = "shift-20270503@oncall.example.com"
        #expect(before.state.events[unchanged] != nil)
        #expect(after.state.events[unchanged]?.sequence == 0)
    }

    /// The VEVENT with this UID in a feed's text, if the feed carries it.
    static func event(_ uid: String, in feed: String) -> String? {
        feed.components(separatedBy: "BEGIN:VEVENT\r\n").first { $0.contains("UID:\(uid)\r\n") }
    }

    @Test func aSwapLeavesTheShiftCancelledInTheOldAssigneesFeed() throws {
        let before = Self.export(try Self.config())
        let swapped = try Self.config(
            replacing: "overrides: []",
            with: "overrides:\n  - { engineer: kim, shift: 2027-01-11 }"
        )
        let after = Self.export(swapped, previous: before.state)
        let uid = "shift-20270111@oncall.example.com"
        let smith = try #require(Self.event(uid, in: Self.text(after, "engineer-smith")))
        #expect(smith.contains("STATUS:CANCELLED\r\n"))
        #expect(smith.contains("SEQUENCE:1\r\n"))
        #expect(smith.contains("SUMMARY:On call: Smith\r\n"))
        #expect(!smith.contains("BEGIN:VALARM"))
        let kim = try #require(Self.event(uid, in: Self.text(after, "engineer-kim")))
        #expect(!kim.contains("STATUS:CANCELLED"))
        #expect(kim.contains("SEQUENCE:1\r\n"))
        // The team feed has one copy, the live one.
        let team = Self.text(after, "team")
        #expect(team.components(separatedBy: "UID:\(uid)\r\n").count == 2)
        #expect(!(Self.event(uid, in: team) ?? "").contains("STATUS:CANCELLED"))
        // Exporting again changes nothing.
        let again = Self.export(swapped, previous: after.state)
        #expect(again.feeds == after.feeds)
        #expect(again.state == after.state)
        // Swapping back gives Smith the live event with a SEQUENCE above the cancelled copy's.
        let back = Self.export(try Self.config(), previous: again.state)
        let smithAgain = try #require(Self.event(uid, in: Self.text(back, "engineer-smith")))
        #expect(!smithAgain.contains("STATUS:CANCELLED"))
        #expect(smithAgain.contains("SEQUENCE:2\r\n"))
        let kimAgain = try #require(Self.event(uid, in: Self.text(back, "engineer-kim")))
        #expect(kimAgain.contains("STATUS:CANCELLED\r\n"))
        #expect(kimAgain.contains("SEQUENCE:2\r\n"))
    }

    @Test func aShiftThatLeavesThePlanStaysCancelledUntilTheWindowPasses() throws {
        let split = try Self.config(
            replacing: "overrides: []",
            with: "overrides:\n  - { engineer: kim, from: 2027-01-12T10:00, to: 2027-01-13T10:00 }"
        )
        let before = Self.export(split)
        let piece = "shift-20270111-20270112T1000@oncall.example.com"
        #expect(before.state.events[piece] != nil)
        let after = Self.export(try Self.config(), previous: before.state)
        let entry = try #require(after.state.events[piece])
        #expect(entry.cancelled)
        #expect(entry.sequence == 1)
        #expect(Self.text(after, "team").contains("STATUS:CANCELLED\r\n"))
        // Far later, the cancelled piece is out of the window and gone.
        let later = Self.export(
            try Self.config(),
            previous: after.state,
            asOf: LocalDate(iso: "2027-06-01") ?? Self.asOf
        )
        #expect(later.state.events[piece] == nil)
    }

    @Test func teamFeedMatchesItsGoldenFile() throws {
        let output = Self.export(try Self.config())
        GoldenFile.check(output.feeds["team"] ?? [], "fixtures/golden/feeds/team.ics")
    }
}

@Suite struct FeedReminderTests {
    @Test func theReminderComesFromTheConfig() throws {
        let twoHours = try FeedTests.config(
            replacing: "window: { past: 30d, future: 12m }",
            with: "window: { past: 30d, future: 12m }\n  reminder: 2h"
        )
        #expect(FeedTests.text(FeedTests.export(twoHours), "engineer-chen").contains("TRIGGER:-PT2H\r\n"))
        let none = try FeedTests.config(
            replacing: "window: { past: 30d, future: 12m }",
            with: "window: { past: 30d, future: 12m }\n  reminder: none"
        )
        #expect(!FeedTests.text(FeedTests.export(none), "engineer-chen").contains("BEGIN:VALARM"))
    }

    @Test func aBadReminderIsAConfigError() throws {
        #expect(throws: ConfigError.self) {
            _ = try FeedTests.config(
                replacing: "window: { past: 30d, future: 12m }",
                with: "window: { past: 30d, future: 12m }\n  reminder: soon"
            )
        }
    }
}
