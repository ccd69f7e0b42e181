import CalDAV
import Foundation
import Logging
import ServerTestSupport
import Testing

/// A real CalDAV server (``ServerKind``), the fault proxy in front of it, and the bundled config in a temporary folder,
/// for running the built `rota push` and `rota diff` end to end.
///
/// ``with(_:latency:_:)`` starts both processes and stops them (and removes the folder) whether the test body passed,
/// failed or threw. `rota` talks to the proxy, so every request it makes is in the proxy's log; the test's own raw
/// HTTP goes straight to the server and is not.
struct PushFixture {
    let server: CalDAVServerProcess
    let proxy: FaultProxy
    let folder: URL
    /// The config `rota` reads: a copy of `fixtures/team.yaml` the test may change.
    let config: URL
    /// A client straight to the server, with the server's credentials (raw HTTP for the test's own edits).
    let client: CalDAVClient
    let transport: AsyncHTTPClientTransport

    /// The as-of date and a ledger that does not exist, so the plan depends on the config alone.
    static let common = ["--as-of", asOf, "--ledger", "/nonexistent/x.yaml"]

    /// The as-of date ``rota(_:asOf:environment:)`` runs on unless a test says otherwise.
    static let asOf = "2026-11-28"

    /// The display name `feeds.calendar_name` gives the bundled config's calendar.
    static let calendarName = "Data Engineering on call"

    static func with(
        _ kind: ServerKind,
        latency: Int = 0,
        _ body: (PushFixture) async throws -> Void
    ) async throws {
        try await CalDAVServerProcess.with(kind) { server in
            try await FaultProxy.with(upstream: server, latency: latency) { proxy in
                let folder = try RotaBinary.temporaryFolder("push")
                defer { try? FileManager.default.removeItem(at: folder) }
                let config = folder.appendingPathComponent("team.yaml")
                try FileManager.default.copyItem(
                    at: RotaBinary.repositoryRoot.appendingPathComponent("fixtures/team.yaml"),
                    to: config
                )
                let transport = AsyncHTTPClientTransport(
                    configuration: TransportConfiguration(connectTimeout: .seconds(5), readTimeout: .seconds(30))
                )
                let client = CalDAVClient(
                    baseURL: server.rootURL,
                    credentials: server.credentials,
                    transport: transport,
                    logger: Logger(label: "push-tests", factory: { _ in SwiftLogNoOpLogHandler() })
                )
                let fixture = PushFixture(
                    server: server,
                    proxy: proxy,
                    folder: folder,
                    config: config,
                    client: client,
                    transport: transport
                )
                do {
                    try await body(fixture)
                } catch {
                    try? await transport.shutdown()
                    Issue.record("server log:\n\(server.logText())\nproxy log:\n\(proxy.local.logText())")
                    throw error
                }
                try await transport.shutdown()
            }
        }
    }

    /// The child's environment: Basic credentials, except for Xandikos (``ServerKind/needsPassword``); never a netrc.
    var environment: [String: String] {
        var environment = ["NETRC": "/nonexistent/netrc", "ROTA_CALDAV_USERNAME": "", "ROTA_CALDAV_PASSWORD": ""]
        if server.kind.needsPassword {
            environment["ROTA_CALDAV_USERNAME"] = CalDAVServerProcess.username
            environment["ROTA_CALDAV_PASSWORD"] = CalDAVServerProcess.password
        }
        return environment
    }

    /// Runs `rota COMMAND ARGUMENTS --config CONFIG --as-of DATE --ledger ...` with the server's credentials.
    func rota(
        _ arguments: [String],
        asOf: String = Self.asOf,
        environment extra: [String: String] = [:]
    ) throws -> RotaBinary.Result {
        try RotaBinary.run(
            arguments + ["--config", config.path, "--as-of", asOf, "--ledger", "/nonexistent/x.yaml"],
            environment: environment.merging(extra) { $1 }
        )
    }

    /// Runs several `rota` commands at the same time; their results in the same order.
    func rotaAtOnce(_ runs: [[String]]) async throws -> [RotaBinary.Result] {
        try await withThrowingTaskGroup(of: (Int, RotaBinary.Result).self) { group in
            for (index, arguments) in runs.enumerated() {
                group.addTask {
                    try await withCheckedThrowingContinuation { continuation in
                        DispatchQueue.global().async {
                            continuation.resume(with: Result { (index, try rota(arguments)) })
                        }
                    }
                }
            }
            var results = [RotaBinary.Result?](repeating: nil, count: runs.count)
            for try await (index, result) in group { results[index] = result }
            return results.compactMap { $0 }
        }
    }

    /// The server root through the proxy, for `--server`.
    var proxyRoot: String { proxy.rootURL.absoluteString }

    /// Creates the calendar with `rota push --server ROOT --create` and returns its URL (through the proxy).
    func createAndPush() throws -> URL {
        let result = try rota(["push", "--server", proxyRoot, "--create"])
        #expect(result.status == 0, "\(result.standardError)")
        return try Self.calendarURL(result)
    }

