/// Writes iCalendar bytes (RFC 5545): deterministic, so the same value always gives the same bytes.
///
/// - Lines end in CR LF and are folded at 75 octets (RFC 5545 §3.1): every physical line, a
///   continuation's leading space included, has at most 75 octets before its CR LF, and a fold never
///   splits a UTF-8 sequence (it may fall between the scalars of one grapheme, which unfolding rejoins).
/// - TEXT values (see ``Property/valueEncoding``) escape `\`, `;`, `,` and turn CR LF, CR or LF into
///   `\n` (RFC 5545 §3.3.11). Other values are written as they are, except that a line break in
///   them also becomes `\n`, since a content line cannot hold one.
/// - Parameter values containing `:`, `;` or `,` are quoted (RFC 5545 §3.2). A parameter value cannot
///   hold a DQUOTE, so one is written as `'`; control characters become spaces.
/// - Names keep letters, digits and `-`; any other character becomes `-`.
///
/// Properties are written in a fixed order per component; properties not listed keep their
/// relative order after the listed ones, and repeats of a listed name stay together in order:
///
/// | Component | Order |
/// |---|---|
/// | VCALENDAR | VERSION, PRODID, CALSCALE, METHOD, NAME, X-WR-CALNAME, X-WR-CALDESC, X-WR-TIMEZONE, REFRESH-INTERVAL, X-PUBLISHED-TTL, others |
/// | VEVENT | UID, DTSTAMP, SEQUENCE, DTSTART, DTEND, RRULE, EXDATE, SUMMARY, DESCRIPTION, LOCATION, CATEGORIES, STATUS, TRANSP, URL, others |
/// | VALARM | ACTION, TRIGGER, DESCRIPTION, others |
/// | VTIMEZONE | TZID, others |
/// | STANDARD, DAYLIGHT | DTSTART, TZOFFSETFROM, TZOFFSETTO, RRULE, RDATE, TZNAME, others |
///
/// Sub-components keep their order; a ``CalendarDocument`` puts VTIMEZONEs first, then events sorted
/// by (start, UID), then other components.
public enum ICalendarWriter {
    /// The fixed property order per component name, as the table above gives it.
    static let propertyOrder: [String: [String]] = [
        "VCALENDAR": [
            "VERSION", "PRODID", "CALSCALE", "METHOD", "NAME", "X-WR-CALNAME", "X-WR-CALDESC", "X-WR-TIMEZONE",
            "REFRESH-INTERVAL", "X-PUBLISHED-TTL",
        ],
        "VEVENT": [
            "UID", "DTSTAMP", "SEQUENCE", "DTSTART", "DTEND", "RRULE", "EXDATE", "SUMMARY", "DESCRIPTION", "LOCATION",
            "CATEGORIES", "STATUS", "TRANSP", "URL",
        ],
        "VALARM": ["ACTION", "TRIGGER", "DESCRIPTION"],
        "VTIMEZONE": ["TZID"],
        "STANDARD": ["DTSTART", "TZOFFSETFROM", "TZOFFSETTO", "RRULE", "RDATE", "TZNAME"],
        "DAYLIGHT": ["DTSTART", "TZOFFSETFROM", "TZOFFSETTO", "RRULE", "RDATE", "TZNAME"],
    ]

    /// The bytes of a whole calendar: its ``CalendarDocument/component`` written.
    ///
    /// - Parameter document: The calendar.
    /// - Returns: UTF-8 bytes with CR LF line ends.
    public static func write(_ document: CalendarDocument) -> [UInt8] {
        write(document.component)
    }

    /// The bytes of one component and everything inside it.
    ///
    /// - Parameter component: Any component; a `VCALENDAR` makes a complete iCalendar object.
    /// - Returns: UTF-8 bytes with CR LF line ends.
    public static func write(_ component: Component) -> [UInt8] {
        var output: [UInt8] = []
        append(component, to: &output)
        return output
    }

    /// The properties of a component in the writer's fixed order.
    ///
    /// - Parameter component: The component.
    /// - Returns: Its properties, listed names first in table order, the rest after in their order.
    public static func orderedProperties(of component: Component) -> [Property] {
        guard let order = propertyOrder[component.name] else { return component.properties }
        let ranked = component.properties.enumerated().map { offset, property in
            (rank: order.firstIndex(of: property.name) ?? order.count, offset: offset, property: property)
        }
        return ranked.sorted { ($0.rank, $0.offset) < ($1.rank, $1.offset) }.map(\.property)
    }

    private static func append(_ component: Component, to output: inout [UInt8]) {
        let name = ContentLineEncoder.name(component.name)
        ContentLineEncoder.appendFolded(Array("BEGIN:\(name)".utf8), to: &output)
        for property in orderedProperties(of: component) {
            ContentLineEncoder.appendFolded(ContentLineEncoder.line(for: property), to: &output)
        }
        for child in component.components {
            append(child, to: &output)
        }
        ContentLineEncoder.appendFolded(Array("END:\(name)".utf8), to: &output)
    }
}
