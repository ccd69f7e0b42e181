import Foundation
import ICalendar
import RotaModel
import RotaTestSupport
import Testing

@testable import RotaSync

/// The years of an event's instants, read from its wall-clock times.
///
/// A feed's VTIMEZONE covers the UTC years of its events' instants. The years are read from wall-clock
/// times directly, asking the calendar only near New Year; they must be the years of the instants the
/// calendar gives, DST gaps and overlaps, zones far from UTC and odd values included.
@Suite struct EventYearsTests {
    static func event(start: DateTimeValue, end: DateTimeValue) -> FeedEvent {
        FeedEvent(
            uid: "u",
            kind: .shift,
            start: start,
            end: end,
            summary: "",
            description: "",
            categories: [],
            status: .confirmed,
            alarmMinutesBefore: nil,
            feeds: [],
            markers: []
        )
    }

    static let zones = [
        "America/New_York", "Pacific/Kiritimati", "Pacific/Pago_Pago", "Pacific/Apia", "Asia/Kolkata",
        "Europe/London", "Australia/Lord_Howe", "UTC",
    ]

    /// Every hour of three years, in zones from UTC-11 to UTC+14: 2011 to 2013 (Samoa skipped 30 December
    /// 2011), and Manila's 1844 to 1846 (local mean time near -16 h, then 31 December 1844 skipped).
    @Test(arguments: zones.map { ($0, 2011) } + [("Asia/Manila", 1844)])
    func everyHourGivesTheYearOfItsInstant(zone: String, firstYear: Int) throws {
        let timeZone = try #require(TimeZone(identifier: zone))
        let calendar = EventComponent.calendar(in: timeZone)
        var day = try #require(CivilDay(year: firstYear, month: 1, day: 1))
        while day.year < firstYear + 3 {
            for hour in 0..<24 {
                let start = DateTimeValue.zoned(
                    tzid: zone,
                    .init(year: day.year, month: day.month, day: day.day, hour: hour, minute: 30)
                )
                let event = Self.event(start: start, end: .date(year: 2011, month: 6, day: 1))
                let fast = EventComponent.years(of: event, calendar: calendar)
                #expect(fast == EventComponent.slowYears(of: event, calendar: calendar), "\(zone) \(day) \(hour)")
                #expect(fast != nil)
            }
            day = day.adding(days: 1)
        }
    }

    /// Values the reader refuses or Foundation normalises, and years far out, give what the long way gives.
    @Test func oddValuesGiveWhatTheLongWayGives() throws {
        let calendar = EventComponent.calendar(in: try #require(TimeZone(identifier: "Pacific/Kiritimati")))
        var random = SeededGenerator(seed: 3)
        for _ in 0..<5000 {
            let parts = DateTimeValue.LocalParts(
                year: [1, 1582, 1600, 1969, 2026, 9998, 9999, 10_000][Int.random(in: 0..<8, using: &random)],
                month: Int.random(in: 0...13, using: &random),
                day: Int.random(in: 0...32, using: &random),
                hour: Int.random(in: 0...25, using: &random),
                minute: Int.random(in: 0...61, using: &random),
                second: Int.random(in: 0...61, using: &random)
            )
            let other = DateTimeValue.LocalParts(year: 2026, month: 7, day: 1, hour: 10, minute: 0)
            let values: [DateTimeValue] = [.zoned(tzid: "Z", parts), .zoned(tzid: "Z", other), .utc(parts)]
            let event = Self.event(
                start: values[Int.random(in: 0..<3, using: &random)],
                end: values[Int.random(in: 0..<3, using: &random)]
            )
            #expect(
                EventComponent.years(of: event, calendar: calendar)
                    == EventComponent.slowYears(of: event, calendar: calendar),
                "\(parts)"
            )
        }
    }
}
