import Foundation
import ICalendar

/// Evaluates a VTIMEZONE as a calendar client would: every onset of every observance (DTSTART,
/// RRULE occurrences up to UNTIL, RDATEs), then the TZOFFSETTO of the latest onset at an instant.
struct TimeZoneEvaluator {
    struct Onset {
        let instant: Int
        let offset: Int
    }

    let onsets: [Onset]

    init(_ component: Component, throughYear: Int) throws {
        var onsets: [Onset] = []
        for observance in component.components {
            let from = try Self.offset(observance.property("TZOFFSETFROM")?.value)
            let to = try Self.offset(observance.property("TZOFFSETTO")?.value)
            guard let startProperty = observance.property("DTSTART"),
                case .floating(let start) = try DateTimeValue(property: startProperty)
            else { throw EvaluationError.malformed("DTSTART") }
            var locals = [start]
            if let text = observance.property("RRULE")?.value {
                var rule = try RecurrenceRule(parsing: text)
                var until = Int.max
                if case .until(.utc(let parts)) = rule.end { until = Self.seconds(parts) }
                rule.end = nil
                let days = try rule.occurrences(
                    of: .date(year: start.year, month: start.month, day: start.day),
                    exdates: [],
                    through: .date(year: throughYear, month: 12, day: 31)
                )
                for case .date(let year, let month, let day) in days.dropFirst() {
                    let local = DateTimeValue.LocalParts(
                        year: year,
                        month: month,
                        day: day,
                        hour: start.hour,
                        minute: start.minute,
                        second: start.second
                    )
                    if Self.seconds(local) - from <= until { locals.append(local) }
                }
            }
            for property in observance.properties(named: "RDATE") {
                for case .floating(let local) in try DateTimeValue.values(of: property) { locals.append(local) }
            }
            onsets += locals.map { Onset(instant: Self.seconds($0) - from, offset: to) }
        }
        self.onsets = onsets.sorted { $0.instant < $1.instant }
    }

    /// The offset in force at `instant` (seconds since 1970), or `nil` before the first onset.
    func offset(at instant: Int) -> Int? {
        onsets.last { $0.instant <= instant }?.offset
    }

    enum EvaluationError: Error {
        case malformed(String)
    }

    static func offset(_ text: String?) throws -> Int {
        guard let text, text.count == 5 || text.count == 7, let sign = text.first, sign == "+" || sign == "-",
            let hours = Int(text.dropFirst().prefix(2)), let minutes = Int(text.dropFirst(3).prefix(2))
        else { throw EvaluationError.malformed("offset \(text ?? "nil")") }
        let seconds = text.count == 7 ? Int(text.suffix(2)) ?? 0 : 0
        return (sign == "-" ? -1 : 1) * (hours * 3600 + minutes * 60 + seconds)
    }

    static func seconds(_ parts: DateTimeValue.LocalParts) -> Int {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0) ?? calendar.timeZone
        let components = DateComponents(
            year: parts.year,
            month: parts.month,
            day: parts.day,
            hour: parts.hour,
            minute: parts.minute,
            second: parts.second
        )
        return Int(calendar.date(from: components)?.timeIntervalSince1970 ?? 0)
    }
}
