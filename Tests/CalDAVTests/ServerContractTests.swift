import CalDAV
import Foundation
import Logging
import ServerTestSupport
import Testing

/// The contract suite: every operation against four real servers on 127.0.0.1, each test with a server of its own.
///
/// The servers are Radicale 3.9.0, Xandikos 0.4.10, Cyrus IMAP 3.6 and DAViCal 1.1. Where the servers differ, ``ServerKind`` says how (and
/// ``ServerQuirkTests`` shows it).
@Suite struct ServerContractTests {
    static func event(_ uid: String, start: String, summary: String = "On call") -> [UInt8] {
        let lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//rota//tests//EN", "BEGIN:VEVENT", "UID:\(uid)",
            "DTSTAMP:20261128T000000Z", "DTSTART:\(start)T100000Z", "DTEND:\(start)T110000Z", "SUMMARY:\(summary)",
            "END:VEVENT", "END:VCALENDAR",
        ]
        return Array((lines.joined(separator: "\r\n") + "\r\n").utf8)
    }

    /// The display name ``withCalendar(_:_:)`` gives its calendar, as `kind` reads it back
    /// (``ServerKind/escapesDisplayNamesTwice``).
    static func displayName(on kind: ServerKind) -> String {
        kind.escapesDisplayNamesTwice ? "On call &amp; &lt;more&gt;" : "On call & <more>"
    }

    /// Runs `body` with a started server, a client for it (transport shut down afterwards) and a fresh calendar.
    static func withCalendar(
        _ kind: ServerKind,
        _ body: (CalDAVServerProcess, CalDAVClient, URL) async throws -> Void
    ) async throws {
        try await CalDAVServerProcess.with(kind) { server in
            let transport = AsyncHTTPClientTransport(
                configuration: TransportConfiguration(connectTimeout: .seconds(5), readTimeout: .seconds(20))
            )
            let client = CalDAVClient(
                baseURL: server.rootURL,
                credentials: server.credentials,
                transport: transport,
                logger: Logger(label: "caldav-tests", factory: { _ in SwiftLogNoOpLogHandler() })
            )
            let calendar = server.calendarURL("oncall")
            do {
                try await client.makeCalendar(at: calendar, displayName: "On call & <more>")
                try await body(server, client, calendar)
            } catch {
                try? await transport.shutdown()
                Issue.record("server log:\n\(server.logText())")
                throw error
            }
            try await transport.shutdown()
        }
    }

    @Test(arguments: ServerKind.allCases)
    func discoveryFindsPrincipalHomeAndCalendars(_ kind: ServerKind) async throws {
        try await Self.withCalendar(kind) { server, client, calendar in
            let found = try await client.discover()
            #expect(found.principal == server.expectedPrincipal)
            #expect(found.calendarHome == server.expectedHome)
            let made = try #require(found.calendars.first { $0.url == calendar })
            #expect(made.displayName == Self.displayName(on: kind))
            #expect(made.isCalendar)
            #expect(made.supportedComponents.contains("VEVENT"))
            #expect(made.syncToken != nil)
            #expect(made.ctag != nil)
        }
    }

    @Test(arguments: ServerKind.allCases)
    func mkcalendarTwiceOnOneURLFails(_ kind: ServerKind) async throws {
        try await Self.withCalendar(kind) { _, client, calendar in
            let read = try await client.calendar(at: calendar)
            #expect(read.displayName == Self.displayName(on: kind))
            do {
                try await client.makeCalendar(at: calendar, displayName: "again")
                Issue.record("a second MKCALENDAR on the same URL succeeded")
            } catch let error as CalDAVError {
                // Radicale answers 409; Xandikos and Cyrus 403 (RFC 4791 §5.3.1.1's resource-must-be-null).
                #expect([403, 405, 409].contains(error.status ?? 0))
            }
        }
    }

    @Test(arguments: ServerKind.allCases)
    func conditionalPutCreatesOnceAndUpdatesOnlyTheRightVersion(_ kind: ServerKind) async throws {
        try await Self.withCalendar(kind) { _, client, calendar in
            let url = calendar.appending(path: "e1.ics")
            let created = try await client.put(
                Self.event("e1@rota.test", start: "20261201"),
                at: url,
                precondition: .create
            )
            guard case .success(let etag?) = created else {
                Issue.record("create gave \(created)")
                return
            }
            let again = try await client.put(
                Self.event("e1@rota.test", start: "20261201"),
                at: url,
                precondition: .create
            )
            #expect(again == .preconditionFailed)

            let edited = Self.event("e1@rota.test", start: "20261201", summary: "Edited")
            let wrong = try await client.put(edited, at: url, precondition: .update(etag: "\"not-the-etag\""))
            #expect(wrong == .preconditionFailed)
            let right = try await client.put(edited, at: url, precondition: .update(etag: etag))
            guard case .success(let newETag?) = right else {
                Issue.record("update gave \(right)")
                return
            }
            #expect(newETag != etag)
            let stale = try await client.put(edited, at: url, precondition: .update(etag: etag))
            #expect(stale == .preconditionFailed)
            let listed = try await client.multiget(in: calendar, resources: [url])
            #expect(listed.first?.etag == newETag)
            #expect(listed.first?.calendarData?.contains("SUMMARY:Edited") == true)
        }
    }

    @Test(arguments: ServerKind.allCases)
    func calendarQueryListsOnlyEventsInTheTimeRange(_ kind: ServerKind) async throws {
        try await Self.withCalendar(kind) { _, client, calendar in
            for (uid, start) in [("dec", "20261201"), ("jan", "20270105"), ("mar", "20270301")] {
                _ = try await client.put(
                    Self.event("\(uid)@rota.test", start: start),
                    at: calendar.appending(path: "\(uid).ics"),
                    precondition: .create
                )
            }
            let december = try #require(
                TimeRange(
                    start: Date(timeIntervalSince1970: 1_796_083_200),
                    end: Date(timeIntervalSince1970: 1_798_761_600)
                )
            )
            let inDecember = try await client.events(in: calendar, timeRange: december)
            #expect(inDecember.map(\.url.lastPathComponent) == ["dec.ics"])
            #expect(inDecember.first?.calendarData?.contains("UID:dec@rota.test") == true)
            #expect(inDecember.first?.etag != nil)
            let all = try await client.events(in: calendar, timeRange: nil)
            #expect(all.map(\.url.lastPathComponent) == ["dec.ics", "jan.ics", "mar.ics"])
        }
    }

    @Test(arguments: ServerKind.allCases)
    func multigetFetchesTheNamedResources(_ kind: ServerKind) async throws {
        try await Self.withCalendar(kind) { _, client, calendar in
            let first = calendar.appending(path: "a.ics")
            let second = calendar.appending(path: "b.ics")
            _ = try await client.put(Self.event("a@rota.test", start: "20261201"), at: first, precondition: .create)
            _ = try await client.put(Self.event("b@rota.test", start: "20261202"), at: second, precondition: .create)
            let fetched = try await client.multiget(
                in: calendar,
                resources: [first, second, calendar.appending(path: "missing.ics")]
            )
            #expect(fetched.map(\.url) == [first, second])
            #expect(fetched.allSatisfy { $0.etag != nil })
            #expect(fetched.last?.calendarData?.contains("UID:b@rota.test") == true)
        }
    }

    @Test(arguments: ServerKind.allCases)
    func syncCollectionReportsChangesAndDeletions(_ kind: ServerKind) async throws {
        try await Self.withCalendar(kind) { _, client, calendar in
            let keep = calendar.appending(path: "keep.ics")
            let drop = calendar.appending(path: "drop.ics")
            _ = try await client.put(Self.event("keep@rota.test", start: "20261201"), at: keep, precondition: .create)
            let dropped = try await client.put(
                Self.event("drop@rota.test", start: "20261202"),
                at: drop,
                precondition: .create
            )
            let initial = try await client.changes(in: calendar, since: nil)
            #expect(initial.changed.map(\.url) == [drop, keep])
            #expect(initial.deleted.isEmpty)
            let token = try #require(initial.syncToken)

            let unchanged = try await client.changes(in: calendar, since: token)
            #expect(unchanged.changed.isEmpty && unchanged.deleted.isEmpty)

            let keepETag = try #require(initial.changed.first { $0.url == keep }?.etag)
            let updated = try await client.put(
                Self.event("keep@rota.test", start: "20261201", summary: "Changed"),
                at: keep,
                precondition: .update(etag: keepETag)
            )
            guard case .success(let dropETag?) = dropped else {
                Issue.record("create gave \(dropped)")
                return
            }
            #expect(try await client.delete(at: drop, etag: dropETag) == .success(etag: nil))

            let incremental = try await client.changes(in: calendar, since: token)
            #expect(!incremental.isFullListing)
            #expect(incremental.changed.map(\.url) == [keep])
            if case .success(let newETag) = updated {
                #expect(incremental.changed.first?.etag == newETag)
            }
            #expect(incremental.deleted == [drop])
            #expect(incremental.syncToken != token)
        }
    }

    @Test(arguments: ServerKind.allCases)
    func anInvalidSyncTokenFallsBackToAFullListing(_ kind: ServerKind) async throws {
        try await Self.withCalendar(kind) { _, client, calendar in
            let url = calendar.appending(path: "e1.ics")
            _ = try await client.put(Self.event("e1@rota.test", start: "20261201"), at: url, precondition: .create)
            let fallback = try await client.changes(in: calendar, since: "http://example.com/not-a-token/1")
            // DAViCal lists everything under the unknown token itself, which the client cannot tell from changes.
            #expect(fallback.isFullListing == !kind.answersAnUnknownSyncTokenWithEverything)
            #expect(fallback.changed.map(\.url) == [url])
            #expect(fallback.changed.first?.etag != nil)
            #expect(fallback.deleted.isEmpty)
            let token = try #require(fallback.syncToken)
            let next = try await client.changes(in: calendar, since: token)
            #expect(!next.isFullListing)
            #expect(next.changed.isEmpty)
        }
    }

    @Test(arguments: ServerKind.allCases)
    func deleteNeedsTheCurrentETag(_ kind: ServerKind) async throws {
        try await Self.withCalendar(kind) { _, client, calendar in
            let url = calendar.appending(path: "e1.ics")
            let created = try await client.put(
                Self.event("e1@rota.test", start: "20261201"),
                at: url,
                precondition: .create
            )
            guard case .success(let etag?) = created else {
                Issue.record("create gave \(created)")
                return
            }
            #expect(try await client.delete(at: url, etag: "\"stale\"") == .preconditionFailed)
            #expect(try await client.etags(in: calendar).map(\.url) == [url])
            #expect(try await client.delete(at: url, etag: etag) == .success(etag: nil))
            #expect(try await client.etags(in: calendar).isEmpty)
        }
    }

    @Test func radicaleRefusesAWrongPasswordWithAClearError() async throws {
        try await CalDAVServerProcess.with(.radicale) { server in
            let transport = AsyncHTTPClientTransport()
            let client = CalDAVClient(
                baseURL: server.rootURL,
                credentials: .basic(username: CalDAVServerProcess.username, password: "wrong"),
                transport: transport,
                logger: Logger(label: "caldav-tests", factory: { _ in SwiftLogNoOpLogHandler() })
            )
            do {
                _ = try await client.calendars(home: server.expectedHome)
                Issue.record("listed calendars with a wrong password")
            } catch let error as CalDAVError {
                #expect(error.code == .unauthorized)
                #expect(error.status == 401)
                #expect(!error.description.contains("wrong"))
            }
            try await transport.shutdown()
        }
    }

    @Test func aRefusedConnectionIsRetriedThenReported() async throws {
        // Nothing listens on a port the kernel just reported free: every attempt is refused at connect.
        let port = try LocalProcess.freePort()
        let transport = AsyncHTTPClientTransport(
            configuration: TransportConfiguration(connectTimeout: .milliseconds(250))
        )
        let clock = RecordingClock()
        let client = CalDAVClient(
            baseURL: try #require(URL(string: "http://127.0.0.1:\(port)/")),
            credentials: .none,
            transport: transport,
            logger: Logger(label: "caldav-tests", factory: { _ in SwiftLogNoOpLogHandler() }),
            clock: clock
        )
        do {
            _ = try await client.calendars(home: try #require(URL(string: "http://127.0.0.1:\(port)/user/calendars/")))
            Issue.record("listed calendars with no server")
        } catch let error as CalDAVError {
            #expect(error.code == .connection || error.code == .timeout)
            #expect(clock.sleeps.count == RetryPolicy.standard.maxAttempts - 1)
        }
        try await transport.shutdown()
    }
}
