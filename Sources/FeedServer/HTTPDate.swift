package import Foundation

/// HTTP dates (RFC 9110 §5.6.7): written as IMF-fixdate, read in all three forms, in GMT.
///
/// An example: `Sun, 06 Nov 1994 08:49:37 GMT`.
/// No DateFormatter: it needs the zone database, and a fixed format is simpler to write by hand.
package enum HTTPDate {
    private static let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    private static var calendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .gmt
        return calendar
    }

    /// `date` as an IMF-fixdate, to the second (fractions are dropped).
    package static func format(_ date: Date) -> String {
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second, .weekday], from: date)
        func two(_ value: Int?) -> String {
            let value = value ?? 0
            return value < 10 ? "0\(value)" : "\(value)"
        }
        let weekday = days[((parts.weekday ?? 1) - 1) % 7]
        let month = months[((parts.month ?? 1) - 1) % 12]
        return "\(weekday), \(two(parts.day)) \(month) \(parts.year ?? 1970) "
            + "\(two(parts.hour)):\(two(parts.minute)):\(two(parts.second)) GMT"
    }

    /// The instant an HTTP-date names, in any of the three forms recipients must accept (RFC 9110
    /// §5.6.7), or nil for anything else.
    ///
    /// - `Sun, 06 Nov 1994 08:49:37 GMT` (IMF-fixdate),
    /// - `Sunday, 06-Nov-94 08:49:37 GMT` (obsolete RFC 850 form): a two-digit year that would be more
    ///   than 50 years after `reference` is taken as the most recent past year with those digits,
    /// - `Sun Nov  6 08:49:37 1994` (obsolete asctime form).
    package static func parse(_ text: String, reference: Date = Date(timeIntervalSince1970: 0)) -> Date? {
        let fields = text.split(separator: " ", omittingEmptySubsequences: true)
        if fields.count == 6, fields[0].count == 4, fields[0].hasSuffix(","), fields[5] == "GMT",
            days.contains(String(fields[0].dropLast())), fields[1].count == 2, fields[3].count == 4
        {
            return date(day: fields[1], month: fields[2], year: Int(fields[3]), time: fields[4])
        }
        if fields.count == 4, fields[0].hasSuffix(","), fields[3] == "GMT",
            longDays.contains(String(fields[0].dropLast()))
        {
            let parts = fields[1].split(separator: "-", omittingEmptySubsequences: false)
            guard parts.count == 3, parts[0].count == 2, parts[2].count == 2, let short = Int(parts[2]) else {
                return nil
            }
            let referenceYear = calendar.component(.year, from: reference)
            var year = referenceYear - referenceYear % 100 + short
            if year > referenceYear + 50 { year -= 100 }
            return date(day: parts[0], month: parts[1], year: year, time: fields[2])
        }
        if fields.count == 5, days.contains(String(fields[0])), (1...2).contains(fields[2].count),
            fields[4].count == 4
        {
            return date(day: fields[2], month: fields[1], year: Int(fields[4]), time: fields[3])
        }
        return nil
    }

    private static let longDays = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]

    /// The instant of a day, month name, year and `HH:MM:SS` in GMT, or nil unless all are real.
    private static func date(day dayText: Substring, month: Substring, year: Int?, time timeText: Substring) -> Date? {
        let time = timeText.split(separator: ":", omittingEmptySubsequences: false)
        guard let year, let day = Int(dayText), let monthIndex = months.firstIndex(of: String(month)),
            time.count == 3, time.allSatisfy({ $0.count == 2 }),
            let hour = Int(time[0]), let minute = Int(time[1]), let second = Int(time[2]),
            (1...31).contains(day), (0...23).contains(hour), (0...59).contains(minute), (0...60).contains(second)
        else { return nil }
        let parts = DateComponents(
            year: year,
            month: monthIndex + 1,
            day: day,
            hour: hour,
            minute: minute,
            second: min(second, 59)
        )
        guard let date = calendar.date(from: parts),
            calendar.component(.day, from: date) == day
        else { return nil }
        return date
    }
}
