import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Documents read from http:// URLs: a holiday calendar named in the config, and a feed for `rota diff`.
@Suite struct HTTPSourceTests {
    /// A port the kernel reports free on 127.0.0.1.
    static func freePort() throws -> Int {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(descriptor, pointer, length) == 0 && getsockname(descriptor, pointer, &length) == 0
            }
        }
        try #require(bound, "cannot bind a socket on 127.0.0.1")
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// Python's static file server over `folder` on 127.0.0.1, stopped when `body` returns.
    static func withFileServer<T>(_ folder: URL, _ body: (Int) throws -> T) throws -> T {
        let port = try freePort()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", "-m", "http.server", "--bind", "127.0.0.1", "--directory", folder.path, "\(port)",
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer {
            // SIGKILL: the test runner blocks SIGTERM in its threads and a child inherits the mask.
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        var up = false
        for _ in 0..<100 where !up {
            up = (try? RawHTTP.send("HEAD /", port: port)) != nil
            if !up { usleep(100_000) }
        }
        // A server that never came up must fail the test, not let it test a refused connection.
        try #require(up, "python3 -m http.server did not start on port \(port) within 10 s")
        return try body(port)
    }

    @Test func aHolidayCalendarFromAURLJoinsThePlanAndAMissingOneIsAnError() throws {
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
        try Self.withFileServer(site) { port in
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
}
