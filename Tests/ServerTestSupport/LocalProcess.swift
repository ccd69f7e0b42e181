package import Foundation
import RotaTestSupport

#if canImport(Glibc)
import Glibc
#endif

/// A program run for one test on 127.0.0.1 and a port the test picked (under the `.venv` python): a CalDAV server or
/// the fault proxy.
///
/// ``launch(_:arguments:port:directory:)`` starts it; ``waitUntilListening()`` polls until the port accepts a
/// connection; ``stop()`` sends SIGTERM, then SIGKILL after 5 s, and removes the temporary folder.
package struct LocalProcess {
    package let name: String
    package let port: Int
    package let process: Process
    package let directory: URL
    package let logFile: URL
    /// A line the process prints to its log once it is ready, when listening alone does not mean ready (Cyrus and
    /// DAViCal listen before the user's calendars exist); nil: listening is ready.
    package var readyLine: String? = nil

    /// Why a process could not be used; the description is the whole message a failing test shows.
    package enum Failure: Error, CustomStringConvertible {
        case missingVirtualenv(String)
        case exitedEarly(String)
        case neverListened(String)
        case harness(String)

        package var description: String {
            switch self {
            case let .missingVirtualenv(message), let .exitedEarly(message), let .neverListened(message),
                let .harness(message):
                message
            }
        }
    }

    /// The message a missing virtualenv gives, or nil when `.venv/bin/NAME` is there (under the repository root unless
    /// `root` names another folder).
    package static func missingVirtualenvMessage(_ name: String, root: URL? = nil) -> String? {
        let url = (root ?? RepositoryRoot.url).appending(path: ".venv/bin/\(name)")
        guard !FileManager.default.isExecutableFile(atPath: url.path) else { return nil }
        return "\(url.path) is missing: the CalDAV integration tests need Radicale and Xandikos; run `make venv`"
    }

    /// `.venv/bin/NAME`.
    ///
    /// Throws ``Failure/missingVirtualenv(_:)`` saying to run `make venv` when it is missing, so the test fails
    /// (never skips) with that message.
    package static func venvExecutable(_ name: String) throws -> URL {
        if let message = missingVirtualenvMessage(name) {
            throw Failure.missingVirtualenv(message)
        }
        return RepositoryRoot.url.appending(path: ".venv/bin/\(name)")
    }

    /// A new temporary folder for one process's data and log.
    package static func temporaryDirectory(_ name: String) throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appending(
            path: "rota-caldav-\(name)-\(UUID().uuidString)"
        )
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    /// Runs `program` with `arguments` under `Tests/ServerTestSupport/launch.py` (the `.venv` python).
    ///
    /// The launcher unblocks SIGTERM (the test runner's threads block it, and a spawned child inherits the mask, so
    /// the server would ignore the polite stop), puts itself and the server in a process group of their own, forwards
    /// SIGTERM, and stops the server if the test process dies, so no server outlives its test.
    ///
    /// `name` is what messages call it (default: the program's file name); `readyLine` see ``readyLine``.
    package static func launch(
        _ program: URL,
        arguments: [String],
        port: Int,
        directory: URL,
        name: String? = nil,
        readyLine: String? = nil
    ) throws -> LocalProcess {
        let process = Process()
        process.executableURL = try venvExecutable("python")
        let launcher = RepositoryRoot.url.appending(path: "Tests/ServerTestSupport/launch.py")
        process.arguments = [launcher.path, program.path] + arguments
        let logFile = directory.appending(path: "process.log")
        _ = FileManager.default.createFile(atPath: logFile.path, contents: nil)
        let log = try FileHandle(forWritingTo: logFile)
        process.standardOutput = log
        process.standardError = log
        process.standardInput = FileHandle.nullDevice
        try process.run()
        try log.close()
        return LocalProcess(
            name: name ?? program.lastPathComponent,
            port: port,
            process: process,
            directory: directory,
            logFile: logFile,
            readyLine: readyLine
        )
    }

    /// Starts a process with `start` (given a free port) and waits until it listens, trying a new port up to three
    /// times when the process died because another one took its port between ``freePort()`` and its bind.
    package static func startListening(_ start: (Int) throws -> LocalProcess) async throws -> LocalProcess {
        var attempt = 1
        while true {
            let local = try start(try freePort())
            do {
                try await local.waitUntilListening()
                return local
            } catch Failure.exitedEarly(let log)
                where attempt < 3 && log.lowercased().contains("address already in use")
            {
                local.stop()
                attempt += 1
            } catch {
                local.stop()
                throw error
            }
        }
    }

    /// Polls until the port accepts a TCP connection (and the log holds ``readyLine``, if there is one).
    ///
    /// A readiness check, not a timing assumption. The bound is generous (60 s) because a first DAViCal builds its database.
    package func waitUntilListening() async throws {
        for _ in 0..<1200 {
            guard process.isRunning else {
                throw Failure.exitedEarly("\(name) exited at start-up:\n\(logText())")
            }
            if Self.accepts(port: port), readyLine.map({ ready in logText().contains(ready) }) ?? true { return }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw Failure.neverListened("\(name) was not ready on 127.0.0.1:\(port) within 60 s:\n\(logText())")
    }

    package func logText() -> String {
        (try? String(contentsOf: logFile, encoding: .utf8)) ?? ""
    }

    /// SIGTERM, up to 5 s to exit, then SIGKILL to the launcher's whole process group; then the temporary folder goes.
    package func stop() {
        if process.isRunning {
            process.terminate()
            for _ in 0..<100 where process.isRunning {
                usleep(50_000)
            }
            if process.isRunning {
                kill(-process.processIdentifier, SIGKILL)
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
    package static func freePort() throws -> Int {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw Failure.neverListened("socket() failed") }
        defer { close(descriptor) }
        var address = loopback(port: 0)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0 else { throw Failure.neverListened("bind() failed") }
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
