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
    /// The UTC years of its zoned start and end, for the VTIMEZONE of a feed; nil for an all-day event.
    let years: ClosedRange<Int>?

    /// Writes `component`, and reads the years of its instants with `calendar`
    /// (see `EventComponent.instants(of:calendar:)`).
    init(_ component: Component, feeds: [String], sortKey: String, calendar: Calendar) {
        self.feeds = feeds
        self.sortKey = sortKey
        let bytes = ICalendarWriter.write(component)
        self.bytes = bytes
        bytesWithoutAlarms = Self.withoutAlarms(component, written: bytes)
        let instants = EventComponent.instants(of: component, calendar: calendar)
        if let first = instants.min(), let last = instants.max() {
            years = TimeZoneComponent.year(of: first)...TimeZoneComponent.year(of: last)
        } else {
            years = nil
        }
    }

    /// An event of the plan, written already with its revision.
    init(_ revised: RevisedEvent, feeds: [String], sortKey: String, years: ClosedRange<Int>?) {
        self.feeds = feeds
        self.sortKey = sortKey
        bytes = revised.bytes
        bytesWithoutAlarms = revised.bytesWithoutAlarms
        self.years = years
    }

    /// `ICalendarWriter.write(EventComponent.withoutAlarms(component))`, cut from `bytes` (the component written)
    /// when its sub-components are VALARMs only.
    ///
    /// The writer puts sub-components after the properties, each written on its own, then the END line:
    /// when `bytes` ends in the alarms' own bytes and that line, what comes before is the component without them.
    static func withoutAlarms(_ component: Component, written bytes: [UInt8]) -> [UInt8] {
        guard component.components.contains(where: { $0.name == "VALARM" }) else { return bytes }
        let end = Array("END:\(component.name)\r\n".utf8)
        let alarms = component.components.flatMap { $0.name == "VALARM" ? ICalendarWriter.write($0) : [] }
        let cut = bytes.count - alarms.count - end.count
        guard component.components.allSatisfy({ $0.name == "VALARM" }),
            component.name.utf8.allSatisfy({ (0x41...0x5A).contains($0) }), cut > 0,
            bytes[cut...].elementsEqual(alarms + end)
        else { return ICalendarWriter.write(EventComponent.withoutAlarms(component)) }
        return Array(bytes[..<cut]) + end
    }
}
