import CalDAV
import Foundation
import RotaTestSupport
import ServerTestSupport
import Testing

/// Push safety against real Radicale through the counting proxy: a foreign event holding one of rota's UIDs, a
/// calendar home given as --calendar, --dry-run and --format json.
@Suite struct PushSafetyTests {
    static let takenUID = "shift-20271122@oncall.example.com"

    /// Not rota's (no X-ROTA-TEAM), but it holds the UID of one of rota's planned shifts.
    static let foreignCopy = [
        "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//someone else//EN", "BEGIN:VEVENT",
        "UID:\(takenUID)", "DTSTAMP:20261101T000000Z", "DTSTART:20271122T150000Z",
        "DTEND:20271122T170000Z", "SUMMARY:My own copy of that shift", "END:VEVENT", "END:VCALENDAR", "",
    ].joined(separator: "\r\n")

    /// A foreign event holding one of rota's UIDs is left alone, and the refusal reported by UID.
    ///
    /// A PUT of a UID another resource of the calendar holds is refused (`ServerKind.duplicateUIDRefusal`: Radicale
    /// 409 and Xandikos 412 `no-uid-conflict`, Cyrus 403 `unique-scheduling-object-resource`): push writes the other
    /// 59, reports that UID with the reason, exits 2, and does the same (one refused PUT, nothing else) when run
    /// again. DAViCal stores both: push writes all 60, the foreign event is untouched, the next push is a no-op.
    @Test(arguments: ServerKind.allCases)
    func aForeignEventHoldingARotaUIDIsReportedAndLeftAlone(_ kind: ServerKind) async throws {
        try await PushFixture.with(kind) { fixture in
            let (calendar, _) = try await PushFaultTests.emptyCalendarWithForeignEvent(fixture)
            let copy = try fixture.direct(calendar).appending(path: "my-copy.ics")
            #expect(try await fixture.put(Self.foreignCopy, at: copy, ifMatch: nil) == 201)
            let (before, _) = try await fixture.get(copy)
            try await fixture.clearLog()

            let push = try fixture.rota(["push", "--calendar", calendar.absoluteString])
            guard let (status, precondition) = kind.duplicateUIDRefusal else {
                #expect(push.status == 0, "\(push.standardOutput)\(push.standardError)")
                #expect(push.count("created") == 60, "\(push.standardOutput)")
                #expect(try await fixture.get(copy).body == before)
                try await fixture.clearLog()
                let again = try fixture.rota(["push", "--calendar", calendar.absoluteString])
                #expect(again.status == 0 && again.count("created") == 0, "\(again.standardOutput)")
                #expect(try await fixture.requests(exceptLocked: true).count == 1)
                return
            }
            #expect(push.status == 2, "\(push.standardOutput)\(push.standardError)")
            #expect(push.count("created") == 59 && push.count("failed") == 1, "\(push.standardOutput)")
            let stderr = push.standardError
            #expect(stderr.contains("error: 1 event not written (the others were written):"), "\(stderr)")
            #expect(stderr.contains("\(Self.takenUID): "), "\(stderr)")
            #expect(stderr.contains("another resource already holds this event's UID"), "\(stderr)")
            #expect(stderr.contains("[\(precondition)] (HTTP \(status))"), "\(stderr)")
            let log = try await fixture.requests(exceptLocked: true)
            #expect(log.filter { $0.hasPrefix("PUT ") }.count == 60, "\(log)")
            #expect(log.filter { $0.hasSuffix("-> \(status)") }.count == 1, "\(log)")
            #expect(try await fixture.get(copy).body == before)

            try await fixture.clearLog()
            let again = try fixture.rota(["push", "--calendar", calendar.absoluteString])
            #expect(again.status == 2 && again.count("failed") == 1 && again.count("created") == 0)
            let second = try await fixture.requests(exceptLocked: true)
            #expect(second.count == 2, "one REPORT, one refused PUT: \(second)")
        }
    }

