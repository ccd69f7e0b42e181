import Foundation
import ICalendar

/// One event as the feeds carry it, written once: a feed export puts the same event into the team feed,
/// an engineer's feed and the state file, and writing it again for each was most of an export's time.
struct PublishedEvent {
    /// The feeds that carry it.
    let feeds: [String]
    /// Start, then UID: the order of events in a feed.
    let sortKey: String
    /// The VEVENT's bytes, as `ICalendarWriter.write` makes them: what engineer feeds carry.
    let bytes: [UInt8]
    /// The VEVENT's bytes without its VALARMs: what the shared feeds carry (the same bytes when it has none).
    let bytesWithoutAlarms: [UInt8]
    /// The instants of its zoned start and end, for the VTIMEZONE of a feed; nil for an all-day event.
    let span: ClosedRange<Date>?

    /// Writes `component`, and reads its instants with `calendar` (see `EventComponent.instants(of:calendar:)`).
    init(_ component: Component, feeds: [String], sortKey: String, calendar: Calendar) {
        self.feeds = feeds
        self.sortKey = sortKey
        bytes = ICalendarWriter.write(component)
        bytesWithoutAlarms =
            component.components.contains { $0.name == "VALARM" }
            ? ICalendarWriter.write(EventComponent.withoutAlarms(component)) : bytes
        let instants = EventComponent.instants(of: component, calendar: calendar)
        if let first = instants.min(), let last = instants.max() {
            span = first...last
        } else {
            span = nil
        }
    }
}
