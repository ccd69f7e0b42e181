/// A day of the proleptic Gregorian calendar, with no time and no zone: the one date type of this package
/// and of the apps built on it.
///
/// iCalendar needs day arithmetic for recurrence and time zones; an app built on it (rota keeps holidays,
/// PTO and hand-off days as plain dates) needs the same arithmetic, and two copies of it drift apart. So
/// the type is public here, and an app that must not see iCalendar in its names can alias it (rota's
/// model does: `LocalDate`).
///
/// Day counts use Howard Hinnant's `days_from_civil`, so no `Calendar` (and no time zone data) is
/// involved and results are the same on every machine.
public struct CivilDay: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Creates a date when the parts name a real day in years 1-9999 (February 30 does not), else nil.
    ///
    /// Year 0 is left out: ISO 8601 needs an agreement between the parties for it, and no rota date is
    /// there.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), Self.isValid(year: year, month: month, day: day) else { return nil }
        self.init(uncheckedYear: year, month: month, day: day)
    }

    /// The parts as given, unchecked: for arithmetic on values known (or made) to be in range.
    init(uncheckedYear year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// The day `days` after 1970-01-01 (negative before).
    public init(daysSinceEpoch days: Int) {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    }

    /// Parses the ISO 8601 calendar date form `YYYY-MM-DD` (the extended form, four-digit year).
    ///
    /// Read from the UTF-8 bytes: the form is exactly ten ASCII bytes, so no text with anything else in it
    /// (a non-ASCII digit, a combining mark, a sign) can be one. Every date of every config and ledger comes
    /// through here; splitting the text into parts and asking each character whether it is a number cost more.
    public init?(iso text: some StringProtocol) {
        self.init(iso: String(text))
    }

    /// ``init(iso:)-(StringProtocol)`` for a `String`, the usual case: not generic, so a caller in another module
    /// (the config decoder reads every date through it) runs the byte loop without generic dispatch.
    public init?(iso text: String) {
        let bytes = text.utf8
        guard bytes.count == 10 else { return nil }
        var parts = (year: 0, month: 0, day: 0)
        for (offset, byte) in bytes.enumerated() {
            if offset == 4 || offset == 7 {
                guard byte == UInt8(ascii: "-") else { return nil }
                continue
            }
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            let digit = Int(byte - UInt8(ascii: "0"))
            switch offset {
            case ..<4: parts.year = parts.year * 10 + digit
            case ..<7: parts.month = parts.month * 10 + digit
            default: parts.day = parts.day * 10 + digit
            }
        }
        self.init(year: parts.year, month: parts.month, day: parts.day)
    }

    /// Days since 1970-01-01; differences of these count days exactly.
    public var daysSinceEpoch: Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    public var weekday: Weekday {
        // 1970-01-01 was a Thursday (index 3).
        Weekday(index: daysSinceEpoch + 3)
    }

    public func adding(days: Int) -> CivilDay {
        // Most steps (the next day, a week) stay inside the month: no day 1-28 needs the trip through the day count.
        let target = day + days
        if (1...28).contains(day), (1...28).contains(target), (1...12).contains(month) {
            return CivilDay(uncheckedYear: year, month: month, day: target)
        }
        return CivilDay(daysSinceEpoch: daysSinceEpoch + days)
    }

    /// Adds calendar months, clamping the day to the end of a shorter month (Jan 31 + 1 month = Feb 28).
    public func adding(months: Int) -> CivilDay {
        let monthIndex = year * 12 + (month - 1) + months
        let newYear = monthIndex / 12
        let newMonth = monthIndex % 12 + 1
        let newDay = min(day, Self.daysIn(month: newMonth, year: newYear))
        return CivilDay(uncheckedYear: newYear, month: newMonth, day: newDay)
    }

    /// The number of days from this day to `other` (negative when `other` is earlier).
    public func days(until other: CivilDay) -> Int {
        other.daysSinceEpoch - daysSinceEpoch
    }

    /// The ISO 8601 week this day belongs to: weeks start on Monday, and week 1 is the week with the
    /// year's first Thursday (so 2026-12-31 is in 2026-W53 and 2027-01-01 too).
    public var isoWeek: (year: Int, week: Int) {
        let thursday = adding(days: 4 - weekday.isoNumber)
        let dayOfYear = CivilDay(uncheckedYear: thursday.year, month: 1, day: 1).days(until: thursday) + 1
        return (thursday.year, (dayOfYear - 1) / 7 + 1)
    }

    /// ISO 8601 extended format, `2026-11-30`.
    public var description: String {
        DateDigits.text(year: year, month: month, day: day, separator: UInt8(ascii: "-"))
            ?? "\(Self.pad(year, 4))-\(Self.pad(month, 2))-\(Self.pad(day, 2))"
    }

    /// ISO 8601 basic format, `20261130`: an iCalendar DATE, and the date part of a DATE-TIME (RFC 5545 §3.3.4).
    public var basicFormat: String {
        DateDigits.text(year: year, month: month, day: day, separator: nil)
            ?? "\(Self.pad(year, 4))\(Self.pad(month, 2))\(Self.pad(day, 2))"
    }

    /// The day with its year moved into ``years``, its month into 1-12 and its day into 1-31, so day
    /// arithmetic on values a caller built by hand cannot overflow.
    var clamped: CivilDay {
        CivilDay(
            uncheckedYear: min(max(year, CivilDay.years.lowerBound), CivilDay.years.upperBound),
            month: min(max(month, 1), 12),
            day: min(max(day, 1), 31)
        )
    }

    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// The years a DATE can write (four digits); day arithmetic stays far from overflow within them.
    static let years = 0...9999

    /// Whether the parts name a real day (months 1-12, days within the month).
    static func isValid(year: Int, month: Int, day: Int) -> Bool {
        (1...12).contains(month) && day >= 1 && day <= daysIn(month: month, year: year)
    }

    /// `value` in decimal, with leading zeros up to `width` digits.
    package static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    public static func < (lhs: CivilDay, rhs: CivilDay) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}
