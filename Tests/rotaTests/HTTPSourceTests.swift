import Foundation
import ServerTestSupport
import Testing

/// Documents read from http:// URLs: a holiday calendar named in the config, and a feed for `rota diff`.
@Suite struct HTTPSourceTests {
    /// Python's static file server over `folder` on 127.0.0.1, stopped when `body` returns.
    ///
    /// Started like every test server (`LocalProcess`): on a free port, tried again on another when one was taken
    /// between the choice and the bind, and waited for until it listens; one that never does fails the test.
    static func withFileServer<T>(_ folder: URL, _ body: (Int) throws -> T) async throws -> T {
        let server = try await LocalProcess.startListening { port in
            try LocalProcess.launch(
                try LocalProcess.venvExecutable("python"),
                arguments: ["-m", "http.server", "--bind", "127.0.0.1", "--directory", folder.path, "\(port)"],
                port: port,
                directory: try LocalProcess.temporaryDirectory("file-server")
            )
        }
        defer { server.stop() }
        return try body(server.port)
    }

    @Test func aHolidayCalendarFromAURLJoinsThePlanAndAMissingOneIsAnError() async throws {
        let folder = try RotaBinary.temporaryFolder("http-holidays")
        defer { try? FileManager.default.removeItem(at: folder) }
        let site = folder.appendingPathComponent("site")
        try FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: RotaBinary.repositoryRoot.appendingPathComponent("fixtures/ics/holidays/google-us-holidays.ics"),
            to: site.appendingPathComponent("us.ics")
        )
        let original = try String(
            contentsOf: RotaBinary.repositoryRoot.appendingPathComponent("fixtures/valid/calendar-holidays.yaml"),
            encoding: .utf8
        )
        try await Self.withFileServer(site) { port in
            let config = folder.appendingPathComponent("team.yaml")
            let url = "http://127.0.0.1:\(port)/us.ics"
            try Data(original.replacingOccurrences(of: "../ics/holidays/google-us-holidays.ics", with: url).utf8)
                .write(to: config)
            let result = try RotaBinary.run(["holidays", "--year", "2026", "--config", config.path])
            #expect(result.status == 0, "\(result.standardError)")
            #expect(result.standardOutput.contains("major  thanksgiving-day"))

            try Data(original.replacingOccurrences(of: "../ics/holidays/google-us-holidays.ics", with: url + "x").utf8)
                .write(to: config)
            let missing = try RotaBinary.run(["check", "--config", config.path])
            #expect(missing.status == 2)
            #expect(missing.standardError.contains("cannot read holiday calendar \(url)x: HTTP status 404"))
        }
    }

    @Test func diffReadsAFeedFromRotaServe() throws {
        let common = ["--as-of", "2026-11-28", "--ledger", "/nonexistent/x.yaml"]
        let server = try ServerProcess.start(["serve", "--port", "0"] + common)
        defer { server.stop() }
        let port = try #require(server.port, "no `serving` line: \(server.standardError)")
        let same = try RotaBinary.run(["diff", "--ics", "http://127.0.0.1:\(port)/feeds/team.ics"] + common)
        #expect(same.status == 0, "\(same.standardError)")
        #expect(same.standardOutput.contains("in sync with the plan"))
        let missing = try RotaBinary.run(["diff", "--ics", "http://127.0.0.1:\(port)/feeds/nothing.ics"] + common)
        #expect(missing.status == 2)
        #expect(missing.standardError.contains("HTTP status 404"))
        #expect(server.terminate() == 0)
    }

    /// `fixtures/valid/calendar-holidays.yaml` with its holiday calendar at `url`, written into a new folder.
    static func configWithHolidayCalendar(at url: String) throws -> URL {
        let folder = try RotaBinary.temporaryFolder("http-limit")
        let original = try String(
            contentsOf: RotaBinary.repositoryRoot.appendingPathComponent("fixtures/valid/calendar-holidays.yaml"),
            encoding: .utf8
        )
        let config = folder.appendingPathComponent("team.yaml")
        try Data(original.replacingOccurrences(of: "../ics/holidays/google-us-holidays.ics", with: url).utf8)
            .write(to: config)
        return config
    }

    @Test func aBodyLargerThanTheLimitIsAbandonedWhileItStreamsIn() async throws {
        try await HostileServer.with(mode: "large-body") { server in
            let config = try Self.configWithHolidayCalendar(at: server.rootURL.absoluteString + "us.ics")
            defer { try? FileManager.default.removeItem(at: config.deletingLastPathComponent()) }
            let result = try RotaBinary.run(["check", "--config", config.path])
            #expect(result.status == 2)
            #expect(result.standardError.contains("larger than 8 MiB, the most rota reads; the download was stopped"))
            // The server logs how much of its 64 MiB it got out before rota hung up; a client that read the whole
            // body before checking its size would have taken all of it.
            var sent: [String] = []
            for _ in 0..<100 where sent.isEmpty {
                sent = server.local.logText().split(separator: "\n").map(String.init).filter { $0.hasPrefix("sent ") }
                if sent.isEmpty { try await Task.sleep(for: .milliseconds(100)) }
            }
            let line = try #require(sent.first, "the server never finished its answer: \(server.local.logText())")
            let bytes = try #require(Int(line.split(separator: " ")[1]))
            #expect(bytes < 64 << 20, "\(line)")
        }
    }

    @Test func aContentLengthOverTheLimitIsRefusedBeforeTheBody() async throws {
        // The server sends the head and then nothing: only a client that decides from Content-Length ends with
        // "larger than"; one that waited for the body would end with a timeout.
        try await HostileServer.with(mode: "large-length") { server in
            let config = try Self.configWithHolidayCalendar(at: server.rootURL.absoluteString + "us.ics")
            defer { try? FileManager.default.removeItem(at: config.deletingLastPathComponent()) }
            let result = try RotaBinary.run(["check", "--config", config.path])
            #expect(result.status == 2)
            #expect(result.standardError.contains("larger than 8 MiB, the most rota reads; the download was stopped"))
            #expect(!result.standardError.contains("timed out"))
        }
    }
}
