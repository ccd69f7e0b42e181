import Foundation
import RotaTestSupport
import ServerTestSupport
import Testing

/// `rota notify` end to end against a webhook receiver on 127.0.0.1: each kind once, a receiver that fails and
/// recovers, concurrent runs, and the webhook URL never in the output.
@Suite(.serialized) struct NotifyCommandTests {
    /// The moments the runs advance through: the day before a hand-off, the hand-off, the locked Christmas shift
    /// kim is away for, the week everyone is away (as in NotificationsTests' golden file).
    static let moments = ["2026-12-13T12:00", "2026-12-14T10:00", "2026-12-20T11:00", "2027-01-17T09:00"]

    /// A folder with the bundled team (chat handles for chen and smith, kim away over the locked Christmas shift, everyone away the week of
    /// 2027-01-18) and the golden ledger.
    static func teamFolder() throws -> URL {
        let folder = try RotaBinary.temporaryFolder("notify")
        let text = try NotifyTeam.configText()
        try text.write(to: folder.appendingPathComponent("team.yaml"), atomically: true, encoding: .utf8)
        try FileManager.default.copyItem(
            at: RotaBinary.repositoryRoot.appendingPathComponent("fixtures/ledger/golden.yaml"),
            to: folder.appendingPathComponent("team.ledger.yaml")
        )
        return folder
    }

    static func notify(
        _ folder: URL,
        at moment: String,
        url: URL?,
        extra: [String] = []
    ) throws -> RotaBinary.Result {
        try RotaBinary.run(
            ["notify", "--config", "team.yaml", "--at", moment] + extra,
            environment: url.map { ["ROTA_WEBHOOK_URL": $0.absoluteString] } ?? [:],
            workingDirectory: folder
        )
    }

    /// The keys `--format json --dry-run` lists at `moment` (what a run would send).
    static func dueKeys(_ folder: URL, at moment: String) throws -> [String] {
        let result = try notify(folder, at: moment, url: nil, extra: ["--format", "json", "--dry-run"])
        struct Listing: Decodable {
            struct Message: Decodable { let key: String }
            let messages: [Message]
        }
        return try JSONDecoder().decode(Listing.self, from: Data(result.standardOutput.utf8)).messages.map(\.key)
    }

    @Test func eachKindGoesOutOnceAcrossAdvancingRuns() async throws {
        let folder = try Self.teamFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try await WebhookReceiver.with(mode: "ok") { receiver in
            var expected = 0
            for moment in Self.moments {
                expected += try Self.dueKeys(folder, at: moment).count
                let first = try Self.notify(folder, at: moment, url: receiver.url)
                #expect(first.status == 0, "\(first.standardError)")
                let again = try Self.notify(folder, at: moment, url: receiver.url)
                #expect(again.status == 0)
                #expect(again.standardOutput.isEmpty, "a second run at \(moment) sent \(again.standardOutput)")
            }
            let texts = receiver.accepted()
            #expect(texts.count == expected)
            #expect(Set(texts).count == texts.count, "a message went out twice")
            for start in ["*On call now*", "*Reminder*", "*Holiday decision due*", "*Conflict*", "*Uncovered*"] {
                #expect(texts.filter { $0.hasPrefix(start) }.count >= 1, "no \(start) message")
            }
            #expect(texts.contains { $0.contains("<@U012AB3CD>") || $0.contains("@smith") })
        }
    }

    @Test func aReceiverThatFailsWithinARunGetsEveryMessageOnce() async throws {
        let folder = try Self.teamFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let due = try Self.dueKeys(folder, at: Self.moments[0])
        try await WebhookReceiver.with(mode: "fail", count: 2) { receiver in
            let run = try Self.notify(folder, at: Self.moments[0], url: receiver.url)
            #expect(run.status == 0, "\(run.standardError)")
            #expect(receiver.refusals() == 2)
            #expect(receiver.accepted().count == due.count)
        }
    }

    @Test func aReceiverDownForARunGetsTheMessagesOnTheNext() async throws {
        let folder = try Self.teamFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let due = try Self.dueKeys(folder, at: Self.moments[0])
        try await WebhookReceiver.with(mode: "fail", count: 4) { receiver in
            let failed = try Self.notify(folder, at: Self.moments[0], url: receiver.url)
            #expect(failed.status == 2)
            #expect(failed.standardError.contains("HTTP status 500"))
            #expect(receiver.accepted().isEmpty)
            let recovered = try Self.notify(folder, at: Self.moments[0], url: receiver.url)
            #expect(recovered.status == 0, "\(recovered.standardError)")
            let texts = receiver.accepted()
            #expect(texts.count == due.count)
            #expect(Set(texts).count == texts.count)
        }
    }

