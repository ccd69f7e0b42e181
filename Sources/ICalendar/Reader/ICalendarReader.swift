/// Reads iCalendar bytes (RFC 5545) into ``Component`` trees or a ``CalendarDocument``.
///
/// The reader is tolerant where real files differ and strict where a guess could change meaning:
/// - CR LF or bare LF line ends (XML end-of-line handling turns CalDAV's CR LF into LF); a UTF-8 BOM
///   and empty lines are ignored.
/// - Unfolding removes a line break followed by one space or tab (RFC 5545 §3.1), also inside a
///   UTF-8 sequence that a careless folder split.
/// - Parameter values may be quoted (`"a:b;c"`), and lists are split at commas (RFC 5545 §3.2).
/// - TEXT values are unescaped (see ``Property/valueEncoding``); other values are kept as written.
/// - Unknown properties and components are kept in order.
/// - BEGIN/END must nest. DATE and DATE-TIME properties (DTSTART, DTEND, DTSTAMP, DUE, RECURRENCE-ID,
///   EXDATE, RDATE, CREATED, LAST-MODIFIED, COMPLETED) must hold real dates.
///
/// Errors carry the line and column they point at. Input is bounded: a content line longer than
/// ``maximumLineLength`` bytes or nesting deeper than ``maximumNesting`` is refused with an error,
/// and no input can make the reader crash.
public enum ICalendarReader {
    /// The deepest BEGIN nesting accepted; real calendars use three or four levels.
    public static let maximumNesting = 1_000
    /// The longest unfolded content line accepted, in bytes (1 MiB).
    public static let maximumLineLength = 1 << 20

    /// Reads one iCalendar object: exactly one top-level VCALENDAR.
    ///
    /// - Parameter bytes: UTF-8 text.
    /// - Returns: The calendar.
    /// - Throws: ``ICalendarError/notACalendar`` unless the input holds exactly one VCALENDAR, every error
    ///   of ``readComponents(_:)``, and those of ``CalendarDocument/init(component:)``, placed at the
    ///   property or component they are about.
    public static func read(_ bytes: [UInt8]) throws(ICalendarError) -> CalendarDocument {
        let roots = try parse(bytes, readsEvents: true)
        guard let root = roots.first else {
            throw SourcePosition(line: 1, lineStart: 0).locate(
                ICalendarError(.notACalendar, "the input holds no BEGIN:VCALENDAR"),
                input: bytes
            )
        }
        guard root.name == "VCALENDAR" else {
            throw root.begin.locate(
                ICalendarError(.notACalendar, "expected BEGIN:VCALENDAR, found BEGIN:\(root.name)"),
                input: bytes
            )
        }
        if roots.count > 1 {
            throw roots[1].begin.locate(
                ICalendarError(
                    .notACalendar,
                    "a second top-level component follows the VCALENDAR",
                    hint: "read(_:) takes one iCalendar object; readComponents(_:) reads several"
                ),
                input: bytes
            )
        }
        do throws(ICalendarError) {
            return try CalendarDocument(
                name: root.name,
                properties: root.properties,
                children: root.documentChildren,
                events: root.events,
                eventIndices: root.eventIndices
            )
        } catch {
            throw root.position(of: error).locate(error, input: bytes)
        }
    }

    /// Reads every top-level component (usually one VCALENDAR), keeping everything as generic trees.
    ///
    /// - Parameter bytes: UTF-8 text.
    /// - Returns: The top-level components in order.
    /// - Throws: ``ICalendarError`` with line and column: ``ICalendarError/missingColon``,
    ///   ``ICalendarError/invalidName``, ``ICalendarError/invalidParameter``, ``ICalendarError/invalidUTF8``,
    ///   ``ICalendarError/invalidDate``, ``ICalendarError/unterminatedComponent``,
    ///   ``ICalendarError/mismatchedEnd``, ``ICalendarError/unexpectedEnd``,
    ///   ``ICalendarError/propertyOutsideComponent``, ``ICalendarError/unexpectedContinuation``,
    ///   ``ICalendarError/nestingTooDeep`` or ``ICalendarError/lineTooLong``.
    public static func readComponents(_ bytes: [UInt8]) throws(ICalendarError) -> [Component] {
        try parse(bytes).map(\.component)
    }

    private static func parse(
        _ bytes: [UInt8],
        readsEvents: Bool = false
    ) throws(ICalendarError) -> [LocatedComponent] {
        var scanner = LogicalLineScanner(input: bytes, maximumLineLength: maximumLineLength)
        var builder = ComponentTreeBuilder(input: bytes, maximumNesting: maximumNesting, readsEvents: readsEvents)
        do throws(ICalendarError) {
            try scanner.forEachLine { (line) throws(ICalendarError) in try builder.add(line) }
        } catch {
            try builder.checkDeferredDates()  // an earlier line's bad date comes first
            throw error
        }
        try builder.checkDeferredDates()
        return try builder.finish()
    }
}
