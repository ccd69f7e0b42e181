package import CalDAV
package import Foundation
import RotaTestSupport

/// `fault_proxy.py` in front of a real server: answers 5xx/429, drops connections, delays answers or plays a
/// concurrent writer on cue, and forwards the rest.
///
/// docs/design.md's way to test failures: the server stays real, only the faults are injected.
package struct FaultProxy {
    package let local: LocalProcess
    /// The proxy's root, `http://127.0.0.1:PORT/`; point the client here instead of at the server.
    package let rootURL: URL

    /// Starts a proxy in front of `server`, runs `body`, and stops the proxy even when `body` throws.
    ///
    /// `latency` delays every proxied answer by that many milliseconds (a slow network, for benchmarks).
    package static func with<T>(
        upstream server: CalDAVServerProcess,
        latency: Int = 0,
        _ body: (FaultProxy) async throws -> T
    ) async throws -> T {
        let script = RepositoryRoot.url.appending(path: "Tests/ServerTestSupport/fault_proxy.py")
        let local = try await LocalProcess.startListening { port in
            try LocalProcess.launch(
                try LocalProcess.venvExecutable("python"),
                arguments: [script.path, "\(port)", "\(server.port)", "--latency", "\(latency)"],
                port: port,
                directory: try LocalProcess.temporaryDirectory("proxy")
            )
        }
        defer { local.stop() }
        let proxy = FaultProxy(
            local: local,
            rootURL: try required(URL(string: "http://127.0.0.1:\(local.port)/"), "no proxy URL")
        )
        return try await body(proxy)
    }

    /// Queues faults, one per proxied request from now on (see `fault_proxy.py` for the words).
    package func inject(_ faults: [String], using transport: any HTTPTransport) async throws {
        let request = CalDAVRequest(
            method: HTTPMethod(rawValue: "POST"),
            url: rootURL.appending(path: "__faults__"),
            body: Array(faults.joined(separator: "\n").utf8)
        )
        let response = try await transport.send(request)
        guard response.status == 204 else {
            throw LocalProcess.Failure.harness("the fault proxy refused the faults: \(response.status)")
        }
    }

    /// What the proxy did with each request: `METHOD PATH -> OUTCOME`.
    package func log(using transport: any HTTPTransport) async throws -> [String] {
        let response = try await transport.send(CalDAVRequest(method: .get, url: rootURL.appending(path: "__log__")))
        return String(decoding: response.body, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    /// The log with the second (monotonic) each request arrived at the proxy, in the order they were logged.
    package func timedLog(using transport: any HTTPTransport) async throws -> [(arrived: Double, line: String)] {
        let url = rootURL.appending(path: "__timed_log__")
        let response = try await transport.send(CalDAVRequest(method: .get, url: url))
        return String(decoding: response.body, as: UTF8.self).split(separator: "\n").compactMap { entry in
            let parts = entry.split(separator: " ", maxSplits: 1)
            guard parts.count == 2, let arrived = Double(parts[0]) else { return nil }
            return (arrived, String(parts[1]))
        }
    }

    /// Empties the log, so the next ``log(using:)`` shows only what came after.
    package func clearLog(using transport: any HTTPTransport) async throws {
        _ = try await transport.send(CalDAVRequest(method: .delete, url: rootURL.appending(path: "__log__")))
    }
}