    @Test func retryAfterIsWaitedFor() async throws {
        let folder = try Self.teamFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let due = try Self.dueKeys(folder, at: Self.moments[0])
        try await WebhookReceiver.with(mode: "limit", count: 1) { receiver in
            let run = try Self.notify(folder, at: Self.moments[0], url: receiver.url)
            #expect(run.status == 0, "\(run.standardError)")
            #expect(receiver.refusals() == 1)
            #expect(receiver.accepted().count == due.count)
        }
    }

    @Test func concurrentRunsSendEachMessageOnce() async throws {
        let folder = try Self.teamFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let due = try Self.dueKeys(folder, at: Self.moments[1])
        try await WebhookReceiver.with(mode: "ok") { receiver in
            let url = receiver.url
            let runs = (0..<3).map { _ in
                Task.detached { try Self.notify(folder, at: Self.moments[1], url: url) }
            }
            for run in runs {
                let result = try await run.value
                #expect(result.status == 0, "\(result.standardError)")
            }
            let texts = receiver.accepted()
            #expect(texts.count == due.count)
            #expect(Set(texts).count == texts.count)
        }
    }

    @Test func theWebhookURLNeverShows() async throws {
        let folder = try Self.teamFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try await WebhookReceiver.with(mode: "fail", count: 4) { receiver in
            let file = folder.appendingPathComponent("webhook")
            try (receiver.url.absoluteString + "\n").write(to: file, atomically: true, encoding: .utf8)
            let runs = [
                try Self.notify(folder, at: Self.moments[0], url: receiver.url, extra: ["-v"]),
                try Self.notify(folder, at: Self.moments[0], url: nil, extra: ["-v", "--webhook-url-file", file.path]),
                try Self.notify(folder, at: Self.moments[0], url: receiver.url, extra: ["-v"]),
            ]
            #expect(runs.map(\.status) == [2, 0, 0])
            for run in runs {
                for output in [run.standardOutput, run.standardError] {
                    #expect(!output.contains(WebhookReceiver.secret))
                    #expect(!output.contains("/services/"))
                }
            }
            #expect(runs[0].standardError.contains("http://127.0.0.1/…"))
        }
    }

    @Test func dryRunAndJSONPostNothing() async throws {
        let folder = try Self.teamFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let state = folder.appendingPathComponent("team.ledger.yaml.notified.json")
        let dry = try Self.notify(folder, at: Self.moments[0], url: nil, extra: ["--dry-run"])
        #expect(dry.status == 0, "\(dry.standardError)")
        #expect(dry.standardOutput.contains("would send hand-off"))
        #expect(!FileManager.default.fileExists(atPath: state.path))
        let json = try Self.notify(folder, at: Self.moments[0], url: nil, extra: ["--format", "json"])
        #expect(json.status == 0)
        #expect(json.standardOutput.contains("\"kind\" : \"hand-off\""))
        let again = try Self.notify(folder, at: Self.moments[0], url: nil, extra: ["--format", "json"])
        #expect(again.status == 0)
        #expect(!again.standardOutput.contains("\"key\""), "the messages printed once were listed again")
    }

    @Test func aRunThatCannotTakeTheLockSendsNothingAndSaysWhy() async throws {
        let folder = try Self.teamFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let lockPath = folder.appendingPathComponent(".team.ledger.yaml.notified.json.lock").path
        let descriptor = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        try #require(descriptor >= 0)
        defer { close(descriptor) }
        try #require(flock(descriptor, LOCK_EX | LOCK_NB) == 0)
        try await WebhookReceiver.with(mode: "ok") { receiver in
            let held = try RotaBinary.run(
                ["notify", "--config", "team.yaml", "--at", Self.moments[0]],
                environment: ["ROTA_WEBHOOK_URL": receiver.url.absoluteString, "ROTA_LEDGER_LOCK_TIMEOUT": "0"],
                workingDirectory: folder
            )
            #expect(held.status == 2)
            #expect(held.standardError.contains("another rota notify still holds the lock"))
            #expect(receiver.accepted().isEmpty)
        }
    }

    @Test func noWebhookURLIsAnErrorThatSaysWhereToPutIt() throws {
        let folder = try Self.teamFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try Self.notify(folder, at: Self.moments[0], url: nil)
        #expect(run.status == 2)
        #expect(run.standardError.contains("ROTA_WEBHOOK_URL"))
    }
}
