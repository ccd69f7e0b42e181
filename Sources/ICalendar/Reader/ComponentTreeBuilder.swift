/// Builds the component tree from content lines, checking BEGIN/END nesting (RFC 5545 §3.4, §3.6).
struct ComponentTreeBuilder {
    /// The input, or the piece of it being read when ``streams`` (see ``continueReading(with:)``).
    private(set) var input: [UInt8]
    let maximumNesting: Int
    private var open: [LocatedComponent] = []
    private var roots: [LocatedComponent] = []

    /// Whether the reader checks this property's values are real dates (RFC 5545 §3.8.2, §3.8.5, §3.8.7):
    /// DTSTART, DTEND, DTSTAMP, DUE, RECURRENCE-ID, EXDATE, RDATE, CREATED, LAST-MODIFIED or COMPLETED.
    ///
    /// Asked for every property read, so the name's length rules out most names before any comparison.
    static func isDateProperty(_ name: String) -> Bool {
        switch name.utf8.count {
        case 3: name == "DUE"
        case 5: name == "DTEND" || name == "RDATE"
        case 6: name == "EXDATE"
        case 7: name == "DTSTART" || name == "DTSTAMP" || name == "CREATED"
        case 9: name == "COMPLETED"
        case 13: name == "RECURRENCE-ID" || name == "LAST-MODIFIED"
        default: false
        }
    }

    /// Whether a VEVENT directly inside the first top-level VCALENDAR is read into an ``Event`` when it
    /// closes, so its generic tree need not be kept (see ``LocatedComponent/events``).
    let readsEvents: Bool

    /// Whether each component directly inside a top-level one, and each top-level one, is handed over whole as
    /// it closes (see ``takeStreamed()``) instead of being kept in the tree: ``ICalendarStreamReader``.
    let streams: Bool
    /// The components closed since ``takeStreamed()`` last took them (when ``streams``).
    private var streamed: [StreamedComponent] = []
    /// For the first open components, whose BEGIN lines were in an earlier piece of the input (when ``streams``):
    /// the column and text of that line, for the error if one is never closed.
    private var earlierBegins: [(column: Int, sourceLine: String?)] = []

    init(input: [UInt8], maximumNesting: Int, readsEvents: Bool = false, streams: Bool = false) {
        self.input = input
        self.maximumNesting = maximumNesting
        self.readsEvents = readsEvents
        self.streams = streams
    }

    /// Reads the next piece of the input from now on; it starts with a new content line.
    ///
    /// Positions already taken point into the old piece, so the BEGIN lines of the open components are placed
    /// first: the error for a component never closed needs them at the end of the input.
    mutating func continueReading(with piece: [UInt8]) {
        for component in open[earlierBegins.count...] {
            earlierBegins.append((component.begin.column(in: input), component.begin.sourceLine(in: input)))
        }
        input = piece
    }

    /// The components closed since the last call, in the order they closed.
    mutating func takeStreamed() -> [StreamedComponent] {
        defer { streamed = [] }
        return streamed
    }

    /// Indices in the open VEVENT's properties of date values left for ``Event/init(component:)`` to read.
    ///
    /// Reading an event parses DTSTAMP, DTSTART, DTEND and EXDATE anyway, so checking them when their line
    /// is read would parse every date twice. They are checked only if the event does not read, or if an
    /// error comes before the event ends, so errors are still reported in the order of the input.
    private var deferredDates: [Int] = []
    /// Parameter lists met recently, shared between lines (see ``ContentLineParser/ParameterCache``).
    private var parameterCache = ContentLineParser.ParameterCache()
    /// The properties of the components closed last, whose repeated values new properties share.
    private var repeatedValues = RepeatedValues()
    /// DTSTAMP, DTSTART and DTEND already deferred in the open VEVENT (one bit each): only the first of
    /// each is read into the event; a repeat is checked at once.
    private var deferredSingulars: UInt8 = 0

