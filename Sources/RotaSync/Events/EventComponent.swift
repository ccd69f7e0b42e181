import Foundation
import ICalendar
import RotaModel

/// Builds the VEVENT of a `FeedEvent`, and revises published ones (SEQUENCE, DTSTAMP, cancellation).
enum EventComponent {
    /// The event without SEQUENCE and DTSTAMP: what its content hash covers.
    ///
    /// `STATUS` is content: a shift that comes inside the lock window turns from `TENTATIVE` to
    /// `CONFIRMED`, a change that calendars see with a higher SEQUENCE.
    static func component(for event: FeedEvent, team: String) -> Component {
        var properties = [
            Property(name: .uid, value: event.uid),
            event.start.property(named: .dtStart),
            event.end.property(named: .dtEnd),
            Property(name: .summary, value: event.summary),
            Property(name: .description, value: event.description),
            Property(name: .categories, textList: event.categories),
            Property(name: .status, value: event.status.rawValue),
            Property(name: .transparency, value: "TRANSPARENT"),
            Property(name: .rotaTeam, value: team),
        ]
        properties += event.markers
        var alarms: [Component] = []
        if let minutes = event.alarmMinutesBefore {
            alarms.append(
                Component(
                    name: "VALARM",
                    properties: [
                        Property(name: .action, value: "DISPLAY"),
                        Property(name: .trigger, value: duration(minutesBefore: minutes)),
                        Property(name: .description, value: event.summary),
                    ]
                )
            )
        }
        return Component(name: "VEVENT", properties: properties, components: alarms)
    }

    /// `body` with its revision: SEQUENCE, and DTSTAMP at midnight UTC of the day the content last changed.
    ///
    /// Any SEQUENCE and DTSTAMP `body` has are replaced; its STATUS is content and stays.
    static func stamped(_ body: Component, sequence: Int, changed day: LocalDate) -> Component {
        var component = body
        component.properties.removeAll { $0.hasName(.sequence) || $0.hasName(.dtStamp) }
        component.properties.insert(contentsOf: stamp(sequence: sequence, changed: day), at: 1)
        return component
    }

    /// DTSTAMP at midnight UTC of `day`, then SEQUENCE: the properties ``stamped(_:sequence:changed:)`` adds.
    static func stamp(sequence: Int, changed day: LocalDate) -> [Property] {
        [
            stampValue(day).property(named: .dtStamp),
            Property(name: .sequence, value: String(sequence)),
        ]
    }

    /// DTSTAMP's value: midnight UTC of `day`.
    static func stampValue(_ day: LocalDate) -> DateTimeValue {
        .utc(.init(year: day.year, month: day.month, day: day.day, hour: 0, minute: 0))
    }

    /// A published event again, as STATUS:CANCELLED (instead of the STATUS it had) without its alarm.
    static func cancelled(_ old: Component, sequence: Int, changed: LocalDate) -> Component {
        var component = stamped(old, sequence: sequence, changed: changed)
        component.removeProperties(named: .status)
        component.properties.append(Property(name: .status, value: "CANCELLED"))
        component.components.removeAll { $0.name == "VALARM" }
        return component
    }

    /// `-P1D`, `-PT2H`, `-PT15M`: a trigger before the start (RFC 5545 §3.8.6.3), in the largest unit
    /// that divides it.
    static func duration(minutesBefore minutes: Int) -> String {
        let days = minutes % (24 * 60) == 0 ? minutes / (24 * 60) : 0
        let rest = days > 0 ? 0 : minutes
        return DurationValue(
            days: days,
            hours: rest % 60 == 0 ? rest / 60 : 0,
            minutes: rest % 60 == 0 ? 0 : rest,
            isNegative: true
        )
        .description
    }

    /// The last day an event touches (an all-day end is exclusive).
    static func lastDay(of end: DateTimeValue) -> LocalDate {
        switch end {
        case .date: end.civilDay.adding(days: -1)
        case .floating, .utc, .zoned: end.civilDay
        }
    }

    /// Sorts events by start, then UID; all-day events first on their day.
    static func sortKey(_ start: DateTimeValue, uid: String) -> String {
        "\(startText(start)) \(uid)"
    }

    static func startKey(of component: Component) -> String {
        guard let start = component.property(.dtStart) else { return "" }
        return start.parameter("VALUE") == "DATE" ? start.value + "T000000-" : start.value
    }

    /// ``startKey(of:)`` of a VEVENT whose DTSTART is `value`, without building one: only a DATE has
    /// `VALUE=DATE`.
    private static func startText(_ value: DateTimeValue) -> String {
        if case .date = value { return value.valueText + "T000000-" }
        return value.valueText
    }

    /// The VTIMEZONE a calendar holding `events` needs: `zone` over the span of their timed instants;
    /// empty when they are all-day events only.
    static func timeZones(for events: [Component], zone: TimeZoneID) -> [Component] {
        let calendar = calendar(in: zone.timeZone)
        let dates = events.flatMap { instants(of: $0, calendar: calendar) }
        guard let first = dates.min(), let last = dates.max(),
            let timeZone = TimeZoneComponent.component(
                tzid: zone.identifier,
                zone: zone.timeZone,
                covering: first...last
            )
        else { return [] }
        return [timeZone]
    }

    /// The event without its VALARMs: reminders belong to the person on call, not to shared calendars.
    static func withoutAlarms(_ event: Component) -> Component {
        var event = event
        event.components.removeAll { $0.name == "VALARM" }
        return event
    }

    /// The Gregorian calendar in `zone` that ``instants(of:calendar:)`` reads wall-clock times with.
    static func calendar(in zone: TimeZone) -> Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return calendar
    }

    /// The instants of the event's DTSTART and DTEND in `calendar`'s zone, for the VTIMEZONE a calendar needs.
    ///
    /// Only zoned times count (rota writes its timed events in the rotation's zone); their values are read by
    /// the iCalendar reader, so a value that is no DATE-TIME is left out rather than read as year 0.
    static func instants(of event: Component, calendar: Calendar) -> [Date] {
        [PropertyName.dtStart, .dtEnd].compactMap { name -> Date? in
            guard let property = event.property(name),
                case .zoned(_, let parts)? = try? DateTimeValue(property: property)
            else { return nil }
            return calendar.date(
                from: DateComponents(
                    year: parts.year,
                    month: parts.month,
                    day: parts.day,
                    hour: parts.hour,
                    minute: parts.minute
                )
            )
        }
    }
}
