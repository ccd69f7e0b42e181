import Foundation
import ICalendar
import RotaModel
import Scheduler
import Testing

@testable import RotaSync

/// The pure reconcile behind `rota push` and `rota diff`: which events to create, update, delete,
/// keep, or report as edited by hand, and that events rota does not own are never touched.
@Suite struct ReconcileTests {
    static let asOf = LocalDate(iso: "2026-11-28") ?? LocalDate(daysSinceEpoch: 0)
    static let zone = TimeZoneDatabase.zone("America/New_York")

    static func planned(_ config: TeamConfig, asOf: LocalDate = asOf) -> [Component] {
        let start = config.feeds.windowPast.added(to: asOf, direction: -1)
        let schedule = Planner.plan(
            config: config,
            ledger: .empty,
            asOf: asOf,
            from: start,
            until: config.feeds.windowFuture.added(to: asOf)
        )
        return CalendarPlan.events(for: schedule, config: config)
    }

    /// What a server holds after rota wrote `events`: each resource read back from the bytes rota PUTs.
    static func server(_ events: [Component], sequence: Int = 0) throws -> [Reconciler.Remote] {
        try events.map { event in
            let uid = try #require(event.property("UID")?.value)
            let bytes = CalendarPlan.resource(for: event, sequence: sequence, asOf: asOf, zone: try #require(zone))
            let read = try #require(CalendarPlan.events(in: bytes))
            return Reconciler.Remote(href: "/cal/" + Reconciler.resourceName(for: uid), etag: "\"1\"", events: read)
        }
    }

    static func reconcile(_ planned: [Component], _ remote: [Reconciler.Remote]) -> Reconciliation {
        Reconciler.reconcile(
            planned: planned,
            remote: remote,
            team: "Data Engineering",
            uidDomain: "oncall.example.com"
        )
    }

    @Test func anEmptyCalendarGetsEveryPlannedEventAndAWrittenOneIsInSync() throws {
        let planned = Self.planned(try FeedTests.config())
        let first = Self.reconcile(planned, [])
        #expect(first.entries.count == planned.count)
        #expect(first.entries.allSatisfy { $0.action == .create })
        #expect(!first.isInSync)
        let second = Self.reconcile(planned, try Self.server(planned))
        #expect(second.isInSync)
        #expect(second.entries(.keep).count == planned.count)
    }

    @Test func aNewPTOChangesOnlyTheShiftsItMoves() throws {
        let before = Self.planned(try FeedTests.config())
        let after = Self.planned(
            try FeedTests.config(
                replacing: "    time_zone: America/Los_Angeles\n",
                with: "    time_zone: America/Los_Angeles\n    pto: [{ from: 2027-02-23, to: 2027-02-26 }]\n"
            )
        )
        let result = Self.reconcile(after, try Self.server(before))
        let updated = result.entries(.update)
        // Kim's week off moves her shift and the one she takes back in return, not the year.
        #expect(!updated.isEmpty && updated.count <= 3, "\(updated.map(\.uid))")
        #expect(result.entries(.create).isEmpty && result.entries(.delete).isEmpty)
        #expect(result.entries(.keep).count == before.count - updated.count)
        let engineers = updated.flatMap(\.changes).filter { $0.name == "X-ROTA-ENGINEER" }
        #expect(engineers.contains { $0.before == "kim" })
    }

    /// A week later the shift of 2027-03-01 starts inside the three-month lock window: an update of its
    /// STATUS alone, which the server's copy (written with its hash) shows as rota's change, not a hand edit.
    @Test func aShiftComingInsideTheLockWindowIsAnUpdateOfItsStatus() throws {
        let config = try FeedTests.config()
        let remote = try Self.server(Self.planned(config))
        let later = Self.planned(config, asOf: try #require(LocalDate(iso: "2026-12-05")))
        let result = Self.reconcile(later, remote)
        let updated = result.entries(.update)
        #expect(updated.map(\.uid) == ["shift-20270301@oncall.example.com"])
        #expect(updated.first?.changes == [.init(name: "STATUS", before: "TENTATIVE", after: "CONFIRMED")])
        #expect(result.entries(.drift).isEmpty)
        // Written back, it is in sync.
        #expect(Self.reconcile(later, try Self.server(later)).entries(.update).isEmpty)
    }

    @Test func aHandEditIsDriftAndARemovedShiftIsDeleted() throws {
        let planned = Self.planned(try FeedTests.config())
        var remote = try Self.server(planned)
        // Someone retitles one event in their calendar app.
        var edited = remote[3].events[0]
        let index = try #require(edited.properties.firstIndex { $0.name == "SUMMARY" })
        edited.properties[index].value = "On call: somebody else"
        remote[3] = Reconciler.Remote(href: remote[3].href, etag: "\"2\"", events: [edited])
        // The plan loses one event (its piece of the window).
        let shorter = Array(planned.dropLast())
        let result = Self.reconcile(shorter, remote)
        let drift = result.entries(.drift)
        #expect(drift.map(\.uid) == [planned[3].property("UID")?.value])
        #expect(drift.first?.changes.map(\.name) == ["SUMMARY"])
        #expect(result.entries(.delete).map(\.uid) == [planned.last?.property("UID")?.value])
        #expect(result.entries(.delete).first?.etag == "\"1\"")
    }

    @Test func foreignEventsAreNeverTouched() throws {
        let planned = Self.planned(try FeedTests.config())
        var remote = try Self.server(planned)
        let foreign = Component(
            name: "VEVENT",
            properties: [
                Property(name: "UID", value: "lunch@example.org"),
                Property(name: "DTSTAMP", value: "20261101T000000Z"),
                Property(name: "DTSTART", value: "20261201T120000Z"),
                Property(name: "SUMMARY", value: "Team lunch"),
            ]
        )
        // Same domain but another team's, and a resource with two events: not rota's either.
        var otherTeam = remote[0].events[0]
        otherTeam.properties = otherTeam.properties.map {
            $0.name == "X-ROTA-TEAM" ? Property(name: "X-ROTA-TEAM", value: "Platform") : $0
        }
        remote += [
            Reconciler.Remote(href: "/cal/lunch.ics", etag: "\"9\"", events: [foreign]),
            Reconciler.Remote(href: "/cal/other.ics", etag: "\"9\"", events: [otherTeam]),
            Reconciler.Remote(href: "/cal/two.ics", etag: "\"9\"", events: [remote[1].events[0], foreign]),
        ]
        let result = Self.reconcile([], remote)
        #expect(result.foreignCount == 3)
        #expect(!result.entries.contains { ["/cal/lunch.ics", "/cal/other.ics", "/cal/two.ics"].contains($0.href) })
        #expect(result.entries.allSatisfy { $0.action == .delete })
    }

    @Test func aCopyOfAnEventIsDeletedAndACancelledOneInAFeedIsAbsent() throws {
        let planned = Array(Self.planned(try FeedTests.config()).prefix(3))
        var remote = try Self.server(planned)
        remote.append(Reconciler.Remote(href: "/cal/zz-copy.ics", etag: "\"5\"", events: remote[0].events))
        var result = Self.reconcile(planned, remote)
        #expect(result.entries(.delete).map(\.href) == ["/cal/zz-copy.ics"])
        #expect(result.entries(.keep).count == 3)

        // As a feed publishes it: STATUS:CANCELLED in place of the STATUS it had.
        let cancelled = EventComponent.cancelled(
            remote[2].events[0],
            sequence: 1,
            changed: try #require(LocalDate(iso: "2026-11-28"))
        )
        remote = Array(remote.prefix(2)) + [Reconciler.Remote(href: nil, etag: nil, events: [cancelled])]
        result = Self.reconcile(Array(planned.prefix(2)), remote)
        #expect(result.isInSync)
    }

    /// The content hash of an event is pinned, both forms.
    ///
    /// Servers hold the hashes earlier versions wrote: a change to how the hash is computed would make
    /// every planned change to an event look like a hand edit (drift). The `2-` value was computed
    /// independently (a short Python script: the canonical lines written out by hand, with DTSTART in UTC,
    /// the CATEGORIES set joined by U+001F, sorted, LF-joined, FNV-1a 64); the legacy value is the one
    /// versions before it wrote, recomputed the same way in Python 3: the six content lines as written (TEXT
    /// escaped: `\\ ; , newline` -> `\\\\ \\; \\, \\n`, DTSTAMP, SEQUENCE and X-ROTA-HASH left out), sorted,
    /// LF-joined, FNV-1a 64 with Python's own integer arithmetic.
    @Test func theContentHashIsStableAcrossVersions() throws {
        let description = String(repeating: "Escalation: Chen, then Kim; runbook, über-long ", count: 4)
        let event = Component(
            name: "VEVENT",
            properties: [
                Property(name: "UID", value: "shift-20261130@oncall.example.com"),
                Property(name: "DTSTAMP", value: "20261128T000000Z"),
                Property(name: "SEQUENCE", value: "4"),
                Property(
                    name: "DTSTART",
                    parameters: [Parameter(name: "TZID", value: "America/New_York")],
                    value: "20261130T100000"
                ),
                Property(name: "SUMMARY", value: "On call: Chen"),
                Property(name: "DESCRIPTION", value: description + "\nline two"),
                Property(name: "CATEGORIES", textList: ["On call", "a,b"]),
                Property(name: "X-ROTA-TEAM", value: "data-platform"),
                Property(name: "X-ROTA-HASH", value: "ignored"),
            ],
            components: [Component(name: "VALARM", properties: [Property(name: "ACTION", value: "DISPLAY")])]
        )
        #expect(ManagedEvent.contentHash(of: event) == "2-84cd7de0229a35a3")
        #expect(ManagedEvent.legacyContentHash(of: event) == "da711ce0c480476f")
        #expect(ManagedEvent.contentLines(of: event).count == 6)
        // An event stamped by an earlier version is checked the way it was stamped.
        var stampedEarlier = event
        stampedEarlier.properties.removeAll { $0.name == "X-ROTA-HASH" }
        stampedEarlier.properties.append(Property(name: "X-ROTA-HASH", value: "da711ce0c480476f"))
        #expect(!ManagedEvent.isDrifted(stampedEarlier))
        stampedEarlier.properties.append(Property(name: "LOCATION", value: "edited by hand"))
        #expect(ManagedEvent.isDrifted(stampedEarlier))
    }

    /// FNV-1a 64 as published (offset basis 0xcbf29ce484222325, prime 0x100000001b3), as 16 hex digits.
    static func fnv1a64(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        let digits = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    @Test func theTestsOwnHashMatchesThePublishedVectors() {
        #expect(Self.fnv1a64("") == "cbf29ce484222325")
        #expect(Self.fnv1a64("a") == "af63dc4c8601ec8c")
        #expect(Self.fnv1a64("foobar") == "85944171f73967e8")
    }

    @Test func theResourceRotaWritesCarriesItsZoneAndAHashOfItsContent() throws {
        let event = try #require(
            Self.planned(try FeedTests.config()).first { $0.property("X-ROTA-KIND")?.value == "shift" }
        )
        let text = String(
            decoding: CalendarPlan.resource(for: event, sequence: 3, asOf: Self.asOf, zone: try #require(Self.zone)),
            as: UTF8.self
        )
        #expect(text.contains("BEGIN:VTIMEZONE\r\nTZID:America/New_York\r\n"))
        #expect(text.contains("SEQUENCE:3\r\n"))
        #expect(text.contains("DTSTAMP:20261128T000000Z\r\n"))
        // What a server sends back is checked by behaviour: read back, the resource is not drift, and an edit
        // to what it says is. (The hash's value itself is pinned in theContentHashIsStableAcrossVersions.)
        #expect(text.contains("X-ROTA-HASH:2-"))
        let readBack = try #require(CalendarPlan.events(in: Array(text.utf8))?.first)
        #expect(!ManagedEvent.isDrifted(readBack))
        var edited = readBack
        edited.properties = edited.properties.map {
            $0.name == "SUMMARY" ? Property(name: "SUMMARY", value: $0.value + " (swapped with Kim)") : $0
        }
        #expect(ManagedEvent.isDrifted(edited))
        #expect(!text.contains("BEGIN:VALARM"))
        #expect(Reconciler.resourceName(for: "shift-1@oncall.example.com") == "shift-1@oncall.example.com.ics")
        #expect(Reconciler.resourceName(for: "a b/c") == "a%20b%2Fc.ics")
    }
}
