import CalDAV
import Foundation
import ServerTestSupport
import Testing

/// `rota push` through `fault_proxy.py` in front of a real server, with faults injected.
///
/// 5xx, 429 with Retry-After, dropped connections, slow answers and a concurrent writer. After each, a following
/// `rota diff` is in sync, every planned event is on the server exactly once, and the foreign event is
/// byte-identical.
@Suite struct PushFaultTests {
    /// Checks the calendar converged: diff in sync, one resource per planned UID, the foreign event unchanged.
    static func expectConverged(
        _ fixture: PushFixture,
        _ calendar: URL,
        planned: Int,
        foreign: (url: URL, body: [UInt8], etag: String?)?,
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws {
        let diff = try fixture.rota(["diff", "--calendar", calendar.absoluteString])
        #expect(diff.status == 0, "\(diff.standardOutput)\(diff.standardError)", sourceLocation: sourceLocation)
        let counts = try await fixture.uidCounts(calendar)
        let managed = counts.filter { $0.key.hasSuffix("@oncall.example.com") }
        #expect(managed.count == planned, sourceLocation: sourceLocation)
        #expect(counts.values.allSatisfy { $0 == 1 }, "duplicated: \(counts)", sourceLocation: sourceLocation)
        if let foreign {
            let (body, etag) = try await fixture.get(foreign.url)
            #expect(body == foreign.body && etag == foreign.etag, sourceLocation: sourceLocation)
        }
    }

    /// Makes the empty calendar by name (MKCALENDAR straight to the server) and puts the foreign event on it.
    static func emptyCalendarWithForeignEvent(
        _ fixture: PushFixture
    ) async throws -> (calendar: URL, foreign: (url: URL, body: [UInt8], etag: String?)) {
        let direct = fixture.server.calendarURL("oncall")
        try await fixture.client.makeCalendar(at: direct, displayName: PushFixture.calendarName)
        let calendar = fixture.proxy.rootURL.appending(path: String(direct.path.dropFirst()))
        let url = try await fixture.putForeignEvent(in: calendar)
        let (body, etag) = try await fixture.get(url)
        return (calendar, (url, body, etag))
    }

    @Test(arguments: ServerKind.virtualenvServers)
    func serverErrorsThrottlingDropsAndSlowAnswersAreRetriedAndConverge(_ kind: ServerKind) async throws {
        try await PushFixture.with(kind) { fixture in
            let (calendar, foreign) = try await Self.emptyCalendarWithForeignEvent(fixture)
            try await fixture.proxy.inject(
                [
                    "REPORT 503", "PUT 503", "PUT 429", "PUT retry-after:1", "PUT drop", "PUT drop-after-forward",
                    "PUT delay:3000", "PUT 500", "PUT drop-after-forward",
                ],
                using: fixture.transport
            )
            let push = try fixture.rota(["push", "--calendar", calendar.absoluteString, "--timeout", "2", "--verbose"])
            #expect(push.status == 0, "\(push.standardOutput)\(push.standardError)")
            #expect(push.standardOutput.contains("(1 other event left alone)"))
            // The Retry-After of 1 s was honoured: the executor says it waited 1 s for it (-v), and the same event's
            // next PUT reached the proxy at least a second after the 429 (arrival times, so the injected delay of
            // another request plays no part).
            let waited = /waiting 1\.0 s before trying \S+ \S+ again after HTTP 429 with Retry-After 1\.0 s/
            #expect(push.standardError.contains(waited), "\(push.standardError)")
            let timed = try await fixture.proxy.timedLog(using: fixture.transport)
            let throttled = try #require(timed.firstIndex { $0.line.hasSuffix("-> retry-after:1") }, "\(timed)")
            let path = String(timed[throttled].line.split(separator: " ")[1])
            let retry = try #require(
                timed[(throttled + 1)...].first { $0.line.hasPrefix("PUT \(path) ") },
                "no retry of \(path): \(timed)"
            )
            #expect(retry.arrived - timed[throttled].arrived >= 1.0, "\(timed[throttled]) then \(retry)")
            let log = try await fixture.requests()
            for outcome in ["503", "429", "retry-after:1", "drop", "dropped", "(delay:3000)", "500"] {
                #expect(log.contains { $0.contains("-> \(outcome)") || $0.hasSuffix(outcome) }, "\(outcome): \(log)")
            }
            // A create whose answer was lost is retried, answers 412, is read again and is kept: no duplicate.
            #expect(log.contains { $0.hasPrefix("PUT ") && $0.hasSuffix("-> 412") }, "\(log)")
            try await Self.expectConverged(fixture, calendar, planned: 60, foreign: foreign)
        }
    }

