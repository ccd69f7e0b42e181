package import Foundation
package import ICalendar
package import RotaModel

/// The days `rota push` and `rota diff` compare on a CalDAV calendar: events that start in them are the
/// plan's business; events before or after are history or the future, never deleted, never reported.
///
/// Days are compared as dates. The start day of an event is the date its DTSTART names as written (in its
/// own zone, or UTC for a `Z` time), read by the iCalendar reader: a DTSTART that is no date is in no
/// window, where comparing its first eight characters as text could place `2026113X` between two days.
package struct SyncWindow: Hashable, Sendable {
    /// First and last day, both included.
    package let days: ClosedRange<LocalDate>

    package init(_ days: ClosedRange<LocalDate>) {
        self.days = days
    }

    /// The day an event starts on, as its DTSTART writes it; nil without a readable DTSTART.
    package static func startDay(of event: Component) -> LocalDate? {
        guard let property = event.property(.dtStart), let start = try? DateTimeValue(property: property) else {
            return nil
        }
        return start.civilDay
    }

    /// Whether `event` starts on one of the window's days.
    package func containsStart(of event: Component) -> Bool {
        guard let day = Self.startDay(of: event) else { return false }
        return days.contains(day)
    }

    /// The window as instants for a CalDAV time-range query (RFC 4791 §9.9).
    ///
    /// From midnight UTC of the first day minus a day, to midnight UTC after the last day plus a day. The
    /// margin covers every zone's offset (±14 h); reconcile filters by start day afterwards.
    package var queryInstants: (start: Date, end: Date) {
        let day: TimeInterval = 86_400
        func midnight(_ date: LocalDate) -> Date {
            Date(timeIntervalSince1970: TimeInterval(date.daysSinceEpoch) * day)
        }
        return (
            midnight(days.lowerBound).addingTimeInterval(-day), midnight(days.upperBound).addingTimeInterval(2 * day)
        )
    }
}
