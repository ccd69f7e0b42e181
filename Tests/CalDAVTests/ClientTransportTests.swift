import CalDAV
import Foundation
import InMemoryLogging
import Logging
import RotaTestSupport
import Testing

/// The client's own logic over a scripted transport: retries and their bound, Retry-After, 412 as an answer,
/// redirects and where credentials go, and logs that never show a secret.
@Suite struct ClientTransportTests {
    let base = URL(string: "https://dav.example.com/alice/")

    func client(
        _ transport: ScriptedTransport,
        clock: RecordingClock = RecordingClock(),
        credentials: Credentials = .basic(username: "alice", password: "hunter2"),
        logger: Logger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })
    ) throws -> CalDAVClient {
        CalDAVClient(
            baseURL: try #require(base),
            credentials: credentials,
            transport: transport,
            logger: logger,
            clock: clock
        )
    }

    func request() throws -> CalDAVRequest {
        CalDAVRequests.etagsQuery(try #require(base))
    }

    @Test func retriesServerErrorsWithExponentialBackoffThenSucceeds() async throws {
        let transport = ScriptedTransport([
            .respond(CalDAVResponse(status: 503)),
            .fail(CalDAVError(.connection, detail: "reset", hint: "")),
            .respond(CalDAVResponse(status: 500)),
            .respond(CalDAVResponse(status: 207)),
        ])
        let clock = RecordingClock()
        let response = try await client(transport, clock: clock).send(try request())
        #expect(response.status == 207)
        #expect(transport.sent.count == 4)
        #expect(clock.sleeps == [.milliseconds(500), .seconds(1), .seconds(2)])
    }

    @Test func givesUpAfterTheBound() async throws {
        let transport = ScriptedTransport(Array(repeating: .respond(CalDAVResponse(status: 502)), count: 10))
        let response = try await client(transport).send(try request())
        #expect(response.status == 502)
        #expect(transport.sent.count == RetryPolicy.standard.maxAttempts)
    }

    @Test func connectionFailuresThrowAfterTheBound() async throws {
        let failure = CalDAVError(.timeout, detail: "read timed out", hint: "")
        let transport = ScriptedTransport(Array(repeating: .fail(failure), count: 10))
        await #expect(throws: failure) { try await client(transport).send(try request()) }
        #expect(transport.sent.count == 4)
    }

    @Test func honoursRetryAfterInSecondsAndAsAnHTTPDate() async throws {
        let transport = ScriptedTransport([
            .respond(CalDAVResponse(status: 429, headers: [HeaderField("Retry-After", "7")])),
            .respond(
                CalDAVResponse(
                    status: 503,
                    headers: [
                        HeaderField("Date", "Sat, 28 Nov 2026 06:00:00 GMT"),
                        HeaderField("Retry-After", "Sat, 28 Nov 2026 06:00:42 GMT"),
                    ]
                )
            ),
            .respond(CalDAVResponse(status: 207)),
        ])
        let clock = RecordingClock()
        _ = try await client(transport, clock: clock).send(try request())
        #expect(clock.sleeps == [.seconds(7), .seconds(42)])
    }

    @Test func aRetryAfterBeyondTheCapIsNotWaitedFor() async throws {
        let transport = ScriptedTransport([
            .respond(CalDAVResponse(status: 429, headers: [HeaderField("Retry-After", "86400")]))
        ])
        let response = try await client(transport).send(try request())
        #expect(response.status == 429)
        #expect(transport.sent.count == 1)
    }

    /// Xandikos answers 423 Locked to a write that meets another one at its git store; the write did not happen.
    @Test func lockedIsRetriedForConditionalWrites() async throws {
        let url = try #require(base).appending(path: "e1.ics")
        let transport = ScriptedTransport([
            .respond(CalDAVResponse(status: 423)),
            .respond(CalDAVResponse(status: 423)),
            .respond(CalDAVResponse(status: 204, headers: [HeaderField("ETag", "\"3\"")])),
        ])
        let written = try await client(transport).put([], at: url, precondition: .update(etag: "\"2\""))
        #expect(written == .success(etag: "\"3\""))
        #expect(transport.sent.count == 3)
    }

    @Test func preconditionFailedIsAnAnswerNotRetried() async throws {
        let transport = ScriptedTransport([.respond(CalDAVResponse(status: 412))])
        let url = try #require(base).appending(path: "e1.ics")
        let result = try await client(transport).put(Array("x".utf8), at: url, precondition: .update(etag: "\"1\""))
        #expect(result == .preconditionFailed)
        #expect(transport.sent.count == 1)
    }

    @Test func conditionalWritesAreRetriedButUnconditionalOnesAndMKCALENDARAreNot() async throws {
        let url = try #require(base).appending(path: "e1.ics")
        let conditional = ScriptedTransport([
            .respond(CalDAVResponse(status: 503)),
            .respond(CalDAVResponse(status: 201, headers: [HeaderField("ETag", "\"2\"")])),
        ])
        let written = try await client(conditional).put([], at: url, precondition: .create)
        #expect(written == .success(etag: "\"2\""))
        #expect(conditional.sent.count == 2)

        let mkcalendar = ScriptedTransport([.respond(CalDAVResponse(status: 503))])
        await #expect(throws: CalDAVError.self) {
            try await client(mkcalendar).makeCalendar(at: url, displayName: "x")
        }
        #expect(mkcalendar.sent.count == 1)

        let unconditional = ScriptedTransport([.respond(CalDAVResponse(status: 503))])
        _ = try await client(unconditional).send(CalDAVRequest(method: .put, url: url))
        #expect(unconditional.sent.count == 1)
    }

    @Test func aWriteWithoutETagSaysSo() async throws {
        let transport = ScriptedTransport([.respond(CalDAVResponse(status: 204))])
        let url = try #require(base).appending(path: "e1.ics")
        let result = try await client(transport).put([], at: url, precondition: .update(etag: "\"1\""))
        #expect(result == .success(etag: nil))
    }

    /// Redirects are followed within the calendar's origin, with credentials; one to another origin stops
    /// there, with nothing sent to it.
    @Test func redirectsAreFollowedOnlyWithinTheOrigin() async throws {
        let transport = ScriptedTransport([
            .respond(CalDAVResponse(status: 301, headers: [HeaderField("Location", "/dav/alice/")])),
            .respond(
                CalDAVResponse(status: 307, headers: [HeaderField("Location", "https://other.example.net/alice/")])
            ),
            .respond(CalDAVResponse(status: 207)),
        ])
        do {
            _ = try await client(transport).send(try request())
            Issue.record("followed a redirect to another origin")
        } catch let error as CalDAVError {
            #expect(error.code == .otherOrigin)
            #expect(String(describing: error).contains("https://other.example.net/alice/"))
        }
        let sent = transport.sent
        #expect(
            sent.map(\.url.absoluteString) == ["https://dav.example.com/alice/", "https://dav.example.com/dav/alice/"]
        )
        #expect(sent.allSatisfy { $0.headers.value(for: "Authorization") != nil })
    }

    /// Many generated redirects and hrefs: nothing is ever sent outside the origin, and a write is never
    /// redirected at all.
    @Test func noRequestEverLeavesTheOrigin() async throws {
        let locations = [
            "https://dav.example.com:8443/x/", "http://dav.example.com/x/", "https://evil.example/x/",
            "https://DAV.example.com/ok/", "/relative/", "//evil.example/x/", "https://dav.example.com.evil.example/",
        ]
        var refused = 0
        for location in locations {
            for method in [HTTPMethod.get, .propfind, .report, .put, .delete, .mkcalendar] {
                let transport = ScriptedTransport([
                    .respond(CalDAVResponse(status: 307, headers: [HeaderField("Location", location)])),
                    .respond(CalDAVResponse(status: 207)),
                ])
                var request = try request()
                request.method = method
                do {
                    _ = try await client(transport).send(request)
                } catch let error as CalDAVError {
                    #expect(error.code == .otherOrigin)
                    refused += 1
                }
                let sent = transport.sent
                #expect(
                    sent.allSatisfy { $0.url.host?.lowercased() == "dav.example.com" && ($0.url.port ?? 443) == 443 }
                )
                if !method.isRead { #expect(sent.count == 1, "\(method) was redirected") }
            }
            let href = try #require(URL(string: location, relativeTo: base)).absoluteURL
            let transport = ScriptedTransport([.respond(CalDAVResponse(status: 204))])
            let sameOrigin = href.host?.lowercased() == "dav.example.com" && href.scheme == "https" && href.port == nil
            do {
                _ = try await client(transport).put([], at: href, precondition: .create)
                #expect(sameOrigin)
            } catch let error as CalDAVError {
                #expect(!sameOrigin && error.code == .otherOrigin)
                #expect(transport.sent.isEmpty)
            }
        }
        #expect(refused > 20)
    }

    @Test func redirectLoopsEndInAnError() async throws {
        let transport = ScriptedTransport(
            Array(repeating: .respond(CalDAVResponse(status: 302, headers: [HeaderField("Location", "/a/")])), count: 3)
                + Array(
                    repeating: .respond(CalDAVResponse(status: 302, headers: [HeaderField("Location", "/b/")])),
                    count: 3
                )
        )
        do {
            _ = try await client(transport).send(try request())
            Issue.record("followed a redirect loop")
        } catch let error as CalDAVError {
            #expect(error.code == .redirectLoop)
        }
    }

    @Test func bearerTokensAreSentAsSuch() async throws {
        let transport = ScriptedTransport([.respond(CalDAVResponse(status: 207))])
        _ = try await client(transport, credentials: .bearer(token: "tok-123")).send(try request())
        #expect(transport.sent.first?.headers.value(for: "Authorization") == "Bearer tok-123")
    }

    @Test func credentialsNeverReachLogsOrDescriptions() async throws {
        let logs = InMemoryLogHandler()
        var logger = Logger(label: "caldav", factory: { _ in logs })
        logger.logLevel = .trace
        let transport = ScriptedTransport([
            .respond(CalDAVResponse(status: 503)),
            .respond(CalDAVResponse(status: 204)),
        ])
        let credentials = Credentials.basic(username: "alice", password: "hunter2")
        let url = try #require(base).appending(path: "e1.ics")
        _ = try await client(transport, credentials: credentials, logger: logger)
            .put([], at: url, precondition: .create)
        #expect(!logs.entries.isEmpty)
        let logged = logs.entries.map { "\($0.message) \($0.metadata)" }.joined(separator: "\n")
        let basic = try #require(transport.sent.first?.headers.value(for: "Authorization"))
        for secret in ["hunter2", basic, String(basic.dropFirst("Basic ".count))] {
            #expect(!logged.contains(secret))
            #expect(!"\(credentials)".contains(secret))
            var dumped = ""
            dump(credentials, to: &dumped)
            #expect(!dumped.contains(secret))
        }
    }
}

