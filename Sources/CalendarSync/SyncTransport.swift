package import Foundation

/// The requests the sync sends, answered in ``ServerAnswer`` terms: CalDAV for a push, a fake in the tests.
package protocol SyncTransport: Sendable {
    /// PUT `body` at `url` with `precondition`.
    func put(_ body: [UInt8], at url: URL, precondition: SyncPrecondition) async -> ServerAnswer
    /// DELETE `url` with `precondition`.
    func delete(at url: URL, precondition: SyncPrecondition) async -> ServerAnswer
    /// Reads `item`'s resource again and decides again on what the server holds now.
    func reread(_ item: SyncItem) async -> RereadResult
}
