import Foundation
import ICalendar
import RotaModel
import Testing

/// Wall clock -> instant in a zone, with no fallback: the same instants Foundation's calendar gives, for every
/// half hour over three years of DST changes, in zones that change by an hour, by half an hour, or not at all.
@Suite struct TimeZoneInstantTests {
    static let zones = [
        "America/New_York", "Europe/London", "Australia/Lord_Howe", "Asia/Kolkata", "America/Santiago",
        "Pacific/Chatham", "UTC",
    ]

    @Test(arguments: zones)
    func everyHalfHourMatchesFoundation(name: String) throws {
        let zone = try #require(TimeZoneDatabase.zone(name))
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone.timeZone
        let first = try #require(LocalDate(year: 2025, month: 1, day: 1))
        var gaps = 0
        var repeats = 0
        for offset in 0..<(3 * 366) {
            let date = first.adding(days: offset)
            for minutes in stride(from: 0, to: 24 * 60, by: 30) {
                let time = try #require(LocalTime(hour: minutes / 60, minute: minutes % 60))
                let expected = try #require(
                    calendar.date(
                        from: DateComponents(
                            year: date.year,
                            month: date.month,
                            day: date.day,
                            hour: time.hour,
                            minute: time.minute
                        )
                    )
                )
                let actual = zone.instant(of: LocalDateTime(date: date, time: time))
                guard actual == expected else {
                    Issue.record("\(name) \(date) \(time): \(actual), Foundation says \(expected)")
                    return
                }
                let wall = calendar.dateComponents([.hour, .minute], from: actual)
                if wall.hour != time.hour || wall.minute != time.minute { gaps += 1 }
                // A repeated time: the same wall clock again once the clocks went back (by the DST amount).
                let before = zone.timeZone.secondsFromGMT(for: actual.addingTimeInterval(-86_400))
                let after = zone.timeZone.secondsFromGMT(for: actual.addingTimeInterval(86_400))
                let again = actual.addingTimeInterval(TimeInterval(before - after))
                if before > after, calendar.dateComponents([.hour, .minute], from: again) == wall { repeats += 1 }
            }
        }
        // The cases the rules are about must have come up where the zone has DST.
        if !["Asia/Kolkata", "UTC"].contains(name) {
            #expect(gaps > 0, "no spring-forward gap met")
            #expect(repeats > 0, "no repeated autumn time met")
        }
    }

    @Test func aTimeInTheGapMovesForwardAndARepeatedTimeIsItsFirstOccurrence() throws {
        let zone = try #require(TimeZoneDatabase.zone("America/New_York"))
        func instant(_ date: String, _ time: String) throws -> TimeInterval {
            let moment = LocalDateTime(
                date: try #require(LocalDate(iso: date)),
                time: try #require(LocalTime(text: time))
            )
            return zone.instant(of: moment).timeIntervalSince1970
        }
        // 2026-03-08 02:30 does not exist in New York: it is 03:30 EDT, 07:30 UTC.
        #expect(try instant("2026-03-08", "02:30") == 1_772_955_000)
        #expect(try instant("2026-03-08", "03:30") == 1_772_955_000)
        // 2026-11-01 01:30 happens twice: the first time is EDT, 05:30 UTC.
        #expect(try instant("2026-11-01", "01:30") == 1_793_511_000)
    }
}