    /// Adds one content line.
    mutating func add(_ line: borrowing LogicalLine) throws(ICalendarError) {
        do throws(ICalendarError) {
            try addLine(line)
        } catch {
            try checkDeferredDates()
            throw error
        }
    }

    /// Checks the dates left unchecked in the open VEVENT, before an error after them is reported.
    mutating func checkDeferredDates() throws(ICalendarError) {
        guard !deferredDates.isEmpty, open.count >= 2 else { return }
        let indices = deferredDates
        deferredDates = []
        try checkDates(at: indices, in: open[1])
    }

    private func checkDates(at indices: [Int], in component: LocatedComponent) throws(ICalendarError) {
        for index in indices {
            try checkDates(component.properties[index], at: component.valuePositions[index])
        }
    }

    /// Whether a component named `name`, inside `depth` open components, is a VEVENT that ``readsEvents``
    /// reads into an ``Event``: one directly inside the first top-level VCALENDAR.
    private func readsEvent(named name: String, depth: Int) -> Bool {
        readsEvents && depth == 1 && roots.isEmpty && name == "VEVENT" && open[0].name == "VCALENDAR"
    }

    /// Whether the innermost open component is a VEVENT that ``readsEvents`` will read into an ``Event``.
    private var inReadEvent: Bool {
        open.count == 2 && readsEvent(named: open[1].name, depth: 1)
    }

    /// Whether checking this property's dates can wait for ``Event/init(component:)``, marking it deferred.
    private mutating func defers(_ property: Property) -> Bool {
        let initial = property.name.utf8.first
        guard initial == 0x44 || initial == 0x45 else { return false }  // D or E
        let bit: UInt8
        switch property.name {
        case "EXDATE": return true
        case "DTSTAMP": bit = 1
        case "DTSTART": bit = 2
        case "DTEND": bit = 4
        default: return false
        }
        // The event reads the first value of these, so a list must still be checked whole.
        guard deferredSingulars & bit == 0 else { return false }
        var value = property.value
        guard !value.withUTF8({ $0.contains(0x2C) }) else { return false }
        deferredSingulars |= bit
        return true
    }

    private mutating func addLine(_ line: borrowing LogicalLine) throws(ICalendarError) {
        let parsed: ContentLineParser.Parsed
        do throws(ContentLineParser.Failure) {
            parsed = try line.withBytes(in: input) { (bytes) throws(ContentLineParser.Failure) in
                try ContentLineParser.parse(bytes, cache: &parameterCache)
            }
        } catch {
            throw position(error.offset, line).locate(error.error, input: input)
        }
        let valuePosition = position(parsed.valueOffset, line)
        switch parsed.property.name {
        case "BEGIN":
            let name = try componentName(parsed, at: valuePosition)
            guard open.count < maximumNesting else {
                throw valuePosition.locate(
                    ICalendarError(.nestingTooDeep, "components are nested more than \(maximumNesting) levels deep"),
                    input: input
                )
            }
            let isReadEvent = readsEvent(named: name, depth: open.count)
            // Room for a typical event's properties, so appending does not reallocate several times.
            open.append(
                LocatedComponent(
                    name: name,
                    begin: position(0, line),
                    capacity: isReadEvent ? 16 : 4,
                    keepsPositions: readsEvents
                )
            )
            if isReadEvent {
                deferredDates = []
                deferredSingulars = 0
            }
        case "END":
            let name = try componentName(parsed, at: valuePosition)
            guard var closed = open.last else {
                throw valuePosition.locate(
                    ICalendarError(.unexpectedEnd, "END:\(name) has no matching BEGIN:\(name)"),
                    input: input
                )
            }
            guard closed.name == name else {
                throw valuePosition.locate(
                    ICalendarError(
                        .mismatchedEnd,
                        "END:\(name) does not close BEGIN:\(closed.name) on line \(closed.begin.line)"
                    ),
                    input: input
                )
            }
            open.removeLast()
            if earlierBegins.count > open.count { earlierBegins.removeLast() }
            closed.releaseSpareCapacity()
            repeatedValues.closed(closed.properties, depth: open.count)
            let readsClosed = readsEvent(named: closed.name, depth: open.count)
            let deferred = readsClosed ? deferredDates : []
            deferredDates = []
            if open.isEmpty, streams {
                streamed.append(.topLevel(closed.component))
            } else if open.isEmpty {
                roots.append(closed)
            } else if streams, open.count == 1 {
                streamed.append(.child(closed.component, parent: open[0].name))
            } else if readsClosed,
                let event = try? Event(properties: closed.properties, components: closed.children.map(\.component))
            {
                // A VEVENT that does not read is kept whole, so the document reports its error in order.
                open[0].events.append(event)
                open[0].eventIndices.append(open[0].children.count)
                open[0].children.append(LocatedComponent(name: closed.name, begin: closed.begin, capacity: 0))
            } else if !readsEvents {
                open[open.count - 1].convertedChildren.append(closed.component)
            } else {
                try checkDates(at: deferred, in: closed)
                open[open.count - 1].children.append(closed)
            }
        default:
            guard !open.isEmpty else {
                throw position(0, line).locate(
                    ICalendarError(.propertyOutsideComponent, "\(parsed.property.name) is outside any BEGIN/END"),
                    input: input
                )
            }
            let depth = open.count - 1
            let property = repeatedValues.shared(parsed.property, at: open[depth].properties.count, depth: depth)
            if inReadEvent, defers(property) {
                deferredDates.append(open[1].properties.count)
            } else {
                try checkDates(property, at: valuePosition)
            }
            open[open.count - 1].properties.append(property)
            if readsEvents { open[open.count - 1].valuePositions.append(valuePosition) }
        }
    }

