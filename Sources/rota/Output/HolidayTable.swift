import Foundation
import ICalendar
import RotaModel

/// How `rota holidays` shows a year's holidays: a table for people, JSON for scripts.
enum HolidayTable {
    static func render(_ occurrences: [HolidayOccurrence], year: Int) -> String {
        guard !occurrences.isEmpty else { return "No holidays in \(year).\n" }
        func day(_ date: LocalDate) -> String { "\(date.weekday.displayName.prefix(3)) \(date)" }
        let rows = occurrences.map { holiday in
            [
                day(holiday.date), holiday.observed == holiday.date ? "" : day(holiday.observed),
                holiday.major ? "major" : "", holiday.id.rawValue, holiday.name,
            ]
        }
        let majorCount = occurrences.filter(\.major).count
        let lines =
            ["Holidays in \(year): \(occurrences.count), \(majorCount) major", ""]
            + TextTable(header: ["date", "observed", "major", "id", "name"], rows: rows).lines()
        return lines.joined(separator: "\n") + "\n"
    }

    /// The JSON form; `docs/commands.md` documents its fields.
    static func json(_ occurrences: [HolidayOccurrence], year: Int) throws -> String {
        struct Entry: Encodable {
            let id: String
            let name: String
            let date: String
            let observed: String
            let major: Bool
            let source: String
        }
        struct Listing: Encodable {
            let year: Int
            let holidays: [Entry]
        }
        let listing = Listing(
            year: year,
            holidays: occurrences.map {
                Entry(
                    id: $0.id.rawValue,
                    name: $0.name,
                    date: $0.date.description,
                    observed: $0.observed.description,
                    major: $0.major,
                    source: $0.source.rawValue
                )
            }
        )
        return try JSONOutput.encode(listing)
    }
}
