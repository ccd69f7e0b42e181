extension TeamConfig {
    /// The config with the holidays read from its `holidays.calendars` added.
    ///
    /// Each calendar's `major` ids are checked now that its holidays are known; an imported holiday
    /// whose id is already a holiday of the config is an error, since both would count.
    /// - Parameter imported: For each entry of `holidays.calendars`, in order, the holidays read from it.
    /// - Returns: The config with the imported holidays as rules, major where the calendar says so.
    /// - Throws: `ConfigError` naming each unknown major id or clashing id at its place in the config.
    package func addingHolidays(_ imported: [[ImportedHoliday]]) throws(ConfigError) -> TeamConfig {
        var diagnostics: [Diagnostic] = []
        var rules = holidays.rules
        for (source, holidays) in zip(holidays.calendars, imported) {
            let ids = holidays.map(\.id)
            for major in source.major where !ids.contains(major.id) {
                let names = ids.map(\.rawValue)
                diagnostics.append(
                    Diagnostic(
                        location: major.location,
                        message: "'\(major.id)' is not a holiday of \(source.source)",
                        hint: DidYouMean.suggestion(for: major.id.rawValue, among: names).map {
                            "did you mean '\($0)'?"
                        }
                            ?? "its holidays are: \(names.joined(separator: ", "))",
                        sourceLine: major.sourceLine
                    )
                )
            }
            for holiday in holidays {
                if rules.contains(where: { $0.id == holiday.id }) {
                    diagnostics.append(
                        Diagnostic(
                            location: source.location,
                            message: "\(source.source) has a holiday '\(holiday.id)', which the config already has",
                            hint:
                                "use builtin: none, or exclude the built-in one, when a calendar brings the same holiday"
                        )
                    )
                    continue
                }
                rules.append(
                    HolidayRule(
                        id: holiday.id,
                        name: holiday.name,
                        periods: [.init(years: 1...9999, rule: .dates(holiday.dates))],
                        observance: .actualDate,
                        major: source.major.contains { $0.id == holiday.id },
                        source: .calendar
                    )
                )
            }
        }
        guard diagnostics.isEmpty else { throw ConfigError(diagnostics: diagnostics) }
        return TeamConfig(
            team: team,
            engineers: engineers,
            pipelines: pipelines,
            ownershipBounds: ownershipBounds,
            rotation: rotation,
            holidays: HolidaySettings(rules: rules),
            holidayPolicy: holidayPolicy,
            policy: policy,
            overrides: overrides,
            feeds: feeds,
            runbooks: runbooks
        )
    }
}
