internal import Foundation

extension CalendarDocument {
    /// Adds a VTIMEZONE for every TZID the events use that ``timeZones`` lacks (RFC 5545 §3.6.5).
    ///
    /// Each zone covers the calendar years of the zoned DTSTART, DTEND, EXDATE and TZID-carrying extra
    /// properties of the events, and of an RRULE's UNTIL. A recurrence without UNTIL adds no years: the
    /// latest observances end in open-ended RRULEs, right for as long as the zone keeps its rules.
    /// New components are appended in TZID order; existing ones are kept as they are.
    ///
    /// - Returns: The TZIDs that Foundation does not know, sorted; no VTIMEZONE was added for them.
    @discardableResult
    public mutating func addTimeZones() -> [String] {
        var spans: [String: ClosedRange<Int>] = [:]
        for event in events {
            var values = [event.start] + (event.end.map { [$0] } ?? []) + event.exdates
            values += event.extra.filter { $0.parameter("TZID") != nil }.compactMap { try? DateTimeValue(property: $0) }
            var days = values.map(\.civilDay.clamped.daysSinceEpoch)
            if let rule = try? event.recurrenceRule(), case .until(let until) = rule.end {
                days.append(until.civilDay.clamped.daysSinceEpoch)
            }
            guard let low = days.min(), let high = days.max() else { continue }
            for tzid in values.compactMap(\.tzid) {
                let span = spans[tzid].map { min($0.lowerBound, low)...max($0.upperBound, high) } ?? low...high
                spans[tzid] = span
            }
        }
        let existing = timeZones.compactMap { $0.property("TZID")?.value }
        var unknown: [String] = []
        for tzid in spans.keys.sorted() where !existing.contains(tzid) {
            guard let span = spans[tzid] else { continue }
            let covering =
                Date(
                    timeIntervalSince1970: TimeInterval(span.lowerBound * 86_400)
                )...Date(
                    timeIntervalSince1970: TimeInterval(span.upperBound * 86_400 + 86_399)
                )
            if let component = TimeZoneComponent.component(tzid: tzid, covering: covering) {
                timeZones.append(component)
            } else {
                unknown.append(tzid)
            }
        }
        return unknown
    }
}