    /// The top-level components, once every BEGIN has been closed.
    func finish() throws(ICalendarError) -> [LocatedComponent] {
        if let unclosed = open.last {
            let error = ICalendarError(
                .unterminatedComponent,
                "BEGIN:\(unclosed.name) has no matching END:\(unclosed.name) before the end of the input"
            )
            if earlierBegins.count == open.count, let earlier = earlierBegins.last {
                throw error.located(line: unclosed.begin.line, column: earlier.column, sourceLine: earlier.sourceLine)
            }
            throw unclosed.begin.locate(error, input: input)
        }
        return roots
    }

    private func position(_ offset: Int, _ line: borrowing LogicalLine) -> SourcePosition {
        SourcePosition(offset: offset, in: line)
    }

    private func componentName(
        _ parsed: ContentLineParser.Parsed,
        at position: SourcePosition
    ) throws(ICalendarError) -> String {
        if let known = Self.knownComponentName(parsed.property.value) { return known }
        let name = parsed.property.value.asciiFastUppercased
        let valid =
            !name.isEmpty
            && name.utf8.allSatisfy { byte in
                (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2D
            }
        guard valid else {
            throw position.locate(
                ICalendarError(
                    .invalidName,
                    "'\(parsed.property.value.prefix(40))' is not a component name: use letters, digits and '-'"
                ),
                input: input
            )
        }
        return name
    }

    /// The name itself when it is one of the components real calendars are made of, written in upper case.
    private static func knownComponentName(_ name: String) -> String? {
        switch name {
        case "VEVENT", "VALARM", "VCALENDAR", "VTIMEZONE", "STANDARD", "DAYLIGHT", "VTODO", "VJOURNAL": name
        default: nil
        }
    }

    private func checkDates(_ property: Property, at position: SourcePosition) throws(ICalendarError) {
        guard Self.isDateProperty(property.name) else { return }
        let type = property.parameter("VALUE")?.asciiFastUppercased
        guard type == nil || type == "DATE" || type == "DATE-TIME" else { return }
        do throws(ICalendarError) {
            _ = try DateTimeValue.values(of: property)
        } catch {
            throw position.locate(error, input: input)
        }
    }
}
