import Foundation
import ICalendar
import RotaModel
import Testing

@testable import RotaSync

/// Public holiday calendars as Google and Apple publish them become holidays with all their dates.
@Suite struct HolidayImportTests {
    static func fixture(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: FeedTests.root.appendingPathComponent("fixtures/ics/holidays/\(name)")))
    }

    @Test func googleStyleOneEventPerYear() throws {
        let holidays = try HolidayImport.holidays(from: try Self.fixture("google-us-holidays.ics"))
        let christmas = try #require(holidays.first { $0.id.rawValue == "christmas-day" })
        #expect(christmas.name == "Christmas Day")
        #expect(christmas.dates.map(\.description).contains("2026-12-25"))
        #expect(holidays.contains { $0.id.rawValue == "new-years-day" })
        #expect(holidays.contains { $0.id.rawValue == "martin-luther-king-jr-day" })
        // Sorted by first date.
        #expect(holidays.map(\.dates[0]) == holidays.map(\.dates[0]).sorted())
    }

    @Test func appleStyleRecurrencesWithExceptions() throws {
        let holidays = try HolidayImport.holidays(from: try Self.fixture("apple-uk-holidays.ics"))
        let spring = try #require(holidays.first { $0.id.rawValue == "spring-bank-holiday" })
        // The last Monday of May, except the years it moved (2012, 2022).
        #expect(spring.dates.contains { $0.description == "2026-05-25" })
        #expect(!spring.dates.contains { $0.description == "2022-05-30" })
        let summer = try #require(holidays.first { $0.id.rawValue == "summer-bank-holiday" })
        #expect(summer.dates.last?.year == 2030)  // UNTIL=20301231
        let newYear = try #require(holidays.first { $0.id.rawValue == "new-years-day" })
        #expect(newYear.dates.count == 30)  // COUNT=30
        #expect(newYear.dates.first?.description == "2010-01-01")
    }

    @Test func identifiersComeFromNames() {
        #expect(HolidayImport.identifier(for: "New Year's Day") == "new-years-day")
        #expect(HolidayImport.identifier(for: "Early May Bank Holiday (VE Day)") == "early-may-bank-holiday-ve-day")
        #expect(HolidayImport.identifier(for: "1st of May") == "holiday-1st-of-may")
        #expect(HolidayImport.identifier(for: "Fête nationale") == "f-te-nationale")
    }

    @Test func aBrokenCalendarIsAnErrorWithItsLine() throws {
        let broken = Array("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nSUMMARY Christmas\r\n".utf8)
        #expect(throws: (any Error).self) { try HolidayImport.holidays(from: broken) }
    }
}
