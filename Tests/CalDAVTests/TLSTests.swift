import CalDAV
import Foundation
import Logging
import ServerTestSupport
import Testing

/// TLS against Radicale serving HTTPS with a self-signed certificate: refused by default, accepted only with the
/// explicit insecure option, and a refusal is never retried.
@Suite struct TLSTests {
    static func client(
        _ server: CalDAVServerProcess,
        _ transport: AsyncHTTPClientTransport,
        clock: RecordingClock
    )
        -> CalDAVClient
    {
        CalDAVClient(
            baseURL: server.rootURL,
            credentials: server.credentials,
            transport: transport,
            logger: Logger(label: "caldav-tests", factory: { _ in SwiftLogNoOpLogHandler() }),
            clock: clock
        )
    }

    @Test func anUntrustedCertificateIsRefusedAndNotRetried() async throws {
        try await CalDAVServerProcess.with(.radicale, tls: true) { server in
            // The transport turns off the pool's own connection retries, so the TLS error comes back at once (it used
            // to surface as a timeout now and then on a busy machine, and was then retried). The connect timeout leaves
            // the handshake room on a loaded machine: at 1 s a slow handshake timed out once and was rightly retried.
            let transport = AsyncHTTPClientTransport(
                configuration: TransportConfiguration(connectTimeout: .seconds(5))
            )
            let clock = RecordingClock()
            do {
                _ = try await Self.client(server, transport, clock: clock).calendars(home: server.expectedHome)
                Issue.record("trusted a self-signed certificate")
            } catch let error as CalDAVError {
                #expect(error.code == .tls)
                #expect(error.hint.contains("certificate"))
            }
            #expect(clock.sleeps.isEmpty)
            try await transport.shutdown()
        }
    }

    @Test func theInsecureOptionAcceptsIt() async throws {
        try await CalDAVServerProcess.with(.radicale, tls: true) { server in
            let transport = AsyncHTTPClientTransport(configuration: TransportConfiguration(tlsVerification: .insecure))
            let client = Self.client(server, transport, clock: RecordingClock())
            let calendar = server.calendarURL("secure")
            try await client.makeCalendar(at: calendar, displayName: "Over TLS")
            let found = try await client.discover()
            #expect(found.calendars.map(\.url) == [calendar])
            try await transport.shutdown()
        }
    }
}
