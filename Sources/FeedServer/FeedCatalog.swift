package import Foundation
import StableHash

/// Everything `rota serve` publishes at one moment: the feeds by name, the HTML index page and the runbooks.
///
/// rota builds it (from the config, the ledger and the feed state) and hands it to the server through a
/// closure; the server never knows what a rota config is, so tests can serve a catalog made by hand.
package struct FeedCatalog: Sendable, Equatable {
    /// One published document: its bytes, their strong validator and when this process first served them.
    package struct Entry: Sendable, Equatable {
        package let bytes: [UInt8]
        /// A strong entity tag (RFC 9110 §8.8.3): the quoted hex FNV-1a hash of `bytes`.
        package let etag: String
        /// When these exact bytes were first published by this process, in whole seconds.
        package let lastModified: Date
        /// The secret that must precede the feed's name in its URL (`/feeds/TOKEN/NAME.ics`), if any.
        package let token: String?

        package init(bytes: [UInt8], lastModified: Date, token: String? = nil) {
            self.bytes = bytes
            self.etag = Self.etag(of: bytes)
            self.lastModified = Date(timeIntervalSince1970: lastModified.timeIntervalSince1970.rounded(.down))
            self.token = token
        }

        /// The entity tag of `bytes`: `"` + 16 hex digits of their 64-bit FNV-1a hash + `"`.
        package static func etag(of bytes: [UInt8]) -> String {
            "\"" + FNV1a.hex(bytes) + "\""
        }
    }

    /// Feed name (without `.ics`) -> its entry.
    package var feeds: [String: Entry]
    /// The `/` page.
    package var index: Entry
    /// Rendered documents served under `/runbooks/`: file name (`index.html`, `ID.html`, `ID.md`) -> entry.
    ///
    /// The server only looks at the name's extension for the media type; rota renders the documents.
    package var runbooks: [String: Entry]

    package init(feeds: [String: Entry], index: Entry, runbooks: [String: Entry] = [:]) {
        self.feeds = feeds
        self.index = index
        self.runbooks = runbooks
    }
}
