public import Foundation

/// A half-open span of time for a calendar-query `time-range` filter (RFC 4791 §9.9).
public struct TimeRange: Equatable, Sendable {
    /// The first instant included.
    public let start: Date
    /// The first instant excluded.
    public let end: Date

    /// Creates a time range; nil when `end` is not after `start`.
    ///
    /// - Parameters:
    ///   - start: the first instant included.
    ///   - end: the first instant excluded.
    public init?(start: Date, end: Date) {
        guard start < end else { return nil }
        self.start = start
        self.end = end
    }

    /// `start` in the UTC form RFC 4791 requires, such as `20261201T000000Z`.
    public var startText: String { Self.utcText(start) }
    /// `end` in the UTC form RFC 4791 requires.
    public var endText: String { Self.utcText(end) }

    /// Formats from calendar components in UTC rather than with `DateFormatter`, which needs the system's zone files.
    private static func utcText(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .gmt
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        func two(_ value: Int?) -> String {
            let number = value ?? 0
            return number < 10 ? "0\(number)" : "\(number)"
        }
        let year = String(parts.year ?? 0)
        let paddedYear = String(repeating: "0", count: max(0, 4 - year.count)) + year
        return paddedYear + two(parts.month) + two(parts.day) + "T" + two(parts.hour) + two(parts.minute)
            + two(parts.second) + "Z"
    }
}
