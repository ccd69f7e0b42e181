import ICalendar

/// How a holiday's date is found in a given year.
package enum HolidayDateRule: Hashable, Sendable {
    /// The same month and day every year (December 25).
    case fixed(month: Int, day: Int)
    /// The nth given weekday of a month (`nth` 1...5, or -1 for the last), then `offsetDays` later:
    /// Thanksgiving is the 4th Thursday of November; the day after it is the same rule with offset 1.
    case nthWeekday(month: Int, weekday: Weekday, nth: Int, offsetDays: Int)
    /// One explicit date; the holiday exists only in that date's year.
    case date(LocalDate)
    /// Explicit dates, sorted, as imported from an iCalendar holiday calendar; in a year, the first one.
    case dates([LocalDate])

    /// The holiday's date in `year`, or nil when the rule has none that year (an explicit date in
    /// another year, or a 5th weekday the month does not have).
    package func date(in year: Int) -> LocalDate? {
        switch self {
        case let .fixed(month, day):
            // February 29 exists only in leap years.
            return LocalDate(year: year, month: month, day: day)
        case let .nthWeekday(month, weekday, nth, offsetDays):
            guard let first = LocalDate(year: year, month: month, day: 1) else { return nil }
            let firstMatch = first.adding(days: (weekday.isoNumber - first.weekday.isoNumber + 7) % 7)
            let lastDay = LocalDate.daysIn(month: month, year: year)
            let count = (lastDay - firstMatch.day) / 7 + 1
            let index = nth == -1 ? count - 1 : nth - 1
            guard index >= 0, index < count else { return nil }
            return firstMatch.adding(days: 7 * index + offsetDays)
        case let .date(date):
            return date.year == year ? date : nil
        case let .dates(dates):
            return dates.first { $0.year == year }
        }
    }
}

/// Whether a holiday that falls on a weekend is observed on a nearby weekday.
package enum HolidayObservance: String, Hashable, Sendable {
    /// Observed on its own date, whatever the weekday.
    case actualDate = "actual-date"
    /// US federal practice (5 U.S.C. 6103(b)): Saturday is observed on the Friday before, Sunday on the
    /// Monday after.
    case nearestWeekday = "nearest-weekday"

    package func observedDate(for date: LocalDate) -> LocalDate {
        switch (self, date.weekday) {
        case (.nearestWeekday, .saturday): return date.adding(days: -1)
        case (.nearestWeekday, .sunday): return date.adding(days: 1)
        default: return date
        }
    }
}
