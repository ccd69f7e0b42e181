import CalDAV
import Foundation
import Testing

/// `fault_proxy.py` in front of a real server: answers 5xx/429 or drops connections on cue, forwards the rest.
///
/// DESIGN.md's way to test failures: the server stays real, only the faults are injected.
struct FaultProxy {
    let local: LocalProcess
    /// The proxy's root, `http://127.0.0.1:PORT/`; point the client here instead of at the server.
    let rootURL: URL

    /// Starts a proxy in front of `server`, runs `body`, and stops the proxy even when `body` throws.
    static func with<T>(upstream server: CalDAVServerProcess, _ body: (FaultProxy) async throws -> T) async throws -> T
    {
        let script = LocalProcess.repositoryRoot.appending(path: "Tests/CalDAVTests/Support/fault_proxy.py")
        let local = try await LocalProcess.startListening { port in
            try LocalProcess.launch(
                try LocalProcess.venvExecutable("python"),
                arguments: [script.path, "\(port)", "\(server.port)"],
                port: port,
                directory: try LocalProcess.temporaryDirectory("proxy")
            )
        }
        defer { local.stop() }
        let proxy = FaultProxy(local: local, rootURL: try #require(URL(string: "http://127.0.0.1:\(local.port)/")))
        return try await body(proxy)
    }

    /// Queues faults, one per proxied request from now on (see `fault_proxy.py` for the words).
    func inject(_ faults: [String], using transport: any HTTPTransport) async throws {
        let request = CalDAVRequest(
            method: HTTPMethod(rawValue: "POST"),
            url: rootURL.appending(path: "__faults__"),
            body: Array(faults.joined(separator: "\n").utf8)
        )
        let response = try await transport.send(request)
        #expect(response.status == 204)
    }

    /// What the proxy did with each request: `METHOD PATH -> OUTCOME`.
    func log(using transport: any HTTPTransport) async throws -> [String] {
        let response = try await transport.send(CalDAVRequest(method: .get, url: rootURL.appending(path: "__log__")))
        return String(decoding: response.body, as: UTF8.self).split(separator: "\n").map(String.init)
    }
}
