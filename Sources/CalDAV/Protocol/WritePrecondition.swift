/// The condition a PUT carries, so a write never silently overwrites someone else's change.
public enum WritePrecondition: Equatable, Sendable {
    /// Create only: `If-None-Match: *`; fails with 412 when the resource exists.
    case create
    /// Update only the version with this ETag: `If-Match: <etag>`; fails with 412 when it changed.
    case update(etag: String)
}
