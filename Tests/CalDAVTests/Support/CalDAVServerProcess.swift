import CalDAV
import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// A Radicale or Xandikos process on 127.0.0.1 and a port the test picked, with its data in a temporary folder.
///
/// ``with(_:_:)`` starts it, waits until it accepts connections, runs the test body and stops it (SIGTERM, then
/// SIGKILL) whether the body passed, failed or threw. Without `.venv` the test fails, saying to run `make venv`.
struct CalDAVServerProcess {
    let kind: ServerKind
    let port: Int
    let process: Process
    let directory: URL
    let logFile: URL
    /// The server root, `http://127.0.0.1:PORT/`.
    let rootURL: URL

    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static let username = "alice"
    static let password = "s3cret-Pa55word"

    /// What the client authenticates with: Basic for Radicale; nothing for Xandikos, whose htpasswd auth works only
    /// over TLS (see NOTES.md), so it runs without authentication here.
    var credentials: Credentials {
        kind == .radicale ? .basic(username: Self.username, password: Self.password) : .none
    }

    /// Where discovery must end: the principal and calendar home each server uses.
    var expectedPrincipal: URL {
        kind == .radicale ? rootURL.appending(path: "\(Self.username)/") : rootURL.appending(path: "user/")
    }

    var expectedHome: URL {
        kind == .radicale ? expectedPrincipal : rootURL.appending(path: "user/calendars/")
    }

    /// A URL for a new calendar: directly under the principal for Radicale, under the home for Xandikos.
    func calendarURL(_ name: String) -> URL {
        expectedHome.appending(path: "\(name)/")
    }

    /// Starts a server, runs `body`, and stops the server even when `body` throws.
    static func with<T>(_ kind: ServerKind, _ body: (CalDAVServerProcess) async throws -> T) async throws -> T {
        let server = try start(kind)
        defer { server.stop() }
        try await server.waitUntilListening()
        return try await body(server)
    }

    private static func venvExecutable(_ name: String) throws -> URL {
        let url = repositoryRoot.appending(path: ".venv/bin/\(name)")
        guard FileManager.default.isExecutableFile(atPath: url.path) else {
            Issue.record(
                "\(url.path) is missing: the CalDAV integration tests need Radicale and Xandikos; run `make venv`"
            )
            throw ServerError.missingVirtualenv
        }
        return url
    }

    enum ServerError: Error {
        case missingVirtualenv
        case exitedEarly(String)
        case neverListened(String)
    }

    private static func start(_ kind: ServerKind) throws -> CalDAVServerProcess {
        let executable = try venvExecutable(kind.rawValue)
        let directory = FileManager.default.temporaryDirectory.appending(
            path: "rota-caldav-\(kind)-\(UUID().uuidString)"
        )
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let port = try freePort()
        let rootURL = try #require(URL(string: "http://127.0.0.1:\(port)/"))
        let process = Process()
        // The server runs under the virtualenv's Python through a two-line launcher that unblocks SIGTERM and SIGINT
        // before exec: the test runner's threads block them, a spawned child inherits that mask, and the server would
        // then ignore the polite stop and wait for SIGKILL.
        process.executableURL = try venvExecutable("python")
        let launcher =
            "import os, signal, sys; signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT}); os.execv(sys.argv[1], sys.argv[1:])"
        switch kind {
        case .radicale:
            let users = directory.appending(path: "users")
            try Data("\(username):\(password)\n".utf8).write(to: users)
            let config = directory.appending(path: "config")
            let text = """
                [server]
                hosts = 127.0.0.1:\(port)
                delay_on_error = 0

                [auth]
                type = htpasswd
                htpasswd_filename = \(users.path)
                htpasswd_encryption = plain
                delay = 0

                [storage]
                filesystem_folder = \(directory.appending(path: "collections").path)

                [logging]
                level = warning

                """
            try Data(text.utf8).write(to: config)
            process.arguments = ["-c", launcher, executable.path, "--config", config.path]
        case .xandikos:
            process.arguments = [
                "-c", launcher, executable.path, "--defaults", "--autocreate", "-d",
                directory.appending(path: "data").path,
                "-l", "127.0.0.1", "-p", "\(port)",
            ]
        }
        let logFile = directory.appending(path: "server.log")
        FileManager.default.createFile(atPath: logFile.path, contents: nil)
        let log = try FileHandle(forWritingTo: logFile)
        process.standardOutput = log
        process.standardError = log
        process.standardInput = FileHandle.nullDevice
        try process.run()
        try log.close()
        return CalDAVServerProcess(
            kind: kind,
            port: port,
            process: process,
            directory: directory,
            logFile: logFile,
            rootURL: rootURL
        )
    }

    /// Polls until the port accepts a TCP connection: a readiness check, not a timing assumption.
    private func waitUntilListening() async throws {
        for _ in 0..<400 {
            guard process.isRunning else {
                throw ServerError.exitedEarly("\(kind) exited at start-up:\n\(logText())")
            }
            if Self.accepts(port: port) { return }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw ServerError.neverListened("\(kind) did not listen on 127.0.0.1:\(port) within 20 s:\n\(logText())")
    }

    func logText() -> String {
        (try? String(contentsOf: logFile, encoding: .utf8)) ?? ""
    }

    /// SIGTERM, up to 5 s to exit, then SIGKILL; then the data folder goes.
    func stop() {
        if process.isRunning {
            process.terminate()
            for _ in 0..<100 where process.isRunning {
                usleep(50_000)
            }
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
            }
        }
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: directory)
    }

    private static func loopback(port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr = in_addr(s_addr: inet_addr("127.0.0.1"))
        return address
    }

    /// A port the kernel reports free on 127.0.0.1 (bind to port 0, read it back, close).
    static func freePort() throws -> Int {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw ServerError.neverListened("socket() failed") }
        defer { close(descriptor) }
        var address = loopback(port: 0)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0 else { throw ServerError.neverListened("bind() failed") }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    private static func accepts(port: Int) -> Bool {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var address = loopback(port: port)
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        return result == 0
    }
}
