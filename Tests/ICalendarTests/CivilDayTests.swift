import Foundation
import ICalendar
import RotaTestSupport
import Testing

/// The one date type's arithmetic, checked day by day against Foundation's Gregorian calendar in UTC, an
/// implementation that shares no code with it.
@Suite struct CivilDayTests {
    /// Foundation's Gregorian calendar switches to the Julian calendar before 1582-10-15, so the
    /// comparison starts in 1583; it runs to 2600, past every date rota plans.
    static let first = CivilDay(year: 1583, month: 1, day: 1)
    static let last = CivilDay(year: 2600, month: 12, day: 31)

    static func utcCalendar() -> Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .gmt
        return calendar
    }

    /// Every day from 1583 through 2600 (371,000 days): every month length, leap rule and weekday.
    @Test func everyDayFrom1583To2600MatchesFoundation() throws {
        let calendar = Self.utcCalendar()
        let firstDay = try #require(Self.first).daysSinceEpoch
        let lastDay = try #require(Self.last).daysSinceEpoch
        var compared = 0
        var leapDays = 0
        for days in firstDay...lastDay {
            let day = CivilDay(daysSinceEpoch: days)
            let date = Date(timeIntervalSince1970: TimeInterval(days) * 86_400)
            let parts = calendar.dateComponents([.year, .month, .day, .weekday], from: date)
            guard day.year == parts.year, day.month == parts.month, day.day == parts.day else {
                Issue.record("day \(days): \(day), Foundation says \(parts)")
                return
            }
            // Foundation numbers weekdays from Sunday = 1; ISO 8601 from Monday = 1.
            let isoWeekday = ((parts.weekday ?? 0) + 5) % 7 + 1
            guard day.weekday.isoNumber == isoWeekday, day.daysSinceEpoch == days,
                CivilDay(year: day.year, month: day.month, day: day.day) == day, CivilDay(iso: day.description) == day
            else {
                Issue.record("day \(days): \(day) \(day.weekday) does not round-trip or is not weekday \(isoWeekday)")
                return
            }
            if day.month == 2, day.day == 29 { leapDays += 1 }
            compared += 1
        }
        #expect(compared == lastDay - firstDay + 1)
        // 1584-2600 has 255 years divisible by 4; 1700, 1800, 1900, 2100, 2200, 2300, 2500 and 2600 are not leap.
        #expect(leapDays == 247)
    }

    /// Adding months keeps the day and clamps it to the target month's length.
    ///
    /// Foundation's own
    /// `date(byAdding: .month)` is no oracle here (on Linux it answers 1644-02-28 where February 1644 has
    /// 29 days, and rolls some month ends into March), so the month's length comes from Foundation's
    /// day-by-day calendar, checked above, and the rule is applied here.
    @Test func monthsAndISOWeeksMatchFoundationOnRandomDays() throws {
        let calendar = Self.utcCalendar()
        var iso = Calendar(identifier: .iso8601)
        iso.timeZone = .gmt
        var random = SeededGenerator(seed: 13)
        let range = try #require(Self.first).daysSinceEpoch + 1_000...(try #require(Self.last).daysSinceEpoch - 1_000)
        var monthEndsClamped = 0
        for _ in 0..<20_000 {
            let day = CivilDay(daysSinceEpoch: Int.random(in: range, using: &random))
            let months = Int.random(in: -30...30, using: &random)
            let index = day.year * 12 + day.month - 1 + months
            let (year, month) = (index / 12, index % 12 + 1)
            let next = DateComponents(year: month == 12 ? year + 1 : year, month: month % 12 + 1, day: 1)
            let nextMonth = try #require(calendar.date(from: next))
            let length = try #require(calendar.dateComponents([.day], from: nextMonth.addingTimeInterval(-86_400)).day)
            let actual = day.adding(months: months)
            #expect(
                actual.year == year && actual.month == month && actual.day == min(day.day, length),
                "\(day) + \(months) months is \(actual)"
            )
            if actual.day < day.day { monthEndsClamped += 1 }
            let date = Date(timeIntervalSince1970: TimeInterval(day.daysSinceEpoch) * 86_400)
            let week = iso.dateComponents([.yearForWeekOfYear, .weekOfYear], from: date)
            #expect(day.isoWeek.year == week.yearForWeekOfYear && day.isoWeek.week == week.weekOfYear, "\(day)")
        }
        // The case the clamping rule is about (Jan 31 + 1 month) must have come up.
        #expect(monthEndsClamped > 100)
    }

    @Test func onlyRealDaysAreDates() {
        #expect(CivilDay(year: 2026, month: 2, day: 29) == nil)
        #expect(CivilDay(year: 2028, month: 2, day: 29) != nil)
        #expect(CivilDay(year: 1900, month: 2, day: 29) == nil)
        #expect(CivilDay(year: 2000, month: 2, day: 29) != nil)
        #expect(CivilDay(year: 2026, month: 13, day: 1) == nil)
        #expect(CivilDay(year: 0, month: 1, day: 1) == nil)
        #expect(CivilDay(iso: "2026-1-05") == nil)
        #expect(CivilDay(iso: "2026-11-30")?.basicFormat == "20261130")
    }
}
