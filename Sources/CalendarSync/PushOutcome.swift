/// What happened to one event.
package enum PushOutcome: Equatable, Sendable {
    case created
    case updated
    case deleted
    case unchanged
    /// Edited by hand and overwritten (or deleted) because the push was forced.
    case driftOverwritten
    /// Edited by hand and left alone: reported.
    case driftKept
    /// The event could not be synced; the others went on.
    case failed(SyncFailure)
}
