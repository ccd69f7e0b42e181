/// A DATE or DATE-TIME value (RFC 5545 §3.3.4, §3.3.5) in one of its four forms.
public enum DateTimeValue: Hashable, Sendable {
    /// A whole day (`VALUE=DATE`, `20261225`), as all-day events and holidays use.
    case date(year: Int, month: Int, day: Int)
    /// Wall-clock time with no zone (`20261225T100000`): the same local time wherever the reader is.
    case floating(LocalParts)
    /// An instant in UTC (`20261225T150000Z`).
    case utc(LocalParts)
    /// Wall-clock time in a named zone (`DTSTART;TZID=America/New_York:20261225T100000`); a calendar
    /// that uses it carries a VTIMEZONE for that TZID.
    case zoned(tzid: String, LocalParts)

    /// Year to second of a DATE-TIME, without a zone.
    public struct LocalParts: Hashable, Sendable {
        public var year: Int
        public var month: Int
        public var day: Int
        public var hour: Int
        public var minute: Int
        public var second: Int

        public init(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int = 0) {
            self.year = year
            self.month = month
            self.day = day
            self.hour = hour
            self.minute = minute
            self.second = second
        }
    }
}
