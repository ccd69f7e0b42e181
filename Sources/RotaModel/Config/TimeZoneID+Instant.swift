public import Foundation
import ICalendar

extension TimeZoneID {
    /// The instant of a wall-clock moment in this zone.
    ///
    /// A total function, so its callers (the scheduler's shift boundaries) have no failure to fall back
    /// from: `Calendar.date(from:)` returns an optional, and a fallback there would be a silent wrong date.
    /// The rules are Foundation's, which rota's shift times were first computed with (and which the tests
    /// compare against over years of DST changes in several zones):
    /// - A time that exists once gets its one instant.
    /// - A time in a spring-forward gap moves forward by the gap: 02:30 on the change day is 03:30.
    /// - A time an autumn change repeats is its first occurrence (still in daylight time).
    ///
    /// It tries the zone's offsets a day before and a day after the moment, each read as UTC; an offset
    /// is right when the zone has that offset at the instant it gives. Zones change offset at most once
    /// within two days, so those two offsets are the only candidates.
    package func instant(of moment: LocalDateTime) -> Date {
        let local = moment.date.daysSinceEpoch * 86_400 + moment.time.minutesSinceMidnight * 60
        func offset(at seconds: Int) -> Int {
            timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(seconds)))
        }
        let before = offset(at: local - 86_400)
        let after = offset(at: local + 86_400)
        for candidate in [before, after] where offset(at: local - candidate) == candidate {
            return Date(timeIntervalSince1970: TimeInterval(local - candidate))
        }
        // In a gap: the offset from before the change, which lands the gap's length later.
        return Date(timeIntervalSince1970: TimeInterval(local - before))
    }
}
