import CalDAV
import Foundation
import Logging
import ServerTestSupport
import Testing

/// Resource names with characters servers escape differently, against the real servers.
///
/// The URLs the client reads back must equal the URLs it wrote to, or a reconcile keyed by URL would see every event
/// as both missing and unknown. Radicale sends `@` as
/// `%40` and `+` as `%2B`, Xandikos `+` as `%2B`; `Multistatus.canonicalURL` evens that out.
@Suite struct ResourceNameTests {
    static let names = ["oncall-20261130@rota.example.ics", "a b.ics", "caf\u{e9}+1.ics"]

    @Test(arguments: ServerKind.virtualenvServers)
    func urlsRoundTrip(_ kind: ServerKind) async throws {
        try await ServerContractTests.withCalendar(kind) { _, client, calendar in
            var written: [URL] = []
            for (index, name) in Self.names.enumerated() {
                let url = calendar.appending(path: name)
                let result = try await client.put(
                    ServerContractTests.event("n\(index)@rota.test", start: "2026120\(index + 1)"),
                    at: url,
                    precondition: .create
                )
                #expect(result != .preconditionFailed)
                written.append(url)
            }
            let sorted = written.sorted { $0.absoluteString < $1.absoluteString }
            #expect(try await client.etags(in: calendar).map(\.url) == sorted)
            #expect(try await client.changes(in: calendar, since: nil).changed.map(\.url) == sorted)
            #expect(try await client.multiget(in: calendar, resources: written).map(\.url) == sorted)
            #expect(try await client.events(in: calendar, timeRange: nil).map(\.url) == sorted)
        }
    }
}

/// The canonical form itself, without a server.
@Suite struct CanonicalURLTests {
    @Test func serverEscapesBecomeTheClientsOwn() throws {
        let calendar = try #require(URL(string: "http://127.0.0.1:5232/alice/oncall/"))
        for name in ResourceNameTests.names {
            let written = calendar.appending(path: name)
            for href in [
                "/alice/oncall/oncall-20261130%40rota.example.ics", "/alice/oncall/a%20b.ics",
                "/alice/oncall/caf%C3%A9%2B1.ics", "/alice/oncall/caf%c3%a9+1.ics", "/alice/oncall/a b.ics",
            ] where href.removingPercentEncoding == written.path(percentEncoded: false) {
                #expect(Multistatus.resolve(href: href, against: calendar) == written, "\(href)")
            }
        }
        let slash = try #require(Multistatus.resolve(href: "/alice/oncall/a%2Fb.ics", against: calendar))
        #expect(slash.path(percentEncoded: true) == "/alice/oncall/a%2Fb.ics")
    }
}
