import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Starts the built `rota serve` on a free port and talks HTTP/1.1 to it over a plain socket.
@Suite struct ServeCommandTests {
    static let token = "s3cr3t-t0k3n-42"

    @Test func servesFeedsConditionallyPicksUpEditsAndStopsOnSIGTERM() throws {
        let folder = try RotaBinary.temporaryFolder("serve")
        defer { try? FileManager.default.removeItem(at: folder) }
        let original = try RotaBinary.bundledConfigText()
        let config = folder.appendingPathComponent("team.yaml")
        try Data(original.utf8).write(to: config)
        let secrets = folder.appendingPathComponent("secrets")
        try Data("# feed: token\nengineer-kim: \(Self.token)\n".utf8).write(to: secrets)

        let server = try ServerProcess.start([
            "serve", "--port", "0", "--as-of", "2026-11-28", "--ledger", "/nonexistent/x.yaml",
            "--config", config.path, "--secrets", secrets.path,
        ])
        defer { server.stop() }
        let port = try #require(server.port, "no `serving http://127.0.0.1:PORT/` line: \(server.standardError)")

        let get = try RawHTTP.send("GET /feeds/team.ics", port: port)
        #expect(get.status == 200)
        #expect(get.headers["content-type"] == "text/calendar; charset=utf-8")
        #expect(get.body.hasPrefix("BEGIN:VCALENDAR\r\n"))
        let etag = try #require(get.headers["etag"])
        let lastModified = try #require(get.headers["last-modified"])
        #expect(etag.hasPrefix("\"") && lastModified.hasSuffix(" GMT"))

        let head = try RawHTTP.send("HEAD /feeds/team.ics", port: port)
        #expect(head.status == 200 && head.body.isEmpty)
        #expect(head.headers["etag"] == etag && head.headers["content-length"] == get.headers["content-length"])

        #expect(try RawHTTP.send("GET /feeds/team.ics", port: port, headers: ["If-None-Match: \(etag)"]).status == 304)
        let since = try RawHTTP.send("GET /feeds/team.ics", port: port, headers: ["If-Modified-Since: \(lastModified)"])
        #expect(since.status == 304 && since.body.isEmpty)

        // The secret feed: only under its token, and the 404s are all alike.
        let missing = try RawHTTP.send("GET /feeds/no-such.ics", port: port)
        #expect(missing.status == 404)
        let bare = try RawHTTP.send("GET /feeds/engineer-kim.ics", port: port)
        let wrong = try RawHTTP.send("GET /feeds/wrong/engineer-kim.ics", port: port)
        #expect(bare.status == 404 && bare.body == missing.body && wrong.body == missing.body)
        #expect(try RawHTTP.send("GET /feeds/\(Self.token)/engineer-kim.ics", port: port).status == 200)

        let index = try RawHTTP.send("GET /", port: port)
        #expect(index.status == 200 && index.headers["content-type"] == "text/html; charset=utf-8")
        #expect(index.body.contains("webcal://127.0.0.1:\(port)/feeds/team.ics"))
        #expect(!index.body.contains("engineer-kim.ics"))
        #expect(index.body.contains("<th scope=\"row\">2026-11-30</th>"))
        #expect(index.body.contains("<h2>Fairness, 2026-11-28 to 2027-11-27</h2>"))
        #expect(index.body.contains("<a href=\"/runbooks/\">Runbooks</a>"))

        // The runbooks, as rota runbooks renders them.
        let runbooks = try RawHTTP.send("GET /runbooks/", port: port)
        #expect(runbooks.status == 200 && runbooks.headers["content-type"] == "text/html; charset=utf-8")
        #expect(runbooks.body.contains("<a href=\"aggregate-profit.html\">Aggregate profit</a>"))
        let profit = try RawHTTP.send("GET /runbooks/aggregate-profit.html", port: port)
        #expect(profit.status == 200 && profit.body.contains("<h1>Runbook: Aggregate profit</h1>"))
        let profitMarkdown = try RawHTTP.send("GET /runbooks/aggregate-profit.md", port: port)
        #expect(profitMarkdown.headers["content-type"] == "text/markdown; charset=utf-8")
        #expect(profitMarkdown.body.hasPrefix("# Runbook: Aggregate profit\n"))
        #expect(try RawHTTP.send("GET /runbooks/daily-growth.html", port: port).status == 404)

        // An override in the config changes the feed without a restart.
        let edited = original.replacingOccurrences(
            of: "overrides: []",
            with: "overrides:\n  - { engineer: kim, shift: 2027-01-11 }"
        )
        try Data(edited.utf8).write(to: config, options: .atomic)
        let after = try RawHTTP.send("GET /feeds/team.ics", port: port, headers: ["If-None-Match: \(etag)"])
        #expect(after.status == 200)
        #expect(after.headers["etag"] != etag)
        #expect(after.body.contains("SEQUENCE:1\r\n"))

        let status = try #require(server.terminate(), "rota serve did not exit after SIGTERM")
        #expect(status == 0)
        let log = server.standardError
        #expect(log.hasPrefix("serving http://127.0.0.1:\(port)/\n"))
        #expect(log.contains("GET /feeds/***/engineer-kim.ics 200"))
        #expect(!log.contains(Self.token))
        #expect(!log.contains("/wrong/"))
    }

