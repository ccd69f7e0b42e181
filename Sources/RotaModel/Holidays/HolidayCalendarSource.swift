/// An iCalendar holiday calendar the config names (`holidays.calendars`): a file beside the config or
/// an http(s) URL, whose all-day events join the holidays once the command has read it.
///
/// The loader cannot read it (RotaModel does no I/O), so it keeps where each `major` entry was written
/// and checks those ids when the calendar's holidays are added with `TeamConfig.addingHolidays`.
package struct HolidayCalendarSource: Hashable, Sendable {
    package let source: String
    /// Ids of this calendar's holidays to mark major, with where each is written.
    package let major: [LocatedHolidayID]
    package let location: SourceLocation

    package var isURL: Bool { source.hasPrefix("https://") || source.hasPrefix("http://") }
}

/// A holiday id and the place in the config that names it.
package struct LocatedHolidayID: Hashable, Sendable {
    package let id: HolidayID
    package let location: SourceLocation
    /// The config line, for quoting under a diagnostic.
    package let sourceLine: String?
}

/// A holiday read from an iCalendar calendar: its id (from the event's SUMMARY), name and dates.
package struct ImportedHoliday: Hashable, Sendable {
    package let id: HolidayID
    package let name: String
    /// Sorted, without repeats.
    package let dates: [LocalDate]

    package init(id: HolidayID, name: String, dates: [LocalDate]) {
        self.id = id
        self.name = name
        self.dates = Array(Set(dates)).sorted()
    }
}