    @Test(arguments: ServerKind.virtualenvServers)
    func anInterruptedPushCanBeRunAgain(_ kind: ServerKind) async throws {
        try await PushFixture.with(kind) { fixture in
            let (calendar, foreign) = try await Self.emptyCalendarWithForeignEvent(fixture)
            // The first write fails four times in a row: the client's whole retry bound (RetryPolicy.standard).
            try await fixture.proxy.inject(Array(repeating: "PUT 503", count: 4), using: fixture.transport)
            let failed = try fixture.rota(["push", "--calendar", calendar.absoluteString, "--concurrency", "1"])
            #expect(failed.status == 2, "\(failed.standardOutput)")
            #expect(failed.standardError.contains("503"), "\(failed.standardError)")
            let again = try fixture.rota(["push", "--calendar", calendar.absoluteString])
            #expect(again.status == 0, "\(again.standardError)")
            try await Self.expectConverged(fixture, calendar, planned: 60, foreign: foreign)
        }
    }

    /// Xandikos answers 423 Locked to writes that meet at its git store: past the client's retries, the push goes on
    /// one write at a time and still converges.
    @Test(arguments: ServerKind.virtualenvServers)
    func aServerThatStaysLockedGetsOneWriteAtATime(_ kind: ServerKind) async throws {
        try await PushFixture.with(kind) { fixture in
            let (calendar, foreign) = try await Self.emptyCalendarWithForeignEvent(fixture)
            // One write at a time from the start, so the first write meets all six: four use up the client's retries,
            // then the push waits, serializes and sends it again.
            try await fixture.proxy.inject(Array(repeating: "PUT 423", count: 6), using: fixture.transport)
            let push = try fixture.rota(["push", "--calendar", calendar.absoluteString, "--concurrency", "1"])
            #expect(push.status == 0, "\(push.standardOutput)\(push.standardError)")
            #expect(push.count("created") == 60)
            let log = try await fixture.requests()
            #expect(log.filter { $0.hasSuffix("-> 423") }.count == 6, "\(log)")
            try await Self.expectConverged(fixture, calendar, planned: 60, foreign: foreign)
        }
    }

    @Test(arguments: ServerKind.virtualenvServers)
    func aConcurrentWriterMeansReadAgainAndDecideAgain(_ kind: ServerKind) async throws {
        try await PushFixture.with(kind) { fixture in
            let (calendar, foreign) = try await Self.emptyCalendarWithForeignEvent(fixture)
            let url = calendar.absoluteString
            // While rota creates: another rota writes the same event first (412 on If-None-Match: *, then kept).
            try await fixture.proxy.inject(["PUT race-same"], using: fixture.transport)
            let first = try fixture.rota(["push", "--calendar", url])
            #expect(first.status == 0, "\(first.standardError)")
            #expect(first.count("created") == 59 && first.count("unchanged") == 1, "\(first.standardOutput)")
            try await Self.expectConverged(fixture, calendar, planned: 60, foreign: foreign)

            // While rota updates after a config change: one event is re-written by another rota (kept), one is
            // edited by hand between the listing and the write (412 on If-Match, read again: drift, left alone).
            try fixture.editConfig(
                "    time_zone: America/New_York\n  - id: smith",
                "    time_zone: America/New_York\n    pto:\n      - { from: 2027-03-02, to: 2027-03-04 }\n  - id: smith"
            )
            try await fixture.proxy.inject(["PUT race-same", "PUT race-edit"], using: fixture.transport)
            try await fixture.clearLog()
            let second = try fixture.rota(["push", "--calendar", url])
            let log = try await fixture.requests()
            #expect(log.filter { $0.hasPrefix("PUT ") && $0.hasSuffix("-> 412") }.count == 0, "\(log)")
            #expect(log.filter { $0.contains("412 (race-") }.count == 2, "\(log)")
            #expect(second.status == 1, "\(second.standardOutput)\(second.standardError)")
            #expect(second.standardOutput.contains("edited on the server, left alone"))
            let diff = try fixture.rota(["diff", "--calendar", url])
            #expect(diff.lines("!").count == 1 && diff.lines("~").isEmpty, "\(diff.standardOutput)")
            // The hand edit survived; --force then overwrites it.
            let forced = try fixture.rota(["push", "--calendar", url, "--force"])
            #expect(forced.status == 0 && forced.count("drift") == 1, "\(forced.standardOutput)")
            try await Self.expectConverged(fixture, calendar, planned: 60, foreign: foreign)
        }
    }

    @Test(arguments: ServerKind.virtualenvServers)
    func twoPushesAtOnceConvergeToOneResourcePerEvent(_ kind: ServerKind) async throws {
        try await PushFixture.with(kind) { fixture in
            let (calendar, foreign) = try await Self.emptyCalendarWithForeignEvent(fixture)
            let url = calendar.absoluteString
            let results = try await fixture.rotaAtOnce([["push", "--calendar", url], ["push", "--calendar", url]])
            for result in results {
                #expect(result.status == 0, "\(result.standardOutput)\(result.standardError)")
            }
            let created = results.compactMap { $0.count("created") }.reduce(0, +)
            #expect(created == 60, "\(results.map(\.standardOutput))")
            try await Self.expectConverged(fixture, calendar, planned: 60, foreign: foreign)
        }
    }
}
