import Foundation
import ServerTestSupport
import Testing

/// push and diff against a server that misbehaves: each case ends in bounded time with a clear message.
@Suite(.serialized) struct HostileServerTests {
    @Test(arguments: ["push", "diff"])
    func aBodyTrickledAByteASecondIsCutOffByTheTimeout(command: String) async throws {
        try await HostileServer.with(mode: "slow-body") { server in
            let started = ContinuousClock.now
            let result = try RotaBinary.run([
                command, "--calendar", server.rootURL.appendingPathComponent("alice/rota/").absoluteString,
                "--timeout", "2", "--as-of", "2026-11-28",
            ])
            let elapsed = ContinuousClock.now - started
            #expect(result.status == 2)
            #expect(result.standardError.contains("no complete answer within 2 s"))
            // Each attempt is cut off after 2 s and the retries are bounded: far from "forever". The bound is a
            // generous ceiling for a loaded machine, not a performance figure.
            #expect(elapsed < .seconds(60), "took \(elapsed)")
            #expect(!server.requests().isEmpty)
        }
    }

    @Test(arguments: ["push", "diff"])
    func aRedirectToAnotherOriginIsNotFollowed(command: String) async throws {
        try await HostileServer.with(mode: "slow-body") { other in
            try await HostileServer.with(mode: "redirect", arguments: ["\(other.local.port)"]) { server in
                let result = try RotaBinary.run(
                    [
                        command, "--calendar", server.rootURL.appendingPathComponent("alice/rota/").absoluteString,
                        "--as-of", "2026-11-28",
                    ],
                    environment: ["ROTA_CALDAV_USERNAME": "alice", "ROTA_CALDAV_PASSWORD": "S3CRET-pw"]
                )
                #expect(result.status == 2)
                #expect(result.standardError.contains("the server redirected to another origin"))
                #expect(!(result.standardOutput + result.standardError).contains("S3CRET"))
                #expect(!server.requests().isEmpty)
                #expect(other.requests().isEmpty, "reached the other origin: \(other.requests())")
            }
        }
    }
}
