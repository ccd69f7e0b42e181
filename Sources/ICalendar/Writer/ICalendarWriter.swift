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

    /// Each listed name's place in ``propertyOrder``, per component name.
    static let propertyRanks: [String: [String: Int]] = propertyOrder.mapValues { order in
        Dictionary(uniqueKeysWithValues: order.enumerated().map { ($0.element, $0.offset) })
    }

    /// The bytes of a whole calendar: its ``CalendarDocument/component`` written.
    ///
    /// - Parameter document: The calendar.
    /// - Returns: UTF-8 bytes with CR LF line ends.
    public static func write(_ document: CalendarDocument) -> [UInt8] {
        // The same bytes as `write(document.component)`, but each event becomes a component only while
        // it is written, so the whole calendar never exists twice in memory.
        let calendar = document.headComponent
        var output: [UInt8] = []
        var line: [UInt8] = []
        appendLine(begin: true, calendar.name, to: &output, line: &line)
        appendProperties(of: calendar, to: &output, line: &line)
        for timeZone in document.timeZones {
            append(timeZone, to: &output, line: &line)
        }
        let events = document.sortedEvents
        for (index, event) in events.enumerated() {
            appendEvent(event, to: &output, line: &line)
            if index == 0 {
                // One event's size times the rest, with some slack: the buffer then rarely grows again.
                output.reserveCapacity(output.count + (output.count + 64) * (events.count - 1) * 9 / 8 + 4096)
            }
        }
        for other in document.otherComponents {
            append(other, to: &output, line: &line)
        }
        appendLine(begin: false, calendar.name, to: &output, line: &line)
        return output
    }

    /// The bytes of one component and everything inside it.
    ///
    /// - Parameter component: Any component; a `VCALENDAR` makes a complete iCalendar object.
    /// - Returns: UTF-8 bytes with CR LF line ends.
    public static func write(_ component: Component) -> [UInt8] {
        var output: [UInt8] = []
        var line: [UInt8] = []
        append(component, to: &output, line: &line)
        return output
    }

    /// The bytes of `component` with `written` after its own sub-components, before its `END` line.
    ///
    /// Each sub-component is written on its own, so the result is `write(c)` of the component whose
    /// children are `component.components` followed by the components `written` holds, when each element
    /// of `written` is what `write(_:)` made of one of them as a component. An app that puts the same event
    /// into several calendars writes it once and hands the bytes to each.
    ///
    /// - Parameters:
    ///   - component: The enclosing component (a `VCALENDAR`), with the sub-components to write first.
    ///   - written: Components already written by this writer, in the order they go in.
    /// - Returns: UTF-8 bytes with CR LF line ends.
    public static func write(_ component: Component, appendingWritten written: [[UInt8]]) -> [UInt8] {
        var output: [UInt8] = []
        var line: [UInt8] = []
        appendLine(begin: true, component.name, to: &output, line: &line)
        appendProperties(of: component, to: &output, line: &line)
        for child in component.components {
            append(child, to: &output, line: &line)
        }
        output.reserveCapacity(output.count + written.reduce(0) { $0 + $1.count } + component.name.utf8.count + 6)
        for bytes in written {
            output.append(contentsOf: bytes)
        }
        appendLine(begin: false, component.name, to: &output, line: &line)
        return output
    }

    /// The content line the writer makes for one property, unfolded and without CR LF.
    ///
    /// Folding changes only where lines break, so comparing or hashing these lines compares what two
    /// events say without writing and unfolding them whole.
    ///
    /// - Parameter property: Any property.
    /// - Returns: `NAME;PARAM=value:value` as UTF-8, TEXT escaped as the writer escapes it.
    public static func contentLine(for property: Property) -> [UInt8] {
        ContentLineEncoder.line(for: property)
    }

    /// The properties of a component in the writer's fixed order.
    ///
    /// - Parameter component: The component.
    /// - Returns: Its properties, listed names first in table order, the rest after in their order.
    public static func orderedProperties(of component: Component) -> [Property] {
        guard let order = propertyOrder[component.name] else { return component.properties }
        // A name's place by comparing it with the dozen listed names: cheaper than hashing it, and this runs
        // for every property of every component written.
        func rank(_ name: String) -> Int { order.firstIndex(of: name) ?? order.count }
        // Components built by the typed values are in order already; only sort when they are not.
        var previous = 0
        var inOrder = true
        for property in component.properties {
            let current = rank(property.name)
            if current < previous {
                inOrder = false
                break
            }
            previous = current
        }
        if inOrder { return component.properties }
        let ranks = component.properties.map { rank($0.name) }
        return component.properties.indices.sorted { (ranks[$0], $0) < (ranks[$1], $1) }
            .map { component.properties[$0] }
    }

    /// Writes `component` to `output`, building each content line in the reusable `line` buffer.
    static func append(_ component: Component, to output: inout [UInt8], line: inout [UInt8]) {
        appendLine(begin: true, component.name, to: &output, line: &line)
        appendProperties(of: component, to: &output, line: &line)
        for child in component.components {
            append(child, to: &output, line: &line)
        }
        appendLine(begin: false, component.name, to: &output, line: &line)
    }

    /// Writes the properties of `component`, in ``orderedProperties(of:)`` order, without its children.
    private static func appendProperties(of component: Component, to output: inout [UInt8], line: inout [UInt8]) {
        for property in orderedProperties(of: component) {
            line.removeAll(keepingCapacity: true)
            ContentLineEncoder.appendLine(for: property, to: &line)
            ContentLineEncoder.appendFolded(line, to: &output)
        }
    }

    /// Writes `BEGIN:NAME` or `END:NAME`.
    static func appendLine(begin: Bool, _ name: String, to output: inout [UInt8], line: inout [UInt8]) {
        line.removeAll(keepingCapacity: true)
        line.append(contentsOf: begin ? "BEGIN:".utf8 : "END:".utf8)
        ContentLineEncoder.appendName(name, to: &line)
        ContentLineEncoder.appendFolded(line, to: &output)
    }
}
