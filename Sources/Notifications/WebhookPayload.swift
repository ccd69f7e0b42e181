package import Foundation

/// The JSON documents of `rota notify`: the body posted to a Slack-compatible incoming webhook, and the list
/// `--format json` prints.
package enum WebhookPayload {
    /// `{"text": ...}`: the body Slack, Mattermost, Rocket.Chat and others accept on an incoming webhook.
    package static func body(for notice: Notice) -> [UInt8] {
        encode(["text": notice.text])
    }

    /// `{"messages": [{"key", "kind", "payload", "text"}]}` with a final newline, for `--format json`: the
    /// messages in the order they would be sent, each with the body that would be posted.
    package static func listing(_ notices: [Notice]) -> [UInt8] {
        struct Message: Encodable {
            let key: String
            let kind: String
            let payload: [String: String]
            let text: String
        }
        struct Listing: Encodable { let messages: [Message] }
        let listing = Listing(
            messages: notices.map {
                Message(key: $0.key, kind: $0.kind.rawValue, payload: ["text": $0.text], text: $0.text)
            }
        )
        return encode(listing) + Array("\n".utf8)
    }

    private static func encode(_ value: some Encodable) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        // Strings and string dictionaries always encode; an empty document would only hide a programming error.
        return (try? encoder.encode(value)).map(Array.init) ?? Array("{}".utf8)
    }
}
