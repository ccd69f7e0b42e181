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

/// The push-safety cases against `hostile_server.py`: refusals with a precondition, a Retry-After past the deadline,
/// a 401 without credentials, and a port where nothing listens.
@Suite(.serialized) struct HostilePushTests {
    static func push(_ server: HostileServer, _ extra: [String] = []) throws -> RotaBinary.Result {
        try RotaBinary.run(
            ["push", "--calendar", server.rootURL.appendingPathComponent("alice/rota/").absoluteString]
                + ["--as-of", "2026-11-28"] + extra
        )
    }

    /// Cyrus refuses a UID that lives in another calendar (403, unique-scheduling-object-resource): each refusal
    /// names that calendar's href, every event is tried once, and push exits 2 listing them by UID.
    @Test func aRefusalNamingAPreconditionIsExplainedAndTheOthersAreStillTried() async throws {
        try await HostileServer.with(mode: "refuse-uid") { server in
            let result = try Self.push(server)
            #expect(result.status == 2, "\(result.standardOutput)\(result.standardError)")
            let puts = server.requests().filter { $0.hasPrefix("PUT ") }
            #expect(puts.count == 60, "each event tried once: \(puts.count)\n\(result.standardError)")
            #expect(Set(puts).count == puts.count)
            let stderr = result.standardError
            #expect(stderr.contains("error: 60 events not written (the others were written):"), "\(stderr)")
            #expect(stderr.contains("shift-20271122@oncall.example.com: "))
            #expect(stderr.contains("another resource already holds this event's UID (/alice/other/"), "\(stderr)")
            #expect(stderr.contains("[CALDAV:unique-scheduling-object-resource]"))
            #expect(!stderr.contains("check the user name and password"))
            #expect(result.standardOutput.contains("0 created") && result.standardOutput.contains("60 failed"))

            // The same as JSON: every failure by UID, with the message and hint apart.
            let json = try Self.push(server, ["--format", "json"])
            #expect(json.status == 2)
            let summary = try #require(
                try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any]
            )
            let failures = try #require(summary["failures"] as? [[String: String]])
            #expect(failures.count == 60)
            let first = try #require(failures.first)
            #expect(first["uid"]?.hasSuffix("@oncall.example.com") == true)
            #expect(first["message"]?.contains("[CALDAV:unique-scheduling-object-resource] (HTTP 403)") == true)
            #expect(first["hint"]?.contains("not rota's to change") == true)
            #expect((summary["counts"] as? [String: Int])?["failed"] == 60)
            #expect(summary["in_sync"] as? Bool == false)
        }
    }

    /// A Retry-After of an hour is not slept through: the run ends at the first one, with a clear message.
    @Test func aRetryAfterPastTheDeadlineEndsTheRun() async throws {
        try await HostileServer.with(mode: "retry-after") { server in
            let started = ContinuousClock.now
            let result = try Self.push(server, ["--deadline", "300"])
            #expect(ContinuousClock.now - started < .seconds(60), "a ceiling for a loaded machine, not a figure")
            #expect(result.status == 2, "\(result.standardOutput)\(result.standardError)")
            #expect(server.requests().filter { $0.hasPrefix("PUT ") }.count == 1, "\(server.requests())")
            #expect(result.standardError.contains("the server asked to wait 3600 s"), "\(result.standardError)")
            #expect(result.standardError.contains("error: 60 events not written"))
        }
    }

    /// The deadline bounds the reading too: a listing trickled a byte a second ends at the deadline, not after
    /// the per-request timeout and its retries.
    @Test func theDeadlineEndsAPushStuckReadingTheCalendar() async throws {
        try await HostileServer.with(mode: "slow-body") { server in
            let started = ContinuousClock.now
            let result = try Self.push(server, ["--deadline", "3", "--timeout", "60"])
            #expect(ContinuousClock.now - started < .seconds(30), "a ceiling for a loaded machine, not a figure")
            #expect(result.status == 2)
            #expect(
                result.standardError
                    == "error: the --deadline of 3 s passed before the calendar was read; nothing was written\n"
                    + "hint: check that the server answers (rota push -v logs each request), or give a longer "
                    + "--deadline\n",
                "\(result.standardError)"
            )
            #expect(!server.requests().contains { $0.hasPrefix("PUT ") })
        }
    }

    @Test func aPushWithoutCredentialsNamesTheFourWaysToGiveThem() async throws {
        try await HostileServer.with(mode: "auth") { server in
            let result = try RotaBinary.run(
                ["push", "--calendar", server.rootURL.appendingPathComponent("alice/rota/").absoluteString]
                    + ["--as-of", "2026-11-28"],
                environment: ["NETRC": "/nonexistent/netrc", "ROTA_CALDAV_USERNAME": "", "ROTA_CALDAV_PASSWORD": ""]
            )
            #expect(result.status == 2)
            let stderr = result.standardError
            #expect(stderr.contains("the server asks for credentials (HTTP 401) and rota has none"), "\(stderr)")
            for way in [
                "ROTA_CALDAV_USERNAME and ROTA_CALDAV_PASSWORD", "--password-stdin", "netrc", "ROTA_CALDAV_TOKEN",
            ] {
                #expect(stderr.contains(way), "\(way): \(stderr)")
            }
        }
    }

    @Test(arguments: ["push", "diff"])
    func aClosedPortReadsAsOneCleanSentence(command: String) throws {
        let port = try LocalProcess.freePort()
        let result = try RotaBinary.run([
            command, "--calendar", "http://127.0.0.1:\(port)/cal/", "--as-of", "2026-11-28",
        ])
        #expect(result.status == 2)
        #expect(
            result.standardError
                == "http://127.0.0.1:\(port)/cal/: error: connection failed: connection refused\n"
                + "hint: check the URL, and that the CalDAV server is running and listening there\n",
            "\(result.standardError)"
        )
    }
}
