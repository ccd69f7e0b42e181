package import Foundation

/// One event to sync: where it lives and what to do with it.
package struct SyncItem: Equatable, Sendable {
    /// The event's identity (its UID), handed back to the re-decide step after a re-read.
    package let id: String
    /// The resource on the server.
    package let url: URL
    /// What to do.
    package let decision: SyncDecision

    /// Creates an item.
    package init(id: String, url: URL, decision: SyncDecision) {
        self.id = id
        self.url = url
        self.decision = decision
    }
}
