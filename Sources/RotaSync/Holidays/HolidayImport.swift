package import ICalendar
package import RotaModel

/// Reads the holidays of a public holiday calendar (`holidays.calendars` in the config).
///
/// Holiday calendars publish each holiday as an all-day VEVENT, either one per year (Google) or once
/// with an RRULE (Apple); both become one holiday per SUMMARY with all its dates. Timed events are
/// not holidays and are skipped.
package enum HolidayImport {
    /// The last year imported holidays are expanded to, as for the built-in rules.
    package static let lastYear = 2100

    /// The holidays in an iCalendar file, in order of their first date.
    /// - Parameter bytes: The calendar file.
    /// - Returns: One holiday per distinct SUMMARY, its id made from the SUMMARY (`Christmas Day` ->
    ///   `christmas-day`).
    /// - Throws: `ICalendarError` when the file is not a calendar or a recurrence cannot be expanded.
    package static func holidays(from bytes: [UInt8]) throws(ICalendarError) -> [ImportedHoliday] {
        let document = try ICalendarReader.read(bytes)
        var datesByName: [String: [LocalDate]] = [:]
        var order: [String] = []
        for event in document.events {
            guard case .date = event.start, !event.summary.isEmpty, event.status != .cancelled else { continue }
            let occurrences = try event.occurrences(through: .date(year: lastYear, month: 12, day: 31))
            let dates = occurrences.compactMap { value -> LocalDate? in
                guard case let .date(year, month, day) = value else { return nil }
                return LocalDate(year: year, month: month, day: day)
            }
            if datesByName[event.summary] == nil { order.append(event.summary) }
            datesByName[event.summary, default: []] += dates
        }
        var byID: [String: ImportedHoliday] = [:]
        for name in order {
            let id = identifier(for: name)
            let dates = (byID[id]?.dates ?? []) + (datesByName[name] ?? [])
            byID[id] = ImportedHoliday(id: HolidayID(id), name: byID[id]?.name ?? name, dates: dates)
        }
        return byID.values.filter { !$0.dates.isEmpty }.sorted { ($0.dates[0], $0.id) < ($1.dates[0], $1.id) }
    }

    /// A config id from a holiday's name: lowercase ASCII letters and digits, apostrophes dropped, other
    /// runs become one hyphen (`New Year's Day` -> `new-years-day`), starting with a letter.
    package static func identifier(for name: String) -> String {
        var id = ""
        for scalar in name.lowercased().unicodeScalars where scalar != "'" && scalar != "\u{2019}" {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                id.unicodeScalars.append(scalar)
            } else if !id.isEmpty, id.last != "-" {
                id.append("-")
            }
        }
        while id.hasSuffix("-") { id.removeLast() }
        if id.first.map({ !("a"..."z").contains($0) }) ?? true { id = "holiday-" + id }
        return String(id.prefix(IdentifierSyntax.maximumLength)).trimmingTrailingHyphens()
    }
}

extension String {
    fileprivate func trimmingTrailingHyphens() -> String {
        var text = self
        while text.hasSuffix("-") { text.removeLast() }
        return text
    }
}
