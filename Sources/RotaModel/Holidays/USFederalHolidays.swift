import ICalendar

/// The US federal holidays as OPM publishes them, for 1971 to 2100.
///
/// These are the holidays of title 5, section 6103(a) of the US Code, from 1971, when the Uniform Monday Holiday
/// Act took effect. Inauguration Day is left out: it is a holiday only for federal employees in the Washington, DC
/// area.
package enum USFederalHolidays {
    /// The years these rules are known to describe.
    package static let years: ClosedRange<Int> = 1971...2100

    /// The rules, in calendar order, none of them major; a config marks the major ones.
    package static let rules: [HolidayRule] = [
        rule("new-years-day", "New Year's Day", .fixed(month: 1, day: 1)),
        rule(
            "martin-luther-king-day",
            "Birthday of Martin Luther King, Jr.",
            .nthWeekday(month: 1, weekday: .monday, nth: 3, offsetDays: 0),
            from: 1986
        ),
        rule(
            "washingtons-birthday",
            "Washington's Birthday",
            .nthWeekday(month: 2, weekday: .monday, nth: 3, offsetDays: 0)
        ),
        rule("memorial-day", "Memorial Day", .nthWeekday(month: 5, weekday: .monday, nth: -1, offsetDays: 0)),
        rule(
            "juneteenth",
            "Juneteenth National Independence Day",
            .fixed(month: 6, day: 19),
            from: 2021
        ),
        rule("independence-day", "Independence Day", .fixed(month: 7, day: 4)),
        rule("labor-day", "Labor Day", .nthWeekday(month: 9, weekday: .monday, nth: 1, offsetDays: 0)),
        rule("columbus-day", "Columbus Day", .nthWeekday(month: 10, weekday: .monday, nth: 2, offsetDays: 0)),
        HolidayRule(
            id: HolidayID("veterans-day"),
            name: "Veterans Day",
            periods: [
                .init(years: 1971...1977, rule: .nthWeekday(month: 10, weekday: .monday, nth: 4, offsetDays: 0)),
                .init(years: 1978...years.upperBound, rule: .fixed(month: 11, day: 11)),
            ],
            observance: .nearestWeekday,
            major: false,
            source: .builtIn
        ),
        rule(
            "thanksgiving",
            "Thanksgiving Day",
            .nthWeekday(month: 11, weekday: .thursday, nth: 4, offsetDays: 0)
        ),
        rule("christmas", "Christmas Day", .fixed(month: 12, day: 25)),
    ]

    private static func rule(
        _ id: String,
        _ name: String,
        _ dateRule: HolidayDateRule,
        from firstYear: Int = years.lowerBound
    ) -> HolidayRule {
        HolidayRule(
            id: HolidayID(id),
            name: name,
            periods: [.init(years: firstYear...years.upperBound, rule: dateRule)],
            observance: .nearestWeekday,
            major: false,
            source: .builtIn
        )
    }
}
