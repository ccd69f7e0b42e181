package import ICalendar

/// What it takes to make a remote calendar (or feed) equal to the plan, event by event.
package struct Reconciliation: Sendable {
    /// What happens to one event.
    package enum Action: String, Sendable, Codable {
        /// Planned, not on the remote side: `+` in a diff, a PUT with `If-None-Match: *` in a push.
        case create
        /// On both sides with different content, and rota's own last write is intact: `~`, a PUT with `If-Match`.
        case update
        /// rota's event on the remote side that the plan no longer has: `-`, a DELETE with `If-Match`.
        case delete
        /// Edited by hand since rota wrote it, and different from the plan: `!`; a push overwrites
        /// (or deletes) it only when forced.
        case drift
        /// The same content on both sides.
        case keep
    }

    /// One field that differs: its value on the remote side and in the plan (`nil` where absent).
    package struct FieldChange: Hashable, Sendable {
        package let name: String
        package let before: String?
        package let after: String?
    }

    package struct Entry: Sendable {
        package let uid: String
        package let action: Action
        /// The resource on the server (relative to nothing: as the listing gave it); nil for a feed
        /// event or an event to create (see ``Reconciler/resourceName(for:)``).
        package let href: String?
        package let etag: String?
        /// The event as planned (without SEQUENCE and DTSTAMP); nil when the plan does not have it.
        package let planned: Component?
        /// The event on the remote side; nil when it is missing there.
        package let remote: Component?
        /// The fields that differ, remote -> planned; empty for create, delete and keep.
        package let changes: [FieldChange]

        /// The SEQUENCE the remote event has (0 without one); a write uses one more.
        package var remoteSequence: Int {
            remote.flatMap { $0.property(.sequence).flatMap { Int($0.value) } } ?? 0
        }
    }

    /// Every planned or managed event, in start order then UID.
    package let entries: [Entry]
    /// Events on the remote side that rota does not manage: counted, never touched.
    package let foreignCount: Int

    /// Whether the remote side equals the plan.
    package var isInSync: Bool { entries.allSatisfy { $0.action == .keep } }

    /// The entries with this action.
    package func entries(_ action: Action) -> [Entry] { entries.filter { $0.action == action } }
}
