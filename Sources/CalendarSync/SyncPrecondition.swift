/// The condition a write carries.
///
/// There is no `If-Match: *`: an update or delete always names the version it saw.
package enum SyncPrecondition: Equatable, Sendable {
    /// `If-None-Match: *`: create only.
    case ifNoneMatch
    /// `If-Match: <etag>`: only over this version.
    case ifMatch(String)
}
