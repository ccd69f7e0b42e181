package import ICalendar

extension Reconciliation {
    /// An event as the remote side holds it: the VEVENT, and for a CalDAV resource its href and ETag.
    package struct RemoteCopy: Sendable {
        /// The resource on the server, as the listing gave it; nil for an event of a feed.
        package let href: String?
        /// The ETag the listing gave; nil for a feed event, or when the server sent none.
        package let etag: String?
        package let event: Component
    }

    /// What happens to one event, with exactly the values that decision has.
    ///
    /// An entry used to carry `action` beside optional `planned`, `remote`, `href`, `etag` and `changes`,
    /// which allowed a create with a remote copy or a delete with nothing to delete; each case now holds
    /// what it needs and nothing else.
    package enum Decision: Sendable {
        /// Planned, not on the remote side.
        case create(planned: Component)
        /// On both sides with different content, and rota's own last write is intact.
        case update(planned: Component, remote: RemoteCopy, changes: [FieldChange])
        /// rota's event on the remote side that the plan no longer has.
        case delete(remote: RemoteCopy)
        /// Edited by hand since rota wrote it: different from the plan (`planned` and the changes), or no
        /// longer planned (`planned` nil, no changes).
        case drift(planned: Component?, remote: RemoteCopy, changes: [FieldChange])
        /// The same content on both sides.
        case keep(planned: Component, remote: RemoteCopy)
    }
}
