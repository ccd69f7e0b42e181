import Foundation
package import ICalendar
package import RotaModel
package import Scheduler

/// The events rota keeps on a shared CalDAV calendar, and the resources it writes for them.
///
/// The shared calendar holds what the team feed holds (every shift, holiday and holiday backup),
/// without reminders: an alarm on a shared calendar would remind everyone of everyone's shifts.
package enum CalendarPlan {
    /// The planned VEVENTs for `schedule`, without SEQUENCE and DTSTAMP (a write adds them).
    ///
    /// - Parameters:
    ///   - schedule: The plan over the calendar's window.
    ///   - config: The team config.
    /// - Returns: One VEVENT per event of the team feed, in start order.
    package static func events(for schedule: Schedule, config: TeamConfig) -> [Component] {
        FeedPlanner.events(for: schedule, config: config)
            .filter { $0.feeds.contains(FeedNames.team) }
            .map { EventComponent.withoutAlarms(EventComponent.component(for: $0, team: config.team)) }
    }

    /// The iCalendar object rota PUTs for one event: a VCALENDAR with the VTIMEZONE it needs and the
    /// VEVENT stamped with SEQUENCE, DTSTAMP and `X-ROTA-HASH`.
    ///
    /// - Parameters:
    ///   - event: A planned VEVENT (``events(for:config:)``).
    ///   - sequence: The SEQUENCE to write: 0 for a new event, the server's plus one for an update.
    ///   - asOf: Today, as a value: DTSTAMP is its midnight UTC.
    ///   - zone: The rotation's zone, whose VTIMEZONE timed events need.
    /// - Returns: The bytes to PUT.
    package static func resource(for event: Component, sequence: Int, asOf: LocalDate, zone: TimeZoneID) -> [UInt8] {
        var stamped = EventComponent.stamped(event, sequence: sequence, changed: asOf)
        stamped.properties.append(Property(name: .rotaHash, value: ManagedEvent.contentHash(of: event)))
        let calendar = Component(
            name: "VCALENDAR",
            properties: [
                Property(name: "VERSION", value: "2.0"),
                Property(name: "PRODID", value: FeedAssembler.productID),
            ],
            components: EventComponent.timeZones(for: [event], zone: zone) + [stamped]
        )
        return ICalendarWriter.write(calendar)
    }

    /// The VEVENTs of a resource or feed (their recurrence overrides included), or nil when the text
    /// is not iCalendar.
    package static func events(in bytes: [UInt8]) -> [Component]? {
        try? events(reading: bytes)
    }

    /// ``events(in:)``, with the reader's error when the text is not iCalendar.
    ///
    /// - Parameter bytes: An iCalendar resource or feed.
    /// - Returns: Its VEVENTs.
    /// - Throws: The ``ICalendarError`` of ``ICalendarReader/readComponents(_:)``.
    package static func events(reading bytes: [UInt8]) throws(ICalendarError) -> [Component] {
        try ICalendarReader.readComponents(bytes).filter { $0.name == "VCALENDAR" }.flatMap {
            $0.components.filter { $0.name == "VEVENT" }
        }
    }
}
