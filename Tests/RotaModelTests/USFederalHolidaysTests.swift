import ICalendar
import Testing

@testable import RotaModel

/// US federal holidays against the dates OPM publishes (opm.gov, "Federal Holidays"), observed dates
/// included, for 2024-2030.
@Suite struct USFederalHolidaysTests {
    static let ids = [
        "new-years-day", "martin-luther-king-day", "washingtons-birthday", "memorial-day", "juneteenth",
        "independence-day", "labor-day", "columbus-day", "veterans-day", "thanksgiving", "christmas",
    ]

    /// Observed dates as OPM lists them, in the order of `ids`.
    static let published: [Int: [String]] = [
        2024: [
            "2024-01-01", "2024-01-15", "2024-02-19", "2024-05-27", "2024-06-19", "2024-07-04", "2024-09-02",
            "2024-10-14", "2024-11-11", "2024-11-28", "2024-12-25",
        ],
        2025: [
            "2025-01-01", "2025-01-20", "2025-02-17", "2025-05-26", "2025-06-19", "2025-07-04", "2025-09-01",
            "2025-10-13", "2025-11-11", "2025-11-27", "2025-12-25",
        ],
        2026: [
            "2026-01-01", "2026-01-19", "2026-02-16", "2026-05-25", "2026-06-19", "2026-07-03", "2026-09-07",
            "2026-10-12", "2026-11-11", "2026-11-26", "2026-12-25",
        ],
        2027: [
            "2027-01-01", "2027-01-18", "2027-02-15", "2027-05-31", "2027-06-18", "2027-07-05", "2027-09-06",
            "2027-10-11", "2027-11-11", "2027-11-25", "2027-12-24",
        ],
        2028: [
            "2027-12-31", "2028-01-17", "2028-02-21", "2028-05-29", "2028-06-19", "2028-07-04", "2028-09-04",
            "2028-10-09", "2028-11-10", "2028-11-23", "2028-12-25",
        ],
        2029: [
            "2029-01-01", "2029-01-15", "2029-02-19", "2029-05-28", "2029-06-19", "2029-07-04", "2029-09-03",
            "2029-10-08", "2029-11-12", "2029-11-22", "2029-12-25",
        ],
        2030: [
            "2030-01-01", "2030-01-21", "2030-02-18", "2030-05-27", "2030-06-19", "2030-07-04", "2030-09-02",
            "2030-10-14", "2030-11-11", "2030-11-28", "2030-12-25",
        ],
    ]

    static func occurrences(_ year: Int) -> [HolidayOccurrence] {
        HolidaySettings(rules: USFederalHolidays.rules).occurrences(in: year)
    }

    @Test(arguments: 2024...2030)
    func observedDatesMatchOPM(year: Int) throws {
        let expected = try #require(Self.published[year])
        let holidays = Self.occurrences(year)
        #expect(holidays.map(\.id.rawValue) == Self.ids)
        #expect(holidays.map(\.observed.description) == expected)
    }

    @Test func weekendHolidaysKeepTheirDateAndMoveTheirObservance() throws {
        let independence2026 = try #require(Self.occurrences(2026).first { $0.id.rawValue == "independence-day" })
        #expect(independence2026.date.description == "2026-07-04")
        #expect(independence2026.observed.description == "2026-07-03")
        let christmas2027 = try #require(Self.occurrences(2027).first { $0.id.rawValue == "christmas" })
        #expect(christmas2027.date.description == "2027-12-25")
        #expect(christmas2027.observed.description == "2027-12-24")
    }

    @Test func juneteenthStartsIn2021AndKingDayIn1986() {
        #expect(!Self.occurrences(2020).contains { $0.id.rawValue == "juneteenth" })
        #expect(
            Self.occurrences(2021).contains {
                $0.id.rawValue == "juneteenth" && $0.observed.description == "2021-06-18"
            }
        )
        #expect(!Self.occurrences(1985).contains { $0.id.rawValue == "martin-luther-king-day" })
        #expect(
            Self.occurrences(1986).contains {
                $0.id.rawValue == "martin-luther-king-day" && $0.date.description == "1986-01-20"
            }
        )
    }

    /// From 1971 to 1977 Veterans Day was the fourth Monday of October.
    @Test func veteransDayFollowsTheLawOfEachYear() {
        let dates = [1971, 1977, 1978].map { year in
            Self.occurrences(year).first { $0.id.rawValue == "veterans-day" }?.date.description
        }
        #expect(dates == ["1971-10-25", "1977-10-24", "1978-11-11"])
    }

    @Test func everyYearFrom1971To2100IsObservedOnWeekdays() {
        for year in USFederalHolidays.years {
            let holidays = Self.occurrences(year)
            #expect(holidays.count == (year >= 2021 ? 11 : year >= 1986 ? 10 : 9), "year \(year)")
            for holiday in holidays {
                #expect(!holiday.observed.weekday.isWeekend, "\(holiday.id) \(year)")
                #expect(abs(holiday.date.days(until: holiday.observed)) <= 1)
            }
            let thanksgiving = holidays.first { $0.id.rawValue == "thanksgiving" }
            #expect(thanksgiving?.date.weekday == .thursday)
            #expect((22...28).contains(thanksgiving?.date.day ?? 0))
        }
    }
}
