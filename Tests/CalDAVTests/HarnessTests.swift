import CalDAV
import Foundation
import ServerTestSupport
import Testing

/// The test harness itself: a missing virtualenv is a failure that says what to do, never a silent skip.
@Suite struct HarnessTests {
    @Test func aMissingVirtualenvSaysToRunMakeVenv() throws {
        let empty = try LocalProcess.temporaryDirectory("no-venv")
        defer { try? FileManager.default.removeItem(at: empty) }
        let message = try #require(LocalProcess.missingVirtualenvMessage("radicale", root: empty))
        #expect(message.contains("run `make venv`"))
        #expect(message.contains(".venv/bin/radicale"))
    }

    /// A server that dies before it is ready (Cyrus or DAViCal printing its logs on the way out) fails the test with
    /// what it printed, and never counts as started.
    @Test func aServerThatDiesAtStartUpFailsWithItsLog() async throws {
        let directory = try LocalProcess.temporaryDirectory("dies")
        let port = try LocalProcess.freePort()
        let local = try LocalProcess.launch(
            try LocalProcess.venvExecutable("python"),
            arguments: ["-c", "print('cyrus_server.py: master exited; its log follows'); raise SystemExit(1)"],
            port: port,
            directory: directory,
            name: "cyrus",
            readyLine: "READY"
        )
        defer { local.stop() }
        do {
            try await local.waitUntilListening()
            Issue.record("a server that exited counted as ready")
        } catch let failure as LocalProcess.Failure {
            #expect(failure.description.hasPrefix("cyrus exited at start-up"))
            #expect(failure.description.contains("master exited; its log follows"))
        }
    }

    @Test(arguments: ServerKind.virtualenvServers)
    func theVirtualenvHasBothServers(_ kind: ServerKind) {
        #expect(LocalProcess.missingVirtualenvMessage(kind.rawValue) == nil, "run `make venv`")
    }
}

/// The no-network check in ``HostileXMLTests`` only means something if the listener notices a real connection.
@Suite struct LoopbackListenerTests {
    @Test func noticesAConnection() async throws {
        let listener = try #require(LoopbackListener())
        #expect(!listener.wasConnected)
        let transport = AsyncHTTPClientTransport(
            configuration: TransportConfiguration(readTimeout: .milliseconds(300), requestTimeout: .milliseconds(300))
        )
        let url = try #require(URL(string: "http://127.0.0.1:\(listener.port)/"))
        _ = try? await transport.send(CalDAVRequest(method: .get, url: url))
        try await transport.shutdown()
        #expect(listener.wasConnected)
    }
}
