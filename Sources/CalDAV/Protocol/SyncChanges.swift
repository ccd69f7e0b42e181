public import Foundation

/// What changed in a calendar since a sync token: the new token, changed members with ETags, removed members.
///
/// When the server cannot answer incrementally (no sync-collection support, or the old token expired), the client
/// lists the whole calendar instead and sets ``isFullListing``: then ``changed`` holds every member and the caller
/// must treat anything it knew that is not listed as deleted, since ``deleted`` is empty.
public struct SyncChanges: Equatable, Sendable {
    /// The token to send next time; nil when the server gave none (a full listing on a server without sync support).
    public var syncToken: String?
    /// Members added or changed, with their new ETags, sorted by URL.
    public var changed: [CalendarResource]
    /// Members removed since the token, sorted by URL.
    public var deleted: [URL]
    /// Whether this is a full listing rather than a delta (see the type's discussion).
    public var isFullListing: Bool

    /// Creates a sync result.
    ///
    /// - Parameters:
    ///   - syncToken: the new token.
    ///   - changed: members added or changed.
    ///   - deleted: members removed.
    ///   - isFullListing: whether this lists everything rather than a delta.
    public init(syncToken: String?, changed: [CalendarResource], deleted: [URL], isFullListing: Bool) {
        self.syncToken = syncToken
        self.changed = changed
        self.deleted = deleted
        self.isFullListing = isFullListing
    }

    /// Reads a sync-collection answer (RFC 6578 §3.5): a member with a 404 status of its own was removed; any other
    /// member changed.
    ///
    /// - Parameters:
    ///   - multistatus: the parsed answer.
    ///   - collection: the calendar's URL (some servers list the collection itself; it is left out).
    ///   - isInitial: whether the request carried no token (every member is then listed, and this is a full listing).
    /// - Returns: the changes.
    public static func fromSyncCollection(_ multistatus: Multistatus, collection: URL, isInitial: Bool) -> SyncChanges {
        let collectionPath = CalDAVRequests.hrefPath(collection)
        var changed: [CalendarResource] = []
        var deleted: [URL] = []
        for response in multistatus.responses where CalDAVRequests.hrefPath(response.url) != collectionPath {
            if response.status == 404 || response.status == 410 {
                deleted.append(response.url)
            } else {
                changed.append(CalendarResource(url: response.url, etag: response.etag, calendarData: nil))
            }
        }
        return SyncChanges(
            syncToken: multistatus.syncToken,
            changed: changed.sorted { $0.url.absoluteString < $1.url.absoluteString },
            deleted: deleted.sorted { $0.absoluteString < $1.absoluteString },
            isFullListing: isInitial
        )
    }

    /// Whether a non-207 answer to sync-collection means "list everything instead" rather than a failure.
    ///
    /// True when the server refuses the token (RFC 6578 §3.2 `<valid-sync-token/>`: Radicale answers 403, Xandikos
    /// 412) or does not support the report (400, 405, 415, 501, or a `<supported-report/>` precondition).
    ///
    /// - Parameter response: the answer to a sync-collection REPORT.
    /// - Returns: whether to fall back to a full listing.
    public static func requiresFullListing(after response: CalDAVResponse) -> Bool {
        switch response.status {
        case 400, 405, 415, 501:
            return true
        case 403, 409, 412:
            guard let root = try? DAVXML.parse(response.body, limits: DAVXML.Limits(maxBytes: 1 << 20)),
                root.name == .dav("error")
            else { return false }
            return root.child(.dav("valid-sync-token")) != nil || root.child(.dav("supported-report")) != nil
        default:
            return false
        }
    }
}