    @Test func keepsServingThePreviousFeedsWhileTheConfigIsBrokenAndStopsOnSIGINT() throws {
        let folder = try RotaBinary.temporaryFolder("serve-broken")
        defer { try? FileManager.default.removeItem(at: folder) }
        let original = try RotaBinary.bundledConfigText()
        let config = folder.appendingPathComponent("team.yaml")
        try Data(original.utf8).write(to: config)
        let server = try ServerProcess.start([
            "serve", "--port", "0", "--as-of", "2026-11-28", "--ledger", "/nonexistent/x.yaml",
            "--config", config.path,
        ])
        defer { server.stop() }
        let port = try #require(server.port, "no `serving http://127.0.0.1:PORT/` line: \(server.standardError)")
        let before = try RawHTTP.send("GET /feeds/team.ics", port: port)
        #expect(before.status == 200)

        // Half-way through an edit: a reference to an engineer who does not exist.
        let broken = original.replacingOccurrences(
            of: "overrides: []",
            with: "overrides:\n  - { engineer: nobody, shift: 2027-01-11 }"
        )
        try Data(broken.utf8).write(to: config, options: .atomic)
        let during = try RawHTTP.send("GET /feeds/team.ics", port: port)
        #expect(during.status == 200)
        #expect(during.headers["etag"] == before.headers["etag"])
        #expect(during.body == before.body)
        // The log arrives through a pipe: wait for it rather than reading it once.
        #expect(server.waitForStandardError(containing: "still serving the previous feeds"))
        #expect(server.standardError.contains("nobody"))

        kill(server.processIdentifier, SIGINT)
        let status = try #require(server.waitForExit(), "rota serve did not exit after SIGINT")
        #expect(status == 0)
    }

    @Test func quietLogsNoRequestsOnlyTheAddressAndProblems() throws {
        let folder = try RotaBinary.temporaryFolder("serve-quiet")
        defer { try? FileManager.default.removeItem(at: folder) }
        let original = try RotaBinary.bundledConfigText()
        let config = folder.appendingPathComponent("team.yaml")
        try Data(original.utf8).write(to: config)
        let server = try ServerProcess.start([
            "serve", "-q", "--port", "0", "--as-of", "2026-11-28", "--ledger", "/nonexistent/x.yaml",
            "--config", config.path,
        ])
        defer { server.stop() }
        let port = try #require(server.port, "no `serving http://127.0.0.1:PORT/` line: \(server.standardError)")
        #expect(try RawHTTP.send("GET /feeds/team.ics", port: port).status == 200)
        #expect(try RawHTTP.send("GET /feeds/no-such.ics", port: port).status == 404)
        #expect(try RawHTTP.send("GET /", port: port).status == 200)

        // A problem still reaches standard error.
        let broken = original.replacingOccurrences(
            of: "overrides: []",
            with: "overrides:\n  - { engineer: nobody, shift: 2027-01-11 }"
        )
        try Data(broken.utf8).write(to: config, options: .atomic)
        #expect(try RawHTTP.send("GET /feeds/team.ics", port: port).status == 200)
        #expect(server.waitForStandardError(containing: "still serving the previous feeds"))

        #expect(server.terminate() == 0)
        let log = server.standardError
        #expect(log.hasPrefix("serving http://127.0.0.1:\(port)/\n"))
        #expect(!log.contains("GET /"), "a request was logged under -q:\n\(log)")
        #expect(!log.contains("rebuilt the feeds"))
        #expect(log.contains("nobody"))
    }

    @Test func numbersRevisionsFromAnExportFolderGivenWithState() throws {
        let folder = try RotaBinary.temporaryFolder("serve-state")
        defer { try? FileManager.default.removeItem(at: folder) }
        let original = try RotaBinary.bundledConfigText()
        let config = folder.appendingPathComponent("team.yaml")
        let feeds = folder.appendingPathComponent("feeds")
        let common = ["--as-of", "2026-11-28", "--ledger", "/nonexistent/x.yaml", "--config", config.path]
        try Data(original.utf8).write(to: config)
        #expect(try RotaBinary.run(["export", "--out", feeds.path] + common).status == 0)
        let edited = original.replacingOccurrences(
            of: "overrides: []",
            with: "overrides:\n  - { engineer: kim, shift: 2027-01-11 }"
        )
        try Data(edited.utf8).write(to: config)
        #expect(try RotaBinary.run(["export", "--out", feeds.path] + common).status == 0)

        let shift = "UID:shift-20270111@oncall.example.com\r\n"
        for (arguments, sequence) in [([String](), "SEQUENCE:0"), (["--state", feeds.path], "SEQUENCE:1")] {
            let server = try ServerProcess.start(["serve", "--port", "0"] + arguments + common)
            defer { server.stop() }
            let port = try #require(server.port, "no `serving` line: \(server.standardError)")
            let team = try RawHTTP.send("GET /feeds/team.ics", port: port).body
            let event = try #require(team.components(separatedBy: "BEGIN:VEVENT").first { $0.contains(shift) })
            #expect(event.contains(sequence + "\r\n"), "\(arguments)")
            #expect(server.terminate() == 0)
        }
    }

