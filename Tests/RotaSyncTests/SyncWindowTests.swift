import Foundation
import ICalendar
import RotaModel
import Testing

@testable import RotaSync

/// Which events `rota push` and `rota diff` look at: those starting on a day of the window, compared as dates.
@Suite struct SyncWindowTests {
    static func day(_ text: String) throws -> LocalDate { try #require(LocalDate(iso: text)) }

    static func window() throws -> SyncWindow { SyncWindow(try day("2026-11-01")...(try day("2027-01-31"))) }

    static func event(_ line: String) throws -> Component {
        let text = "BEGIN:VEVENT\r\nUID:a@example.com\r\n\(line)\r\nEND:VEVENT\r\n"
        return try #require(try ICalendarReader.readComponents(Array(text.utf8)).first)
    }

    @Test(arguments: [
        ("DTSTART;VALUE=DATE:20261101", true),  // first day
        ("DTSTART;VALUE=DATE:20261031", false),  // the day before
        ("DTSTART;VALUE=DATE:20270131", true),  // last day
        ("DTSTART;VALUE=DATE:20270201", false),  // the day after
        ("DTSTART;TZID=America/New_York:20270131T235900", true),  // the date as written, in its zone
        ("DTSTART:20261031T235959Z", false),
        ("DTSTART:20261101T000000Z", true),
        ("dtstart:20261215T100000", true),  // property names in any case
    ])
    func anEventIsInTheWindowWhenItStartsOnOneOfItsDays(line: String, inside: Bool) throws {
        #expect(try Self.window().containsStart(of: try Self.event(line)) == inside)
    }

    /// Comparing the first eight characters of DTSTART as text put `2026113X` between `20261101` and
    /// `20270131`; it is no date, so the event is in no window (and reconcile leaves it alone).
    @Test func aStartThatIsNoDateIsInNoWindow() throws {
        let garbled = Component(
            name: "VEVENT",
            properties: [Property(name: .uid, value: "a@example.com"), Property(name: .dtStart, value: "2026113X")]
        )
        #expect("20261101"..."20270131" ~= "2026113X")  // what the string comparison said
        #expect(SyncWindow.startDay(of: garbled) == nil)
        #expect(try !Self.window().containsStart(of: garbled))
        #expect(try !Self.window().containsStart(of: Component(name: "VEVENT")))
    }

    @Test func theQueryCoversEveryZoneOfTheFirstAndLastDay() throws {
        let instants = try Self.window().queryInstants
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .gmt
        let start = calendar.dateComponents([.year, .month, .day, .hour], from: instants.start)
        let end = calendar.dateComponents([.year, .month, .day, .hour], from: instants.end)
        #expect([start.year, start.month, start.day, start.hour] == [2026, 10, 31, 0])
        #expect([end.year, end.month, end.day, end.hour] == [2027, 2, 2, 0])
    }
}
