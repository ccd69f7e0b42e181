package import ICalendar
import RotaModel

/// One calendar event rota publishes, before it is written into the feeds that carry it.
///
/// Its `uid` belongs to what it describes (a shift, a holiday, a backup), never to who is on call, so
/// when a swap changes the engineer, subscribed calendars update the event in place.
package struct FeedEvent: Hashable, Sendable {
    package enum Kind: String, Hashable, Sendable {
        case shift, backup, holiday
    }

    /// How firm the event is, as its `STATUS` says (RFC 5545 §3.8.1.11); `CANCELLED` is not here, as
    /// only ``FeedAssembler`` cancels, when an event leaves the plan or a feed.
    package enum Status: String, Hashable, Sendable {
        /// Settled: the shift starts inside the lock window or is locked in the ledger (see ``LockWindow``).
        case confirmed = "CONFIRMED"
        /// Planned, but may still change before it comes inside the lock window.
        case tentative = "TENTATIVE"
    }

    package let uid: String
    package let kind: Kind
    package let start: DateTimeValue
    package let end: DateTimeValue
    package let summary: String
    package let description: String
    package let categories: [String]
    package let status: Status
    /// Minutes before the start at which calendars remind; nil for no alarm.
    package let alarmMinutesBefore: Int?
    /// The feeds that carry this event (`team`, `engineer-chen`, `pipeline-aggregate-profit`).
    package let feeds: [String]
    /// `X-ROTA-*` markers besides the team: what the event is about, for tools and for `rota diff`.
    package let markers: [Property]
}
