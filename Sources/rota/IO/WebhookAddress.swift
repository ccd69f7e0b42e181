import Foundation

/// The incoming-webhook URL of `rota notify`, read from `ROTA_WEBHOOK_URL` or `--webhook-url-file`.
///
/// Whoever holds the URL can post to the channel, so it is a secret: it is never an argument (argv is visible to
/// every user of the machine), and rota shows only its host.
struct WebhookAddress {
    static let variable = "ROTA_WEBHOOK_URL"

    let url: URL
    /// What rota prints about the webhook: `https://hooks.slack.com/…`.
    var shown: String { "\(url.scheme ?? "https")://\(url.host ?? "?")/…" }

    /// The URL from `file` when given, else from the environment.
    ///
    /// - Throws: `CommandFailure` (without the URL) when neither is set, the file cannot be read, or the text
    ///   is not an http(s) URL.
    static func load(file: String?, environment: [String: String]) throws -> WebhookAddress {
        let text: String
        let source: String
        if let file {
            guard case let .success(bytes) = BoundedFileReader.read(file, limit: 64 << 10) else {
                throw CommandFailure(
                    message: "cannot read the webhook URL file",
                    hint: "check the path given to --webhook-url-file",
                    at: file
                )
            }
            text = String(decoding: bytes, as: UTF8.self)
            source = file
        } else if let value = environment[variable], !value.isEmpty {
            text = value
            source = variable
        } else {
            throw CommandFailure(
                message: "no webhook URL: set \(variable) or pass --webhook-url-file FILE",
                hint: "the URL is a secret, so it is never an argument; --format json or --dry-run need none"
            )
        }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let url = URL(string: trimmed), url.scheme == "https" || url.scheme == "http", url.host != nil,
            !trimmed.contains(where: \.isWhitespace)
        else {
            throw CommandFailure(
                message: "the webhook URL in \(source) is not an http(s) URL",
                hint: "put the incoming webhook's URL (https://hooks.slack.com/services/...) there, alone"
            )
        }
        return WebhookAddress(url: url)
    }
}
