/// What reconcile decided for one event, in the terms of the calendar: nothing about rota's model.
///
/// A body is the resource as it should be written (iCalendar bytes); an ETag is the version the decision was made
/// against, nil when the listing gave none. ``EventSync`` never writes without a precondition: a decision that
/// needs an ETag and lacks one makes it read the resource again first.
package enum SyncDecision: Equatable, Sendable {
    /// The same on both sides: nothing to write.
    case keep
    /// Missing on the server: a PUT that only creates.
    case create(body: [UInt8])
    /// Changed in the plan, intact on the server: a PUT of `body` over the version `etag`.
    case update(body: [UInt8], etag: String?)
    /// On the server, gone from the plan: a DELETE of the version `etag`.
    case delete(etag: String?)
    /// Edited by hand on the server: written (`replacement`) or deleted (nil) only when forced.
    case drift(replacement: [UInt8]?, etag: String?)
}
