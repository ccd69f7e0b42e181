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

    /// One event's decision and what it was decided on; see ``Decision``.
    package struct Entry: Sendable {
        package let uid: String
        package let decision: Decision

        package var action: Action {
            switch decision {
            case .create: .create
            case .update: .update
            case .delete: .delete
            case .drift: .drift
            case .keep: .keep
            }
        }

        /// The resource on the server (relative to nothing: as the listing gave it); nil for a feed
        /// event or an event to create (see ``Reconciler/resourceName(for:)``).
        package var href: String? { remoteCopy?.href }
        /// The ETag the listing gave the remote resource; nil for a feed event or an event to create.
        package var etag: String? { remoteCopy?.etag }

        /// The event as planned (without SEQUENCE and DTSTAMP); nil when the plan does not have it.
        package var planned: Component? {
            switch decision {
            case .create(let planned), .update(let planned, _, _), .keep(let planned, _): planned
            case .drift(let planned, _, _): planned
            case .delete: nil
            }
        }

        /// The event on the remote side; nil when it is missing there.
        package var remote: Component? { remoteCopy?.event }

        /// The fields that differ, remote -> planned; empty for create, delete and keep.
        package var changes: [FieldChange] {
            switch decision {
            case .update(_, _, let changes), .drift(_, _, let changes): changes
            case .create, .delete, .keep: []
            }
        }

        /// The SEQUENCE the remote event has (0 without one); a write uses one more.
        package var remoteSequence: Int {
            remote.flatMap { $0.property(.sequence).flatMap { Int($0.value) } } ?? 0
        }

        private var remoteCopy: RemoteCopy? {
            switch decision {
            case .create: nil
            case .update(_, let remote, _), .delete(let remote), .drift(_, let remote, _), .keep(_, let remote):
                remote
            }
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
