/// What a re-read found: the decision made again on the server's current copy, or why the read failed.
package enum RereadResult: Equatable, Sendable {
    /// The decision made again; `exists` tells whether anything is at the URL now.
    case decided(SyncDecision, exists: Bool)
    /// The read failed.
    case failed(ServerAnswer)
}
