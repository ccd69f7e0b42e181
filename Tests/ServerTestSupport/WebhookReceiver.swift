package import Foundation
import RotaTestSupport

/// `webhook_receiver.py`: a Slack-compatible incoming webhook on a free port on 127.0.0.1.
///
/// It is stopped when the test's body returns. Modes: `ok`, `fail N` (500 first), `limit N` (429 with Retry-After first); see the script.
package struct WebhookReceiver {
    package let local: LocalProcess
    /// A webhook URL with a secret-looking path, like Slack's `https://hooks.slack.com/services/T/B/TOKEN`.
    package let url: URL

    /// The path's secret part, which must never show in rota's output.
    package static let secret = "s3cr3t-T0K3N-do-not-print"

    /// Starts the receiver in `mode`, runs `body`, and stops the receiver even when `body` throws.
    package static func with<T>(
        mode: String,
        count: Int = 0,
        _ body: (WebhookReceiver) async throws -> T
    ) async throws -> T {
        let script = RepositoryRoot.url.appending(path: "Tests/ServerTestSupport/webhook_receiver.py")
        let local = try await LocalProcess.startListening { port in
            try LocalProcess.launch(
                try LocalProcess.venvExecutable("python"),
                arguments: [script.path, "\(port)", mode, "\(count)"],
                port: port,
                directory: try LocalProcess.temporaryDirectory("webhook")
            )
        }
        defer { local.stop() }
        let receiver = WebhookReceiver(
            local: local,
            url: try required(
                URL(string: "http://127.0.0.1:\(local.port)/services/T0/B0/\(secret)"),
                "no webhook URL"
            )
        )
        return try await body(receiver)
    }

    /// The `text` of every message the receiver accepted, in arrival order.
    package func accepted() -> [String] {
        local.logText().split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("ACCEPTED ") else { return nil }
            let body = Data(line.dropFirst("ACCEPTED ".count).utf8)
            return (try? JSONDecoder().decode([String: String].self, from: body))?["text"]
        }
    }

    /// How many posts the receiver refused.
    package func refusals() -> Int {
        local.logText().split(separator: "\n").filter { $0.hasPrefix("REFUSED ") }.count
    }
}
