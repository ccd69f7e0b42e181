package import CalDAV
package import Foundation
import RotaTestSupport

/// A CalDAV server (``ServerKind``) on 127.0.0.1 and a port the test picked, with its data in a temporary folder.
///
/// ``with(_:_:)`` starts it, waits until it is ready, runs the test body and stops it (SIGTERM, then SIGKILL) whether
/// the body passed, failed or threw. Radicale and Xandikos run from `.venv`; Cyrus and DAViCal are set up and run by
/// `cyrus_server.py` and `davical_server.py` (as root, from Debian packages), which print READY once the user's
/// calendar home answers. A server that cannot start fails the test with its log; without `.venv` the test fails,
/// saying to run `make venv`.
package struct CalDAVServerProcess {
    package let kind: ServerKind
    package let local: LocalProcess
    /// The server root, `http://127.0.0.1:PORT/`.
    package let rootURL: URL

    package static let username = "alice"
    package static let password = "s3cret-Pa55word"

    package var port: Int { local.port }

    /// What the client authenticates with: Basic, except on Xandikos (see ``ServerKind/needsPassword``).
    package var credentials: Credentials {
        kind.needsPassword ? .basic(username: Self.username, password: Self.password) : .none
    }

    /// The user's principal (``ServerKind/principalPath``).
    package var expectedPrincipal: URL { rootURL.appending(path: String(kind.principalPath.dropFirst())) }

    /// The calendar home (``ServerKind/homePath``).
    package var expectedHome: URL { rootURL.appending(path: String(kind.homePath.dropFirst())) }

    /// A URL for a new calendar, directly under the calendar home.
    package func calendarURL(_ name: String) -> URL {
        expectedHome.appending(path: "\(name)/")
    }

    package func logText() -> String { local.logText() }

    /// Starts a server, runs `body`, and stops the server even when `body` throws.
    ///
    /// With `tls`, Radicale serves HTTPS with the self-signed test certificate in `fixtures/caldav/tls/` (a key made
    /// for these tests only, trusted nowhere).
    package static func with<T>(
        _ kind: ServerKind,
        tls: Bool = false,
        _ body: (CalDAVServerProcess) async throws -> T
    ) async throws -> T {
        var rootURL: URL?
        let local = try await LocalProcess.startListening { port in
            let (process, url) = try start(kind, tls: tls, port: port)
            rootURL = url
            return process
        }
        defer { local.stop() }
        let server = CalDAVServerProcess(
            kind: kind,
            local: local,
            rootURL: try required(rootURL, "the server started without a root URL")
        )
        return try await body(server)
    }

    private static func start(_ kind: ServerKind, tls: Bool, port: Int) throws -> (LocalProcess, URL) {
        if kind == .cyrus || kind == .davical {
            guard !tls else { throw LocalProcess.Failure.harness("the tests run \(kind) over plain HTTP only") }
            return (
                try startFromPackages(kind, port: port),
                try required(URL(string: "http://127.0.0.1:\(port)/"), "no root URL")
            )
        }
        let executable = try LocalProcess.venvExecutable(kind.rawValue)
        let directory = try LocalProcess.temporaryDirectory(kind.rawValue)
        let rootURL = try required(
            URL(string: "\(tls ? "https" : "http")://127.0.0.1:\(port)/"),
            "no root URL for \(port)"
        )
        let certificates = RepositoryRoot.url.appending(path: "fixtures/caldav/tls")
        let arguments: [String]
        switch kind {
        case .radicale:
            let users = directory.appending(path: "users")
            try Data("\(username):\(password)\n".utf8).write(to: users)
            let config = directory.appending(path: "config")
            let text = """
                [server]
                hosts = 127.0.0.1:\(port)
                delay_on_error = 0
                ssl = \(tls ? "True" : "False")
                certificate = \(certificates.appending(path: "cert.pem").path)
                key = \(certificates.appending(path: "key.pem").path)

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
            arguments = ["--config", config.path]
        case .cyrus, .davical:
            throw LocalProcess.Failure.harness("\(kind) is started by startFromPackages")
        case .xandikos:
            guard !tls else { throw LocalProcess.Failure.harness("the tests run Xandikos over plain HTTP only") }
            arguments = [
                "--defaults", "--autocreate", "-d", directory.appending(path: "data").path, "-l", "127.0.0.1", "-p",
                "\(port)",
            ]
        }
        let local = try LocalProcess.launch(executable, arguments: arguments, port: port, directory: directory)
        return (local, rootURL)
    }
}

extension CalDAVServerProcess {
    /// The folder where `davical_server.py` keeps a stopped copy of a ready cluster (schema and user), named by a hash
    /// of what shaped it, so only the first DAViCal start pays for initdb and the schema (5-15 s) and later ones copy
    /// it; under `.build`, so `swift package clean` drops it.
    static let davicalCache = RepositoryRoot.url.appending(path: ".build/caldav-servers")

    /// Cyrus or DAViCal through its `Tests/ServerTestSupport/*_server.py`, ready once it prints READY.
    fileprivate static func startFromPackages(_ kind: ServerKind, port: Int) throws -> LocalProcess {
        let script = RepositoryRoot.url.appending(path: "Tests/ServerTestSupport/\(kind)_server.py")
        let directory = try LocalProcess.temporaryDirectory(kind.rawValue)
        var arguments = [script.path, directory.appending(path: "server").path, "\(port)", username, password]
        if kind == .davical { arguments.append(davicalCache.path) }
        return try LocalProcess.launch(
            try LocalProcess.venvExecutable("python"),
            arguments: arguments,
            port: port,
            directory: directory,
            name: kind.rawValue,
            readyLine: "READY"
        )
    }
}

/// `value`, or a thrown ``LocalProcess/Failure/harness(_:)`` with `message` when it is nil.
package func required<T>(_ value: T?, _ message: String) throws -> T {
    guard let value else { throw LocalProcess.Failure.harness(message) }
    return value
}