    /// `--calendar` at the calendar home: exit 2, nothing written, the calendars under it listed.
    @Test func aCalendarHomeIsRefusedAndItsCalendarsListed() async throws {
        try await PushFixture.with(.radicale) { fixture in
            _ = try await PushFaultTests.emptyCalendarWithForeignEvent(fixture)
            let home = fixture.proxy.rootURL.appending(path: CalDAVServerProcess.username + "/")
            try await fixture.clearLog()
            let push = try fixture.rota(["push", "--calendar", home.absoluteString])
            #expect(push.status == 2, "\(push.standardOutput)\(push.standardError)")
            let stderr = push.standardError
            #expect(stderr.contains("is not a calendar collection; nothing was written"), "\(stderr)")
            #expect(stderr.contains("Calendars under it: Data Engineering on call at "), "\(stderr)")
            let log = try await fixture.requests()
            #expect(
                !log.contains { $0.hasPrefix("PUT ") || $0.hasPrefix("DELETE ") || $0.hasPrefix("MKCOL") },
                "\(log)"
            )
        }
    }

    /// --dry-run lists what push would write and writes nothing: exit 1 with changes, 0 in sync; the server sees
    /// only reads.
    @Test func aDryRunWritesNothing() async throws {
        try await PushFixture.with(.radicale) { fixture in
            let (calendar, _) = try await PushFaultTests.emptyCalendarWithForeignEvent(fixture)
            try await fixture.clearLog()
            let dry = try fixture.rota(["push", "--calendar", calendar.absoluteString, "--dry-run"])
            #expect(dry.status == 1, "\(dry.standardOutput)\(dry.standardError)")
            #expect(dry.lines("+").count == 60)
            #expect(dry.lines("+").contains { $0.hasSuffix("(\(Self.takenUID))") })
            #expect(dry.standardOutput.contains(": dry run, nothing written; would be 60 created, 0 updated"))
            let log = try await fixture.requests()
            #expect(log.allSatisfy { $0.hasPrefix("REPORT ") || $0.hasPrefix("PROPFIND ") }, "\(log)")
            #expect(try await fixture.uidCounts(calendar).filter { $0.key.hasSuffix("@oncall.example.com") }.isEmpty)

            #expect(try fixture.rota(["push", "--calendar", calendar.absoluteString]).status == 0)
            let inSync = try fixture.rota(["push", "--calendar", calendar.absoluteString, "--dry-run"])
            #expect(inSync.status == 0, "\(inSync.standardOutput)")
            #expect(inSync.standardOutput.contains("would be 0 created, 0 updated, 0 deleted, 60 unchanged"))
        }
    }

    /// `--format json`: the summary after a plan change, compared with a golden file (the port replaced).
    @Test func theJSONSummaryOfAPlanChange() async throws {
        try await PushFixture.with(.radicale) { fixture in
            let (calendar, _) = try await PushFaultTests.emptyCalendarWithForeignEvent(fixture)
            let url = calendar.absoluteString
            #expect(try fixture.rota(["push", "--calendar", url]).status == 0)
            try fixture.editConfig(
                "    time_zone: America/New_York\n  - id: smith",
                "    time_zone: America/New_York\n    pto:\n      - { from: 2027-03-02, to: 2027-03-04 }\n  - id: smith"
            )
            let dry = try fixture.rota(["push", "--calendar", url, "--dry-run", "--format", "json"])
            #expect(dry.status == 1)
            let push = try fixture.rota(["push", "--calendar", url, "--format", "json"])
            #expect(push.status == 0, "\(push.standardError)")
            let port = "127.0.0.1:\(fixture.proxy.rootURL.port ?? 0)"
            GoldenFile.check(
                dry.standardOutput.replacingOccurrences(of: port, with: "PROXY"),
                "fixtures/golden/rota/push-dry-run.json"
            )
            GoldenFile.check(
                push.standardOutput.replacingOccurrences(of: port, with: "PROXY"),
                "fixtures/golden/rota/push.json"
            )
            #expect(!push.standardOutput.contains(CalDAVServerProcess.password))
        }
    }
}

extension PushSafetyTests {
    /// Xandikos locks its store per write: whatever the timing, the 423s all come from one collision (at most
    /// concurrency - 1 of them), after which the push goes one at a time; every event is written once.
    @Test func onXandikosLockedWritesCostOneCollisionAtMost() async throws {
        try await PushFixture.with(.xandikos) { fixture in
            let (calendar, _) = try await PushFaultTests.emptyCalendarWithForeignEvent(fixture)
            try await fixture.clearLog()
            let push = try fixture.rota(["push", "--calendar", calendar.absoluteString, "--concurrency", "4"])
            #expect(push.status == 0, "\(push.standardOutput)\(push.standardError)")
            let log = try await fixture.requests()
            let locked = log.filter { $0.hasSuffix("-> 423") }.count
            #expect(locked <= 3, "\(log)")
            #expect(log.filter { $0.hasPrefix("PUT ") && !$0.hasSuffix("-> 423") }.count == 60, "\(log)")
        }
    }
}

extension PushSafetyTests {
    /// `--dry-run --create` on a server without the calendar: what push would create, and no MKCALENDAR or PUT.
    @Test func aDryRunWithCreateShowsTheCalendarItWouldMake() async throws {
        try await PushFixture.with(.radicale) { fixture in
            let dry = try fixture.rota(["push", "--server", fixture.proxyRoot, "--create", "--dry-run"])
            #expect(dry.status == 1, "\(dry.standardOutput)\(dry.standardError)")
            #expect(dry.lines("+").count == 60)
            #expect(
                dry.standardOutput.contains(
                    "/alice/data-engineering-on-call/: dry run, nothing written; would be 60 created"
                ),
                "\(dry.standardOutput)"
            )
            let log = try await fixture.requests()
            #expect(log.allSatisfy { $0.hasPrefix("PROPFIND ") || $0.hasPrefix("REPORT ") }, "\(log)")
        }
    }
}
