import Foundation
import ICalendar
import RotaModel

extension EventComponent {
    /// The UTC years of the event's zoned start and end, as a feed's VTIMEZONE counts them: the years of
    /// ``instants(of:calendar:)`` of its VEVENT (see `TimeZoneComponent.year(of:)`); nil for an all-day event.
    ///
    /// A VTIMEZONE covers whole years, so a feed needs only the years of its events, not their instants. A
    /// wall-clock time two days or more from New Year is in its own UTC year whatever the zone (UTC offsets
    /// stay within 16 hours, and the longest gap, Samoa's skipped 30 December 2011, is one day), so only
    /// times near New Year, and values the reader would not take back as they are, ask the calendar.
    /// Converting every start and end through Foundation's calendar was ~3% of a 500-team export.
    static func years(of event: FeedEvent, calendar: Calendar) -> ClosedRange<Int>? {
        switch (quickYear(of: event.start), quickYear(of: event.end)) {
        case (.known(let start), .known(let end)): min(start, end)...max(start, end)
        case (.known(let year), .none), (.none, .known(let year)): year...year
        case (.none, .none): nil
        case (.ask, _), (_, .ask): slowYears(of: event, calendar: calendar)
        }
    }

    /// What the wall clock alone says about the UTC year of a value.
    private enum QuickYear {
        /// Not a zoned time: no instant counts.
        case none
        case known(Int)
        /// Near New Year, or not a value the reader takes back as it is: ask the calendar.
        case ask
    }

    private static func quickYear(of value: DateTimeValue) -> QuickYear {
        guard case .zoned(_, let parts) = value else { return .none }
        return yearAwayFromNewYear(parts).map { .known($0) } ?? .ask
    }

    /// The year of `parts` when they are a real Gregorian time at least two days from New Year, else nil.
    private static func yearAwayFromNewYear(_ parts: DateTimeValue.LocalParts) -> Int? {
        // From 1600 the calendar is Gregorian all along (Foundation's switches from Julian in 1582).
        guard (1600...9998).contains(parts.year), (1...12).contains(parts.month), parts.day >= 1,
            parts.day <= CivilDay.daysIn(month: parts.month, year: parts.year), (0...23).contains(parts.hour),
            (0...59).contains(parts.minute), (0...59).contains(parts.second)
        else { return nil }
        let nearNewYear = (parts.month == 1 && parts.day <= 2) || (parts.month == 12 && parts.day >= 30)
        return nearNewYear ? nil : parts.year
    }

    /// ``years(of:calendar:)`` the long way: the instants of the VEVENT's DTSTART and DTEND as written.
    static func slowYears(of event: FeedEvent, calendar: Calendar) -> ClosedRange<Int>? {
        let dates = instants(
            of: Component(
                name: "VEVENT",
                properties: [event.start.property(named: .dtStart), event.end.property(named: .dtEnd)]
            ),
            calendar: calendar
        )
        guard let first = dates.min(), let last = dates.max() else { return nil }
        return TimeZoneComponent.year(of: first)...TimeZoneComponent.year(of: last)
    }
}
