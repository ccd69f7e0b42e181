import ICalendar

/// A wall-clock time of day (`HH:MM`, 24-hour), such as a hand-off at 10:00 or a landing deadline.
package struct LocalTime: Hashable, Comparable, Sendable, CustomStringConvertible {
    package let hour: Int
    package let minute: Int

    package init?(hour: Int, minute: Int) {
        guard (0...23).contains(hour), (0...59).contains(minute) else { return nil }
        self.hour = hour
        self.minute = minute
    }

    /// Parses `H:MM` or `HH:MM`.
    package init?(text: some StringProtocol) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
            parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }),
            let hour = Int(parts[0]), let minute = Int(parts[1])
        else { return nil }
        self.init(hour: hour, minute: minute)
    }

    /// 00:00 and 12:00, which every day has.
    package static let midnight = LocalTime(uncheckedHour: 0)
    package static let noon = LocalTime(uncheckedHour: 12)

    private init(uncheckedHour hour: Int) {
        self.hour = hour
        self.minute = 0
    }

    package var minutesSinceMidnight: Int { hour * 60 + minute }

    package var description: String { "\(LocalDate.pad(hour, 2)):\(LocalDate.pad(minute, 2))" }

    /// `HHMM`, the ISO 8601 basic format, as in UIDs (see ``LocalDate/basicFormat``).
    package var basicFormat: String { "\(LocalDate.pad(hour, 2))\(LocalDate.pad(minute, 2))" }

    package static func < (lhs: LocalTime, rhs: LocalTime) -> Bool {
        lhs.minutesSinceMidnight < rhs.minutesSinceMidnight
    }
}

/// A wall-clock date and time with no zone; the rotation's zone gives it an instant.
package struct LocalDateTime: Hashable, Comparable, Sendable, CustomStringConvertible {
    package let date: LocalDate
    package let time: LocalTime

    package init(date: LocalDate, time: LocalTime) {
        self.date = date
        self.time = time
    }

    /// Parses `YYYY-MM-DDTHH:MM` (a space instead of the `T` is accepted too).
    package init?(text: some StringProtocol) {
        let separator = text.firstIndex { $0 == "T" || $0 == " " }
        guard let separator, let date = LocalDate(iso: text[..<separator]),
            let time = LocalTime(text: text[text.index(after: separator)...])
        else { return nil }
        self.init(date: date, time: time)
    }

    package var description: String { "\(date)T\(time)" }

    package static func < (lhs: LocalDateTime, rhs: LocalDateTime) -> Bool {
        (lhs.date, lhs.time) < (rhs.date, rhs.time)
    }
}
