/// One holiday as the config knows it: its identity, how to find its date each year, and whether it
/// is major (a shift containing a major holiday is a holiday shift, decided a lead time ahead).
package struct HolidayRule: Hashable, Sendable {
    /// A span of years during which one date rule holds.
    ///
    /// Laws change dates: Veterans Day was the fourth Monday of October from 1971 to 1977 and November 11 before and
    /// after.
    package struct Period: Hashable, Sendable {
        package let years: ClosedRange<Int>
        package let rule: HolidayDateRule

        package init(years: ClosedRange<Int>, rule: HolidayDateRule) {
            self.years = years
            self.rule = rule
        }
    }

    package enum Source: String, Hashable, Sendable {
        case builtIn = "built-in"
        case custom
        /// Read from an iCalendar holiday calendar (`holidays.calendars`).
        case calendar
    }

    package let id: HolidayID
    package let name: String
    package let periods: [Period]
    package let observance: HolidayObservance
    package var major: Bool
    package let source: Source

    package init(
        id: HolidayID,
        name: String,
        periods: [Period],
        observance: HolidayObservance,
        major: Bool,
        source: Source
    ) {
        self.id = id
        self.name = name
        self.periods = periods
        self.observance = observance
        self.major = major
        self.source = source
    }

    /// The holiday's occurrence in `year`, or nil when it is not in force that year.
    package func occurrence(in year: Int) -> HolidayOccurrence? {
        guard let period = periods.first(where: { $0.years.contains(year) }),
            let date = period.rule.date(in: year)
        else { return nil }
        return HolidayOccurrence(
            id: id,
            name: name,
            date: date,
            observed: observance.observedDate(for: date),
            major: major,
            source: source
        )
    }
}

/// A holiday on a particular day: its actual date and the weekday on which it is observed.
package struct HolidayOccurrence: Hashable, Sendable {
    package let id: HolidayID
    package let name: String
    package let date: LocalDate
    package let observed: LocalDate
    package let major: Bool
    package let source: HolidayRule.Source
}