    /// The calendar URL from the summary line `URL: N created, ...` that `rota push` ends with.
    static func calendarURL(_ result: RotaBinary.Result) throws -> URL {
        let summary = try #require(result.standardOutput.split(separator: "\n").last, "no summary line")
        let text = try #require(summary.range(of: ": ").map { String(summary[..<$0.lowerBound]) })
        return try #require(URL(string: text))
    }

    /// The same calendar on the server itself (bypassing the proxy).
    func direct(_ url: URL) throws -> URL {
        try #require(URL(string: url.path, relativeTo: server.rootURL)?.absoluteURL)
    }

    /// The proxy's log lines from now on: clears it first.
    func clearLog() async throws {
        try await proxy.clearLog(using: transport)
    }

    /// What the proxy forwarded since the last ``clearLog()``: `METHOD PATH -> OUTCOME` lines.
    ///
    /// `exceptLocked` leaves out the writes Xandikos answered 423 Locked (two writes met at its git store; the client
    /// retries them), to count the requests rota needed.
    func requests(exceptLocked: Bool = false) async throws -> [String] {
        let lines = try await proxy.log(using: transport)
        return exceptLocked ? lines.filter { !$0.hasSuffix("-> 423") } : lines
    }

    /// Every resource on the server's calendar (no time range), read straight from the server.
    func resources(_ calendar: URL) async throws -> [CalendarResource] {
        try await client.events(in: try direct(calendar), timeRange: nil)
    }

    /// How many resources hold each UID.
    func uidCounts(_ calendar: URL) async throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for resource in try await resources(calendar) {
            for uid in Self.uids(in: resource.calendarData ?? "") { counts[uid, default: 0] += 1 }
        }
        return counts
    }

    /// The UIDs of the VEVENTs in an iCalendar text (unfolded lines only; rota's UIDs are short).
    static func uids(in text: String) -> [String] {
        text.split(whereSeparator: \.isNewline).compactMap { line in
            line.hasPrefix("UID:") ? String(line.dropFirst(4)) : nil
        }
    }

    /// The resource holding `uid`, read straight from the server.
    func resource(uid: String, in calendar: URL) async throws -> CalendarResource {
        let all = try await resources(calendar)
        return try #require(all.first { Self.uids(in: $0.calendarData ?? "").contains(uid) }, "no event \(uid)")
    }

    /// GET one resource straight from the server: its bytes and ETag.
    func get(_ url: URL) async throws -> (body: [UInt8], etag: String?) {
        let response = try await client.send(CalDAVRequest(method: .get, url: url))
        #expect(response.status == 200, "GET \(url.path): \(response.status)")
        return (response.body, response.etag)
    }

    /// PUT raw iCalendar text straight to the server, with If-Match or If-None-Match: *; the status.
    func put(_ text: String, at url: URL, ifMatch etag: String?) async throws -> Int {
        let condition = etag.map { HeaderField("If-Match", $0) } ?? HeaderField("If-None-Match", "*")
        let request = CalDAVRequest(
            method: .put,
            url: url,
            headers: [HeaderField("Content-Type", "text/calendar; charset=utf-8"), condition],
            body: Array(text.utf8)
        )
        return try await client.send(request).status
    }

    /// Replaces `old` with `new` in the config copy; the text must be there.
    func editConfig(_ old: String, _ new: String) throws {
        let text = try String(contentsOf: config, encoding: .utf8)
        #expect(text.contains(old), "the config has no \(old)")
        try Data(text.replacingOccurrences(of: old, with: new).utf8).write(to: config)
    }

    /// A small event rota does not manage (no X-ROTA-TEAM, a foreign UID), inside the push window.
    static let foreignEvent = [
        "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//someone else//EN", "BEGIN:VEVENT",
        "UID:team-offsite-2027@example.org", "DTSTAMP:20261101T000000Z", "DTSTART:20270115T150000Z",
        "DTEND:20270115T170000Z", "SUMMARY:Team offsite", "END:VEVENT", "END:VCALENDAR", "",
    ].joined(separator: "\r\n")

    /// Puts ``foreignEvent`` on the calendar; its URL on the server.
    func putForeignEvent(in calendar: URL) async throws -> URL {
        let url = try direct(calendar).appending(path: "team-offsite.ics")
        #expect(try await put(Self.foreignEvent, at: url, ifMatch: nil) == 201)
        return url
    }
}

extension RotaBinary.Result {
    /// The output lines that start with `marker` and a space (`+`, `-`, `~`, `!`).
    func lines(_ marker: String) -> [String] {
        standardOutput.split(separator: "\n").map(String.init).filter { $0.hasPrefix(marker + " ") }
    }

    /// The count before `word` in the push summary (`3 created, 0 updated, ...`), or nil.
    func count(_ word: String) -> Int? {
        guard let summary = standardOutput.split(separator: "\n").last else { return nil }
        let words = summary.split(separator: " ")
        guard let index = words.firstIndex(where: { $0.hasPrefix(word) }), index > 0 else { return nil }
        return Int(words[index - 1])
    }
}
