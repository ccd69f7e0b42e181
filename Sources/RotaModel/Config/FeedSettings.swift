/// What the iCalendar feeds are called and which stretch of time they cover.
package struct FeedSettings: Hashable, Sendable {
    /// The right-hand side of every event UID (`<rotation>-<yyyymmdd>@<uidDomain>`); never change it
    /// once people subscribe, or their calendars see every event as new.
    package let uidDomain: String
    package let calendarName: String
    package let windowPast: CalendarSpan
    package let windowFuture: CalendarSpan
    /// How many minutes before a hand-off the engineer's feed reminds them; nil for no reminder.
    package let reminderMinutes: Int?

    /// The days the feeds and the shared calendar cover on `asOf`: `window.past` before it through
    /// `window.future` after it.
    package func window(around asOf: LocalDate) -> (start: LocalDate, end: LocalDate) {
        (windowPast.added(to: asOf, direction: -1), windowFuture.added(to: asOf))
    }
}
