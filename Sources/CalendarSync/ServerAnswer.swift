/// What the server answered one write, as the sync logic needs it (the transport maps HTTP onto it).
package enum ServerAnswer: Equatable, Sendable {
    /// 2xx: the write happened; the new ETag when the server sent one.
    case written(etag: String?)
    /// 412: the precondition did not hold; someone else changed the resource.
    case preconditionFailed
    /// 423: the server's store is locked by another write.
    case locked
    /// 5xx or 429; the wait `Retry-After` asks for, when it has one that can be read.
    case serverError(status: Int, retryAfter: Duration?)
    /// 404 or 410: nothing at that URL.
    case notFound
    /// Any other status: the write was refused (403, 409, ...); `message` says what and what to do.
    case refused(status: Int, message: String)
    /// No answer: the connection dropped or timed out; safe to send again since every write is conditional.
    case unreachable(message: String)
    /// No answer, and sending again will not help (TLS, a bad URL, a redirect loop).
    case unusable(message: String)
}
