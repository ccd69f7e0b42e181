/// Builds the component tree from content lines, checking BEGIN/END nesting (RFC 5545 §3.4, §3.6).
struct ComponentTreeBuilder {
    let input: [UInt8]
    let maximumNesting: Int
    private var open: [LocatedComponent] = []
    private var roots: [LocatedComponent] = []

    /// Properties whose values the reader checks are real dates (RFC 5545 §3.8.2, §3.8.5, §3.8.7).
    static let dateProperties: Set<String> = [
        "DTSTART", "DTEND", "DTSTAMP", "DUE", "RECURRENCE-ID", "EXDATE", "RDATE", "CREATED", "LAST-MODIFIED",
        "COMPLETED",
    ]

    /// Whether a VEVENT directly inside the first top-level VCALENDAR is read into an ``Event`` when it
    /// closes, so its generic tree need not be kept (see ``LocatedComponent/events``).
    let readsEvents: Bool

    init(input: [UInt8], maximumNesting: Int, readsEvents: Bool = false) {
        self.input = input
        self.maximumNesting = maximumNesting
        self.readsEvents = readsEvents
    }

    mutating func add(_ line: LogicalLine) throws(ICalendarError) {
        let parsed: ContentLineParser.Parsed
        do throws(ContentLineParser.Failure) {
            parsed = try ContentLineParser.parse(line.bytes)
        } catch {
            throw position(error.offset, line).locate(error.error, input: input)
        }
        let valuePosition = position(parsed.valueOffset, line)
        switch parsed.name {
        case "BEGIN":
            let name = try componentName(parsed, at: valuePosition)
            guard open.count < maximumNesting else {
                throw valuePosition.locate(
                    ICalendarError(.nestingTooDeep, "components are nested more than \(maximumNesting) levels deep"),
                    input: input
                )
            }
            open.append(LocatedComponent(name: name, begin: position(0, line)))
        case "END":
            let name = try componentName(parsed, at: valuePosition)
            guard let closed = open.popLast() else {
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
            if open.isEmpty {
                roots.append(closed)
            } else if readsEvents, open.count == 1, roots.isEmpty, closed.name == "VEVENT",
                open[0].name == "VCALENDAR", let event = try? Event(component: closed.component)
            {
                // A VEVENT that does not read is kept whole, so the document reports its error in order.
                open[0].events.append(event)
                open[0].eventIndices.append(open[0].children.count)
                open[0].children.append(LocatedComponent(name: closed.name, begin: closed.begin))
            } else {
                open[open.count - 1].children.append(closed)
            }
        default:
            guard !open.isEmpty else {
                throw position(0, line).locate(
                    ICalendarError(.propertyOutsideComponent, "\(parsed.name) is outside any BEGIN/END"),
                    input: input
                )
            }
            var property = Property(name: parsed.name, parameters: parsed.parameters, value: parsed.rawValue)
            if property.valueEncoding == .text {
                property.value = TextEscaping.unescape(parsed.rawValue)
            }
            try checkDates(property, at: valuePosition)
            open[open.count - 1].properties.append(property)
            open[open.count - 1].valuePositions.append(valuePosition)
        }
    }

    /// The top-level components, once every BEGIN has been closed.
    func finish() throws(ICalendarError) -> [LocatedComponent] {
        if let unclosed = open.last {
            throw unclosed.begin.locate(
                ICalendarError(
                    .unterminatedComponent,
                    "BEGIN:\(unclosed.name) has no matching END:\(unclosed.name) before the end of the input"
                ),
                input: input
            )
        }
        return roots
    }

    private func position(_ offset: Int, _ line: LogicalLine) -> SourcePosition {
        SourcePosition(offset: offset, in: line, input: input)
    }

    private func componentName(
        _ parsed: ContentLineParser.Parsed,
        at position: SourcePosition
    ) throws(ICalendarError) -> String {
        let name = parsed.rawValue.asciiFastUppercased
        let valid =
            !name.isEmpty
            && name.utf8.allSatisfy { byte in
                (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2D
            }
        guard valid else {
            throw position.locate(
                ICalendarError(
                    .invalidName,
                    "'\(parsed.rawValue.prefix(40))' is not a component name: use letters, digits and '-'"
                ),
                input: input
            )
        }
        return name
    }

    private func checkDates(_ property: Property, at position: SourcePosition) throws(ICalendarError) {
        // Every date property starts with D, R, E, C or L: most names are ruled out without hashing.
        guard let initial = property.name.utf8.first,
            initial == 0x44 || initial == 0x52 || initial == 0x45 || initial == 0x43 || initial == 0x4C,
            Self.dateProperties.contains(property.name)
        else { return }
        let type = property.parameter("VALUE")?.asciiFastUppercased
        guard type == nil || type == "DATE" || type == "DATE-TIME" else { return }
        do throws(ICalendarError) {
            _ = try DateTimeValue.values(of: property)
        } catch {
            throw position.locate(error, input: input)
        }
    }
}
