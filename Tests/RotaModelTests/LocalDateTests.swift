import ICalendar
import RotaTestSupport
import Testing

@testable import RotaModel

@Suite struct LocalDateTests {
    @Test func daysSinceEpochRoundTripsOverCenturies() {
        // 1600-01-01 to 2400-12-31, including 1900 (not leap) and 2000 (leap).
        for days in stride(from: -134_774, through: 157_000, by: 1) {
            let date = LocalDate(daysSinceEpoch: days)
            #expect(date.daysSinceEpoch == days)
            if days > -134_774 {
                let previous = LocalDate(daysSinceEpoch: days - 1)
                #expect(previous < date)
            }
        }
    }

    @Test func knownWeekdays() throws {
        let cases: [(String, Weekday)] = [
            ("1970-01-01", .thursday), ("2000-02-29", .tuesday), ("2026-11-28", .saturday), ("2100-12-31", .friday),
        ]
        for (text, weekday) in cases {
            #expect(try #require(LocalDate(iso: text)).weekday == weekday, "\(text)")
        }
    }

    @Test func parsesOnlyRealDays() {
        #expect(LocalDate(iso: "2026-02-29") == nil)
        #expect(LocalDate(iso: "2028-02-29") != nil)
        #expect(LocalDate(iso: "2026-13-01") == nil)
        #expect(LocalDate(iso: "2026-1-01") == nil)
        #expect(LocalDate(iso: "20260101") == nil)
        #expect(LocalDate(iso: "2026-01-0x") == nil)
    }

    @Test func addingMonthsClampsToTheEndOfShortMonths() throws {
        let january31 = try #require(LocalDate(iso: "2026-01-31"))
        #expect(january31.adding(months: 1).description == "2026-02-28")
        #expect(january31.adding(months: 13).description == "2027-02-28")
        #expect(january31.adding(months: -2).description == "2025-11-30")
    }

    @Test func spansParseShortAndLongForms() {
        #expect(CalendarSpan(text: "3m") == CalendarSpan(count: 3, unit: .months))
        #expect(CalendarSpan(text: "3 months") == CalendarSpan(count: 3, unit: .months))
        #expect(CalendarSpan(text: "12w") == CalendarSpan(count: 12, unit: .weeks))
        #expect(CalendarSpan(text: "1 year") == CalendarSpan(count: 1, unit: .years))
        #expect(CalendarSpan(text: "3x") == nil)
        #expect(CalendarSpan(text: "m") == nil)
        #expect(CalendarSpan(text: "-3d") == nil)
    }

    @Test func localTimesAndDateTimes() {
        #expect(LocalTime(text: "10:00")?.description == "10:00")
        #expect(LocalTime(text: "7:05")?.description == "07:05")
        #expect(LocalTime(text: "24:00") == nil)
        #expect(LocalTime(text: "10:60") == nil)
        #expect(LocalDateTime(text: "2026-12-24T10:00")?.description == "2026-12-24T10:00")
        #expect(LocalDateTime(text: "2026-12-24 10:00")?.description == "2026-12-24T10:00")
        #expect(LocalDateTime(text: "2026-12-24") == nil)
    }

    @Test func suggestionsFindTyposButNotUnrelatedWords() {
        let keys = ["primary", "secondary", "consumers", "upstream_sources"]
        #expect(DidYouMean.suggestion(for: "primry", among: keys) == "primary")
        #expect(DidYouMean.suggestion(for: "secnodary", among: keys) == "secondary")
        #expect(DidYouMean.suggestion(for: "owner", among: keys) == nil)
    }
}
