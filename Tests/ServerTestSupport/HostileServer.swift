package import Foundation
import RotaTestSupport

/// `hostile_server.py`: a server that misbehaves on purpose (a body a byte a second, redirects to another
/// origin), started on a free port on 127.0.0.1 and stopped when the test's body returns.
package struct HostileServer {
    package let local: LocalProcess
    /// `http://127.0.0.1:PORT/`.
    package let rootURL: URL

    /// Starts the server in `mode` (see the script), runs `body`, and stops the server even when `body` throws.
    package static func with<T>(
        mode: String,
        arguments: [String] = [],
        _ body: (HostileServer) async throws -> T
    ) async throws -> T {
        let script = RepositoryRoot.url.appending(path: "Tests/ServerTestSupport/hostile_server.py")
        let local = try await LocalProcess.startListening { port in
            try LocalProcess.launch(
                try LocalProcess.venvExecutable("python"),
                arguments: [script.path, "\(port)", mode] + arguments,
                port: port,
                directory: try LocalProcess.temporaryDirectory("hostile")
            )
        }
        defer { local.stop() }
        let server = HostileServer(
            local: local,
            rootURL: try required(URL(string: "http://127.0.0.1:\(local.port)/"), "no hostile server URL")
        )
        return try await body(server)
    }

    /// The requests that reached the server, as `METHOD PATH` lines.
    package func requests() -> [String] {
        local.logText().split(separator: "\n").map(String.init).filter { $0.contains(" /") }
    }
}
