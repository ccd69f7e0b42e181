import ICalendar

/// A length of calendar time as people write it in configs and flags.
///
/// For example `30d`, `12w`, `3m`, `1y` (or `3 months`). Months and years are calendar months, not fixed numbers of days.
package struct CalendarSpan: Hashable, Sendable, CustomStringConvertible {
    package enum Unit: String, CaseIterable, Sendable {
        case days = "d"
        case weeks = "w"
        case months = "m"
        case years = "y"

        var longNames: [String] {
            switch self {
            case .days: return ["day", "days"]
            case .weeks: return ["week", "weeks"]
            case .months: return ["month", "months"]
            case .years: return ["year", "years"]
            }
        }
    }

    package let count: Int
    package let unit: Unit

    package init(count: Int, unit: Unit) {
        self.count = count
        self.unit = unit
    }

    /// Parses `N<unit>` with unit `d`, `w`, `m` or `y`, or `N day(s)/week(s)/month(s)/year(s)`.
    ///
    /// N is a whole number from 0 to 9999.
    package init?(text: String) {
        let trimmed = text.trimmingSpaces()
        let digits = trimmed.prefix(while: \.isASCIIDigit)
        let rest = String(trimmed.dropFirst(digits.count)).trimmingSpaces().lowercased()
        guard (1...4).contains(digits.count), let count = Int(digits),
            let unit = Unit.allCases.first(where: { $0.rawValue == rest || $0.longNames.contains(rest) })
        else { return nil }
        self.init(count: count, unit: unit)
    }

    /// The date this span after `date` (before it, for `direction` -1).
    package func added(to date: LocalDate, direction: Int = 1) -> LocalDate {
        switch unit {
        case .days: return date.adding(days: direction * count)
        case .weeks: return date.adding(days: direction * 7 * count)
        case .months: return date.adding(months: direction * count)
        case .years: return date.adding(months: direction * 12 * count)
        }
    }

    package var description: String { "\(count)\(unit.rawValue)" }
}

extension String {
    /// The text without leading and trailing spaces.
    ///
    /// Works on the UTF-8 view: a space is one byte, so slicing there never splits a character. Config loading calls
    /// this for every scalar, so it avoids building reversed copies.
    func trimmingSpaces() -> String {
        let bytes = utf8
        guard let first = bytes.firstIndex(where: { $0 != UInt8(ascii: " ") }),
            let last = bytes.lastIndex(where: { $0 != UInt8(ascii: " ") })
        else { return "" }
        if first == bytes.startIndex && last == bytes.index(before: bytes.endIndex) { return self }
        return String(self[first...last])
    }
}
