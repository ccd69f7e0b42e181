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

    package let uid: String
    package let kind: Kind
    package let start: DateTimeValue
    package let end: DateTimeValue
    package let summary: String
    package let description: String
    package let categories: [String]
    /// Minutes before the start at which calendars remind; nil for no alarm.
    package let alarmMinutesBefore: Int?
    /// The feeds that carry this event (`team`, `engineer-chen`, `pipeline-aggregate-profit`).
    package let feeds: [String]
    /// `X-ROTA-*` markers besides the team: what the event is about, for tools and for `rota diff`.
    package let markers: [Property]
}
