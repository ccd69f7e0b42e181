import ICalendar
import Testing

@Suite struct RecurrenceRuleTests {
    private func expand(
        _ rule: String,
        from start: DateTimeValue,
        exdates: [DateTimeValue] = [],
        through: DateTimeValue = .date(year: 2030, month: 12, day: 31)
    ) throws -> [String] {
        try RecurrenceRule(parsing: rule).occurrences(of: start, exdates: exdates, through: through).map(\.valueText)
    }

    @Test func thanksgivingIsTheFourthThursdayOfNovember() throws {
        #expect(
            try expand("FREQ=YEARLY;BYMONTH=11;BYDAY=4TH", from: .date(year: 2026, month: 11, day: 26)) == [
                "20261126", "20271125", "20281123", "20291122", "20301128",
            ]
        )
    }

    @Test func memorialDayIsTheLastMondayOfMay() throws {
        #expect(
            try expand("FREQ=YEARLY;BYDAY=-1MO;BYMONTH=5", from: .date(year: 2026, month: 5, day: 25)) == [
                "20260525", "20270531", "20280529", "20290528", "20300527",
            ]
        )
    }

    @Test func countIncludesTheStartAndExcludedDates() throws {
        let start = DateTimeValue.date(year: 2026, month: 12, day: 25)
        #expect(try expand("FREQ=YEARLY;COUNT=3", from: start) == ["20261225", "20271225", "20281225"])
        #expect(
            try expand("FREQ=YEARLY;COUNT=3", from: start, exdates: [.date(year: 2027, month: 12, day: 25)]) == [
                "20261225", "20281225",
            ]
        )
    }

    @Test func untilIsInclusive() throws {
        let start = DateTimeValue.date(year: 2026, month: 7, day: 4)
        #expect(try expand("FREQ=YEARLY;UNTIL=20280704", from: start) == ["20260704", "20270704", "20280704"])
        #expect(try expand("FREQ=YEARLY;UNTIL=20280703T235959Z", from: start) == ["20260704", "20270704"])
    }

    @Test func intervalSkipsPeriods() throws {
        #expect(
            try expand("FREQ=YEARLY;INTERVAL=2;BYMONTH=11;BYDAY=1TU", from: .date(year: 2026, month: 11, day: 3)) == [
                "20261103", "20281107", "20301105",
            ]
        )
        #expect(
            try expand("FREQ=WEEKLY;INTERVAL=2;COUNT=4", from: .date(year: 2026, month: 12, day: 28)) == [
                "20261228", "20270111", "20270125", "20270208",
            ]
        )
        #expect(
            try expand("FREQ=DAILY;INTERVAL=10;COUNT=3", from: .date(year: 2026, month: 2, day: 25)) == [
                "20260225", "20260307", "20260317",
            ]
        )
    }

    @Test func exdatesRemoveDays() throws {
        let exdates: [DateTimeValue] = [.date(year: 2027, month: 5, day: 31), .date(year: 2029, month: 5, day: 28)]
        #expect(
            try expand(
                "FREQ=YEARLY;BYMONTH=5;BYDAY=-1MO",
                from: .date(year: 2026, month: 5, day: 25),
                exdates: exdates,
                through: .date(year: 2029, month: 12, day: 31)
            ) == ["20260525", "20280529"]
        )
    }

    @Test func monthlyRules() throws {
        #expect(
            try expand("FREQ=MONTHLY;BYMONTHDAY=-1;COUNT=4", from: .date(year: 2028, month: 1, day: 31)) == [
                "20280131", "20280229", "20280331", "20280430",
            ]
        )
        // The 31st is skipped in months without one.
        #expect(
            try expand("FREQ=MONTHLY;COUNT=4", from: .date(year: 2026, month: 1, day: 31)) == [
                "20260131", "20260331", "20260531", "20260731",
            ]
        )
        #expect(
            try expand("FREQ=MONTHLY;BYDAY=2MO,-1FR;COUNT=4", from: .date(year: 2026, month: 1, day: 12)) == [
                "20260112", "20260130", "20260209", "20260227",
            ]
        )
        // Friday the 13th: BYDAY limits BYMONTHDAY.
        #expect(
            try expand("FREQ=MONTHLY;BYDAY=FR;BYMONTHDAY=13;COUNT=3", from: .date(year: 2026, month: 2, day: 13)) == [
                "20260213", "20260313", "20261113",
            ]
        )
        #expect(
            try expand("FREQ=MONTHLY;BYMONTH=1,7;BYMONTHDAY=1;COUNT=3", from: .date(year: 2026, month: 1, day: 1)) == [
                "20260101", "20260701", "20270101",
            ]
        )
    }

    @Test func weeklyAndDailyRules() throws {
        #expect(
            try expand("FREQ=WEEKLY;BYDAY=MO,FR;COUNT=5", from: .date(year: 2026, month: 11, day: 23)) == [
                "20261123", "20261127", "20261130", "20261204", "20261207",
            ]
        )
        #expect(
            try expand("FREQ=DAILY;BYMONTH=2;BYDAY=SA,SU;UNTIL=20260301", from: .date(year: 2026, month: 2, day: 1))
                == [
                    "20260201", "20260207", "20260208", "20260214", "20260215", "20260221", "20260222", "20260228",
                ]
        )
    }

    @Test func yearlyWithoutBYMONTHCountsWeekdaysInTheYear() throws {
        #expect(
            try expand("FREQ=YEARLY;BYDAY=20MO;COUNT=3", from: .date(year: 2026, month: 5, day: 18)) == [
                "20260518", "20270517", "20280515",
            ]
        )
        #expect(
            try expand(
                "FREQ=YEARLY;COUNT=3",
                from: .date(year: 2028, month: 2, day: 29),
                through: .date(year: 2040, month: 1, day: 1)
            ) == [
                "20280229", "20320229", "20360229",
            ]
        )
    }

    @Test func limitEndsTheExpansion() throws {
        #expect(
            try expand(
                "FREQ=DAILY",
                from: .date(year: 2026, month: 1, day: 1),
                through: .date(year: 2026, month: 1, day: 3)
            ).count == 3
        )
        #expect(
            try expand(
                "FREQ=DAILY",
                from: .date(year: 2026, month: 1, day: 5),
                through: .date(year: 2026, month: 1, day: 3)
            ).isEmpty
        )
    }

    @Test func extremeHandBuiltValuesDoNotCrash() throws {
        let rule = RecurrenceRule(frequency: .yearly, end: .until(.date(year: Int.max, month: 99, day: Int.max)))
        let days = try rule.occurrences(
            of: .date(year: 9998, month: 12, day: 31),
            exdates: [.date(year: Int.min, month: Int.max, day: Int.max)],
            through: .date(year: Int.max, month: Int.max, day: Int.max)
        )
        #expect(days.map(\.valueText) == ["99981231", "99991231"])
        #expect(throws: ICalendarError.self) {
            try rule.occurrences(
                of: .date(year: Int.max, month: 1, day: 1),
                exdates: [],
                through: .date(year: 1, month: 1, day: 1)
            )
        }
        #expect(throws: ICalendarError.self) {
            try RecurrenceRule(frequency: .daily, interval: Int.max).occurrences(
                of: .date(year: 2026, month: 1, day: 1),
                exdates: [],
                through: .date(year: 2027, month: 1, day: 1)
            )
        }
    }

    @Test func parsesAndPrintsCanonically() throws {
        let rule = try RecurrenceRule(parsing: "byday=+4th;bymonth=11;freq=yearly;interval=1")
        #expect(rule.description == "FREQ=YEARLY;BYMONTH=11;BYDAY=4TH")
        #expect(rule.byDay == [.init(.thursday, ordinal: 4)])
        let full = "FREQ=MONTHLY;UNTIL=20261231T000000Z;INTERVAL=2;BYMONTH=1,2;BYMONTHDAY=1,-1;BYDAY=MO,-1SU;WKST=SU"
        #expect(try RecurrenceRule(parsing: full).description == full)
        let reordered =
            "WKST=SU;BYDAY=MO,-1SU;BYMONTHDAY=1,-1;BYMONTH=1,2;INTERVAL=2;UNTIL=20261231T000000Z;FREQ=MONTHLY"
        #expect(try RecurrenceRule(parsing: reordered) == RecurrenceRule(parsing: full))
    }

    static let unsupported = [
        "FREQ=YEARLY;BYSETPOS=-1", "FREQ=YEARLY;BYWEEKNO=20", "FREQ=YEARLY;BYYEARDAY=100", "FREQ=DAILY;BYHOUR=9",
        "FREQ=HOURLY", "FREQ=MINUTELY;INTERVAL=15", "FREQ=DAILY;BYSECOND=1",
    ]

    @Test(arguments: unsupported)
    func unsupportedPartsSaySo(_ text: String) {
        do {
            _ = try RecurrenceRule(parsing: text)
            Issue.record("\(text) should be refused")
        } catch {
            #expect(error.isSameKind(as: .unsupportedRecurrence), "\(error)")
            #expect(error.message.contains("not supported"))
        }
    }

    static let invalid = [
        "", "BYMONTH=1", "FREQ=FORTNIGHTLY", "FREQ=YEARLY;COUNT=2;UNTIL=20260101", "FREQ=YEARLY;BYMONTH=13",
        "FREQ=MONTHLY;BYMONTHDAY=0", "FREQ=WEEKLY;BYMONTHDAY=1", "FREQ=DAILY;BYDAY=1MO", "FREQ=MONTHLY;BYDAY=6MO",
        "FREQ=YEARLY;INTERVAL=0", "FREQ=YEARLY;COUNT=-1", "FREQ=YEARLY;FREQ=DAILY", "FREQ=YEARLY;BYDAY=XX",
        "FREQ=YEARLY;UNTIL=2026", "FREQ=YEARLY;BOGUS=1", "FREQ=YEARLY;COUNT",
        "FREQ=YEARLY;INTERVAL=99999999999999999999",
    ]

    @Test(arguments: invalid)
    func invalidRulesAreRefused(_ text: String) {
        do {
            _ = try RecurrenceRule(parsing: text)
            Issue.record("\(text) should be refused")
        } catch {
            #expect(error.isSameKind(as: .invalidRecurrence), "\(error)")
        }
    }

    @Test func timedStartsAreRefused() throws {
        let rule = try RecurrenceRule(parsing: "FREQ=DAILY")
        #expect(throws: ICalendarError.self) {
            try rule.occurrences(
                of: .utc(.init(year: 2026, month: 1, day: 1, hour: 9, minute: 0)),
                exdates: [],
                through: .date(year: 2026, month: 2, day: 1)
            )
        }
    }
}