    @Test func aBrokenConfigStopsItBeforeListening() throws {
        let result = try RotaBinary.run(["serve", "--port", "0", "--config", "/nonexistent/team.yaml"])
        #expect(result.status == 2)
        #expect(result.standardError.contains("cannot read config"))
        #expect(!result.standardError.contains("serving"))
    }
}

/// A `rota serve` child process whose stderr is collected as it arrives.
final class ServerProcess: @unchecked Sendable {
    // @unchecked Sendable: `collected` is only touched while holding `lock`.
    private let process = Process()
    private let lock = NSLock()
    private var collected = Data()

    static func start(_ arguments: [String]) throws -> ServerProcess {
        let server = ServerProcess()
        let binary = try #require(RotaBinary.executable, "the rota binary was not built next to the tests")
        server.process.executableURL = binary
        server.process.arguments = arguments
        server.process.currentDirectoryURL = RotaBinary.repositoryRoot
        let pipe = Pipe()
        server.process.standardError = pipe
        server.process.standardOutput = FileHandle.nullDevice
        pipe.fileHandleForReading.readabilityHandler = { handle in
            let data = handle.availableData
            server.lock.withLock { server.collected.append(data) }
        }
        try server.process.run()
        return server
    }

    var standardError: String { lock.withLock { String(decoding: collected, as: UTF8.self) } }

    /// The port from the first stderr line, polling up to 30 s (a debug build starts slowly).
    var port: Int? {
        for _ in 0..<300 {
            let text = standardError
            if let line = text.split(separator: "\n").first, text.contains("\n"),
                line.hasPrefix("serving http://127.0.0.1:")
            {
                return Int(line.dropFirst("serving http://127.0.0.1:".count).dropLast())
            }
            if !process.isRunning { return nil }
            usleep(100_000)
        }
        return nil
    }

    /// Sends SIGTERM and waits up to 5 s; the exit status, or nil if it is still running.
    func terminate() -> Int32? {
        process.terminate()
        for _ in 0..<50 where process.isRunning { usleep(100_000) }
        return process.isRunning ? nil : process.terminationStatus
    }

    var processIdentifier: Int32 { process.processIdentifier }

    /// Whether stderr shows `text` within 10 s.
    func waitForStandardError(containing text: String) -> Bool {
        for _ in 0..<100 {
            if standardError.contains(text) { return true }
            usleep(100_000)
        }
        return standardError.contains(text)
    }

    /// Waits up to 5 s for the process to exit by itself; the exit status, or nil if it is still running.
    func waitForExit() -> Int32? {
        for _ in 0..<50 where process.isRunning { usleep(100_000) }
        return process.isRunning ? nil : process.terminationStatus
    }

    func stop() {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }
}

/// HTTP/1.1 over a plain socket with `Connection: close`: exact bytes, no client caching or redirects.
enum RawHTTP {
    struct Reply {
        let status: Int
        let headers: [String: String]
        let body: String
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    static func send(_ requestLine: String, port: Int, headers: [String] = []) throws -> Reply {
        #if canImport(Glibc)
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let descriptor = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard descriptor >= 0 else { throw Failure(description: "socket() failed") }
        defer { close(descriptor) }
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else { throw Failure(description: "connect() to port \(port) failed") }
        let request =
            ([requestLine + " HTTP/1.1", "Host: 127.0.0.1:\(port)", "Connection: close"] + headers)
            .joined(separator: "\r\n") + "\r\n\r\n"
        let bytes = Array(request.utf8)
        guard write(descriptor, bytes, bytes.count) == bytes.count else { throw Failure(description: "write failed") }
        var response: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = read(descriptor, &buffer, buffer.count)
            if count <= 0 { break }
            response += buffer[0..<count]
        }
        let text = String(decoding: response, as: UTF8.self)
        guard let split = text.range(of: "\r\n\r\n") else { throw Failure(description: "no response head: \(text)") }
        let lines = text[..<split.lowerBound].components(separatedBy: "\r\n")
        let statusParts = (lines.first ?? "").split(separator: " ")
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else {
            throw Failure(description: "bad status line: \(lines.first ?? "")")
        }
        var fields: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            fields[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return Reply(status: status, headers: fields, body: String(text[split.upperBound...]))
    }
}