extension CalDAVRequests {
    /// A read-only REPORT to exercise the client with.
    static func etagsQuery(_ url: URL) -> CalDAVRequest {
        calendarQuery(calendar: url, timeRange: nil, includeData: false)
    }
}

/// `writableCalendar(at:)`: a calendar home is refused before any write, naming the calendars inside it.
@Suite struct WritableCalendarTests {
    static func body(_ xml: String) -> CalDAVResponse {
        CalDAVResponse(status: 207, headers: [HeaderField("Content-Type", "application/xml")], body: Array(xml.utf8))
    }

    static let home = """
        <?xml version="1.0"?><multistatus xmlns="DAV:"><response><href>/alice/</href><propstat><prop>\
        <resourcetype><collection/></resourcetype></prop><status>HTTP/1.1 200 OK</status></propstat></response>\
        </multistatus>
        """

    static let tasksOnly = """
        <?xml version="1.0"?><multistatus xmlns="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav"><response>\
        <href>/alice/tasks/</href><propstat><prop><resourcetype><collection/><C:calendar/></resourcetype>\
        <C:supported-calendar-component-set><C:comp name="VTODO"/></C:supported-calendar-component-set></prop>\
        <status>HTTP/1.1 200 OK</status></propstat></response></multistatus>
        """

    func client(_ transport: ScriptedTransport, base: String) throws -> CalDAVClient {
        CalDAVClient(
            baseURL: try #require(URL(string: base)),
            credentials: .none,
            transport: transport,
            logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }),
            clock: RecordingClock()
        )
    }

    @Test func aCalendarHomeIsRefusedAndItsCalendarsNamed() async throws {
        let listing = try String(
            contentsOf: RepositoryRoot.appending("fixtures/caldav/radicale/calendars.xml"),
            encoding: .utf8
        )
        let transport = ScriptedTransport([.respond(Self.body(Self.home)), .respond(Self.body(listing))])
        let url = try #require(URL(string: "http://127.0.0.1:5232/alice/"))
        do {
            _ = try await client(transport, base: "http://127.0.0.1:5232/alice/").writableCalendar(at: url)
            Issue.record("accepted a calendar home")
        } catch let error as CalDAVError {
            #expect(error.code == .notACalendar)
            let text = String(describing: error)
            #expect(text.contains("http://127.0.0.1:5232/alice/ is not a calendar collection; nothing was written"))
            #expect(text.contains("On call & more at http://127.0.0.1:5232/alice/oncall/"))
        }
        #expect(transport.sent.map(\.method) == [.propfind, .propfind])
    }

    @Test func aCalendarWithoutEventsIsRefusedAndAnEventCalendarAccepted() async throws {
        let tasks = ScriptedTransport([.respond(Self.body(Self.tasksOnly)), .respond(Self.body(Self.tasksOnly))])
        let url = try #require(URL(string: "http://127.0.0.1:5232/alice/tasks/"))
        await #expect(throws: CalDAVError.self) {
            _ = try await client(tasks, base: "http://127.0.0.1:5232/alice/").writableCalendar(at: url)
        }
        let events = ScriptedTransport([
            .respond(Self.body(Self.tasksOnly.replacingOccurrences(of: "VTODO", with: "VEVENT")))
        ])
        let calendar = try await client(events, base: "http://127.0.0.1:5232/alice/").writableCalendar(at: url)
        #expect(calendar.isCalendar)
        #expect(events.sent.count == 1)
    }
}
