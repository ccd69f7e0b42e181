import ICalendar

extension Weekday {
    /// The name a config writes (`monday` to `sunday`).
    package var configName: String { englishName.lowercased() }

    /// The English name with a capital, for tables and messages.
    package var displayName: String { englishName }
}
