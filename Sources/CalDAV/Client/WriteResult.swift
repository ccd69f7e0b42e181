/// The outcome of a conditional PUT or DELETE.
///
/// A 412 is an answer, not a failure: someone changed the resource since it was read, so the caller re-reads and
/// decides again rather than overwriting blindly.
public enum WriteResult: Equatable, Sendable {
    /// The write happened. `etag` is the new ETag from the response; nil after a DELETE, or when the server sent
    /// none (RFC 4791 §5.3.4 lets a server that altered the data omit it: read it back with a multiget).
    /// Radicale and Xandikos always send one.
    case success(etag: String?)
    /// 412 Precondition Failed: the `If-Match`/`If-None-Match` condition did not hold.
    case preconditionFailed
}
