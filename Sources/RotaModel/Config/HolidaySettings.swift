/// The holiday calendar a team observes: the built-in rules it keeps plus its own, each marked major or not.
package struct HolidaySettings: Hashable, Sendable {
    /// Every rule in force, built-in first in calendar order, then custom ones in file order, then
    /// those imported from `calendars` once a command has read them.
    package let rules: [HolidayRule]
    /// iCalendar holiday calendars still to be read and added (see `TeamConfig.addingHolidays`).
    package let calendars: [HolidayCalendarSource]

    package init(rules: [HolidayRule], calendars: [HolidayCalendarSource] = []) {
        self.rules = rules
        self.calendars = calendars
    }

    /// The holidays in force in `year`, sorted by date then id.
    package func occurrences(in year: Int) -> [HolidayOccurrence] {
        rules.compactMap { $0.occurrence(in: year) }.sorted { ($0.date, $0.id) < ($1.date, $1.id) }
    }

    package func rule(_ id: HolidayID) -> HolidayRule? {
        rules.first { $0.id == id }
    }
}

/// How holiday shifts are decided (docs/design.md "Scheduling rules").
package struct HolidayPolicy: Hashable, Sendable {
    /// How far ahead a holiday shift is decided and locked (default 3 months).
    package let leadTime: CalendarSpan
    /// Days of PTO a volunteer earns for covering a holiday shift.
    package let volunteerCreditDays: Int
    /// Who offered to cover which holiday in which year, in file order.
    package let volunteers: [VolunteerPledge]
}

/// Engineers who offered to cover one holiday in one year, in order of preference.
package struct VolunteerPledge: Hashable, Sendable {
    package let holiday: HolidayID
    package let year: Int
    package let engineers: [EngineerID]
}
