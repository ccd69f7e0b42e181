import CalDAV
import Foundation
import Logging
import ServerTestSupport
import Testing

/// Failures injected by `fault_proxy.py` between the client and a real server: retries with backoff, Retry-After,
/// dropped connections, the retry bound, and why a retried conditional write is safe.
@Suite struct FaultInjectionTests {
    /// A server with a fresh calendar, a proxy in front of it, and a client talking to the proxy on a recording clock.
    static func withProxy(
        _ kind: ServerKind,
        _ body: (FaultProxy, CalDAVClient, URL, RecordingClock, AsyncHTTPClientTransport) async throws -> Void
    ) async throws {
        try await CalDAVServerProcess.with(kind) { server in
            try await FaultProxy.with(upstream: server) { proxy in
                let transport = AsyncHTTPClientTransport()
                let clock = RecordingClock()
                let client = CalDAVClient(
                    baseURL: proxy.rootURL,
                    credentials: server.credentials,
                    transport: transport,
                    logger: Logger(label: "caldav-tests", factory: { _ in SwiftLogNoOpLogHandler() }),
                    clock: clock
                )
                let path = server.calendarURL("oncall").path(percentEncoded: true)
                let calendar = proxy.rootURL.appending(path: String(path.dropFirst()))
                do {
                    try await client.makeCalendar(at: calendar, displayName: "On call")
                    try await body(proxy, client, calendar, clock, transport)
                } catch {
                    try? await transport.shutdown()
                    Issue.record("server log:\n\(server.logText())\nproxy log:\n\(proxy.local.logText())")
                    throw error
                }
                try await transport.shutdown()
            }
        }
    }

    @Test(arguments: ServerKind.virtualenvServers)
    func serverErrorsAndThrottlingAreRetriedWithBackoff(_ kind: ServerKind) async throws {
        try await Self.withProxy(kind) { proxy, client, calendar, clock, transport in
            try await proxy.inject(["503", "retry-after:3", "500"], using: transport)
            let url = calendar.appending(path: "e1.ics")
            let result = try await client.put(
                ServerContractTests.event("e1@rota.test", start: "20261201"),
                at: url,
                precondition: .create
            )
            guard case .success(let etag?) = result else {
                Issue.record("create through the faults gave \(result)")
                return
            }
            // 503 carried Retry-After: 0; 429 asked for 3 s; the 500 had none, so the third backoff step (2 s).
            #expect(clock.sleeps == [.zero, .seconds(3), .seconds(2)])
            let log = try await proxy.log(using: transport)
            #expect(
                log.suffix(4).map { $0.components(separatedBy: " -> ").last ?? "" } == [
                    "503", "retry-after:3", "500", "201",
                ]
            )
            #expect(try await client.multiget(in: calendar, resources: [url]).first?.etag == etag)
        }
    }

    @Test(arguments: ServerKind.virtualenvServers)
    func aDroppedConnectionIsRetried(_ kind: ServerKind) async throws {
        try await Self.withProxy(kind) { proxy, client, calendar, clock, transport in
            try await proxy.inject(["drop"], using: transport)
            let listing = try await client.etags(in: calendar)
            #expect(listing.isEmpty)
            #expect(clock.sleeps == [.milliseconds(500)])
            let log = try await proxy.log(using: transport)
            #expect(log.suffix(2).map { $0.components(separatedBy: " -> ").last ?? "" } == ["drop", "207"])
        }
    }

    @Test(arguments: ServerKind.virtualenvServers)
    func aCreateWhoseAnswerWasLostEndsInPreconditionFailedNotADuplicate(_ kind: ServerKind) async throws {
        try await Self.withProxy(kind) { proxy, client, calendar, _, transport in
            try await proxy.inject(["drop-after-forward"], using: transport)
            let url = calendar.appending(path: "e1.ics")
            let result = try await client.put(
                ServerContractTests.event("e1@rota.test", start: "20261201"),
                at: url,
                precondition: .create
            )
            // The first PUT created the event but its answer was lost; the retry's If-None-Match: * then fails.
            // The caller re-reads and finds its own event: one copy, never two, never an overwrite.
            #expect(result == .preconditionFailed)
            let listed = try await client.etags(in: calendar)
            #expect(listed.map(\.url) == [url])
        }
    }

    @Test(arguments: ServerKind.virtualenvServers)
    func theRetryBoundHolds(_ kind: ServerKind) async throws {
        try await Self.withProxy(kind) { proxy, client, calendar, clock, transport in
            try await proxy.inject(Array(repeating: "500", count: 6), using: transport)
            do {
                _ = try await client.etags(in: calendar)
                Issue.record("listed through six 500s")
            } catch let error as CalDAVError {
                #expect(error.status == 500)
                #expect(error.code == .httpStatus)
            }
            #expect(clock.sleeps == [.milliseconds(500), .seconds(1), .seconds(2)])
            let log = try await proxy.log(using: transport)
            #expect(log.filter { $0.hasSuffix("-> 500") }.count == RetryPolicy.standard.maxAttempts)
        }
    }
}
