/// A recurrence rule (RRULE, RFC 5545 §3.3.10) of the kind holiday and rota calendars use.
///
/// The supported parts are FREQ (YEARLY, MONTHLY, WEEKLY, DAILY), INTERVAL, COUNT or UNTIL, BYMONTH,
/// BYMONTHDAY (negative counts from the month's end), BYDAY with ordinals (`4TH`, `-1MO`) and WKST.
/// Parsing refuses the rest (BYSETPOS, BYWEEKNO, BYYEARDAY, BYHOUR, BYMINUTE, BYSECOND, and the
/// SECONDLY, MINUTELY and HOURLY frequencies) with ``ICalendarError/unsupportedRecurrence`` rather
/// than expanding them wrongly.
public struct RecurrenceRule: Hashable, Sendable, CustomStringConvertible {
    /// How often the rule repeats, before BYxxx parts expand or limit it.
    public enum Frequency: String, Hashable, Sendable {
        case daily = "DAILY"
        case weekly = "WEEKLY"
        case monthly = "MONTHLY"
        case yearly = "YEARLY"
    }

    /// How the recurrence ends; RFC 5545 forbids COUNT and UNTIL together.
    public enum End: Hashable, Sendable {
        /// After this many occurrences, DTSTART being the first (EXDATEs still count).
        case count(Int)
        /// At this date or time, inclusive.
        case until(DateTimeValue)
    }

    /// A BYDAY entry: a weekday, optionally the nth (`2SU`) or nth-from-last (`-1MO`) in the month or year.
    public struct WeekdayRule: Hashable, Sendable, CustomStringConvertible {
        /// `nil` for every such weekday; 1...53 or -53...-1 otherwise.
        public var ordinal: Int?
        public var weekday: Weekday

        public init(_ weekday: Weekday, ordinal: Int? = nil) {
            self.weekday = weekday
            self.ordinal = ordinal
        }

        /// `TH`, `4TH`, `-1MO`.
        public var description: String {
            (ordinal.map(String.init) ?? "") + weekday.rawValue
        }
    }

    /// The largest INTERVAL and COUNT accepted, which keeps every computation far from overflow.
    public static let maximumNumber = 1_000_000

    public var frequency: Frequency
    /// Every how many periods the rule applies; 1 or more.
    public var interval: Int
    /// `nil` for a rule that never ends.
    public var end: End?
    /// Months 1-12.
    public var byMonth: [Int]
    /// Days of the month, 1...31 or -31...-1 (from the end).
    public var byMonthDay: [Int]
    public var byDay: [WeekdayRule]
    /// WKST; `nil` means Monday, the default, and is not written.
    public var weekStart: Weekday?

    public init(
        frequency: Frequency,
        interval: Int = 1,
        end: End? = nil,
        byMonth: [Int] = [],
        byMonthDay: [Int] = [],
        byDay: [WeekdayRule] = [],
        weekStart: Weekday? = nil
    ) {
        self.frequency = frequency
        self.interval = interval
        self.end = end
        self.byMonth = byMonth
        self.byMonthDay = byMonthDay
        self.byDay = byDay
        self.weekStart = weekStart
    }

    /// The rule as RRULE text in a fixed part order: FREQ, COUNT or UNTIL, INTERVAL (when not 1),
    /// BYMONTH, BYMONTHDAY, BYDAY, WKST.
    public var description: String {
        var parts = ["FREQ=\(frequency.rawValue)"]
        switch end {
        case .count(let count): parts.append("COUNT=\(count)")
        case .until(let until): parts.append("UNTIL=\(until.valueText)")
        case nil: break
        }
        if interval != 1 { parts.append("INTERVAL=\(interval)") }
        if !byMonth.isEmpty { parts.append("BYMONTH=" + byMonth.map(String.init).joined(separator: ",")) }
        if !byMonthDay.isEmpty { parts.append("BYMONTHDAY=" + byMonthDay.map(String.init).joined(separator: ",")) }
        if !byDay.isEmpty { parts.append("BYDAY=" + byDay.map(\.description).joined(separator: ",")) }
        if let weekStart { parts.append("WKST=\(weekStart.rawValue)") }
        return parts.joined(separator: ";")
    }
}
