extension ICalendarWriter {
    /// Writes `event` as `write(event.component)` would, straight from its fields.
    ///
    /// No ``Component`` or ``Property`` values are made: each content line is built in `line` from the
    /// typed fields, in the VEVENT order of the table above, and folded into `output`. An event whose
    /// ``Event/extra`` (or an alarm's extra) holds a name of the fixed order would be reordered by
    /// ``orderedProperties(of:)``, so it takes the component path instead.
    static func appendEvent(_ event: Event, to output: inout [UInt8], line: inout [UInt8]) {
        guard isDirectlyWritable(event) else {
            append(event.component, to: &output, line: &line)
            return
        }
        appendLine(begin: true, "VEVENT", to: &output, line: &line)
        appendRaw("UID", event.uid, to: &output, line: &line)
        appendDate("DTSTAMP", event.dtstamp, to: &output, line: &line)
        line.removeAll(keepingCapacity: true)
        line.append(contentsOf: "SEQUENCE:".utf8)
        line.append(contentsOf: String(event.sequence).utf8)
        ContentLineEncoder.appendFolded(line, to: &output)
        appendDate("DTSTART", event.start, to: &output, line: &line)
        if let end = event.end { appendDate("DTEND", end, to: &output, line: &line) }
        if let rrule = event.rrule { appendRaw("RRULE", rrule, to: &output, line: &line) }
        for exdate in event.exdates { appendDate("EXDATE", exdate, to: &output, line: &line) }
        if !event.summary.isEmpty { appendText("SUMMARY", event.summary, to: &output, line: &line) }
        if !event.description.isEmpty { appendText("DESCRIPTION", event.description, to: &output, line: &line) }
        if let location = event.location { appendText("LOCATION", location, to: &output, line: &line) }
        if !event.categories.isEmpty {
            // The value `TextEscaping.joinList` makes; it holds no line break, so it is written as it is.
            line.removeAll(keepingCapacity: true)
            line.append(contentsOf: "CATEGORIES:".utf8)
            for (index, item) in event.categories.enumerated() {
                if index > 0 { line.append(0x2C) }
                TextEscaping.appendEscaped(item, to: &line)
            }
            ContentLineEncoder.appendFolded(line, to: &output)
        }
        if let status = event.status { appendRaw("STATUS", status.rawValue, to: &output, line: &line) }
        appendRaw("TRANSP", event.transparency.rawValue, to: &output, line: &line)
        if let url = event.url { appendRaw("URL", url, to: &output, line: &line) }
        for property in event.extra {
            line.removeAll(keepingCapacity: true)
            ContentLineEncoder.appendLine(for: property, to: &line)
            ContentLineEncoder.appendFolded(line, to: &output)
        }
        for alarm in event.alarms {
            appendLine(begin: true, "VALARM", to: &output, line: &line)
            appendRaw("ACTION", "DISPLAY", to: &output, line: &line)
            appendRaw("TRIGGER", alarm.trigger.description, to: &output, line: &line)
            appendText("DESCRIPTION", alarm.description, to: &output, line: &line)
            for property in alarm.extra {
                line.removeAll(keepingCapacity: true)
                ContentLineEncoder.appendLine(for: property, to: &line)
                ContentLineEncoder.appendFolded(line, to: &output)
            }
            appendLine(begin: false, "VALARM", to: &output, line: &line)
        }
        for child in event.otherComponents {
            append(child, to: &output, line: &line)
        }
        appendLine(begin: false, "VEVENT", to: &output, line: &line)
    }

    /// Whether no extra property of the event or its alarms has a name the fixed order lists.
    private static func isDirectlyWritable(_ event: Event) -> Bool {
        guard !event.extra.isEmpty || event.alarms.contains(where: { !$0.extra.isEmpty }) else { return true }
        guard let eventRanks = propertyRanks["VEVENT"], let alarmRanks = propertyRanks["VALARM"] else {
            return false
        }
        if event.extra.contains(where: { eventRanks[$0.name] != nil }) { return false }
        return !event.alarms.contains { alarm in alarm.extra.contains { alarmRanks[$0.name] != nil } }
    }

    /// `NAME:value` for a value written as it is, line breaks aside (``Property/ValueEncoding/raw``).
    static func appendRaw(_ name: String, _ value: String, to output: inout [UInt8], line: inout [UInt8]) {
        line.removeAll(keepingCapacity: true)
        line.append(contentsOf: name.utf8)
        line.append(0x3A)
        TextEscaping.appendEscapingLineBreaks(value, to: &line)
        ContentLineEncoder.appendFolded(line, to: &output)
    }

    /// `NAME:value` for one TEXT value, escaped (``Property/ValueEncoding/text``).
    static func appendText(_ name: String, _ value: String, to output: inout [UInt8], line: inout [UInt8]) {
        line.removeAll(keepingCapacity: true)
        line.append(contentsOf: name.utf8)
        line.append(0x3A)
        TextEscaping.appendEscaped(value, to: &line)
        ContentLineEncoder.appendFolded(line, to: &output)
    }

    /// The line of ``DateTimeValue/property(named:)``: `VALUE=DATE` or `TZID=...`, then the value text.
    static func appendDate(
        _ name: String,
        _ value: DateTimeValue,
        to output: inout [UInt8],
        line: inout [UInt8]
    ) {
        line.removeAll(keepingCapacity: true)
        line.append(contentsOf: name.utf8)
        appendDateValue(value, to: &line)
        ContentLineEncoder.appendFolded(line, to: &output)
    }

    /// What follows the name in ``appendDate(_:_:to:line:)``'s line: the parameters, `:` and the value text.
    static func appendDateValue(_ value: DateTimeValue, to line: inout [UInt8]) {
        switch value {
        case .date(let year, let month, let day):
            line.append(contentsOf: ";VALUE=DATE:".utf8)
            if (0...9999).contains(year), (0...99).contains(month), (0...99).contains(day) {
                appendDigits(year, 4, to: &line)
                appendDigits(month, 2, to: &line)
                appendDigits(day, 2, to: &line)
            } else {
                TextEscaping.appendEscapingLineBreaks(value.valueText, to: &line)
            }
        case .floating(let parts):
            line.append(0x3A)
            appendParts(parts, value, to: &line)
        case .utc(let parts):
            line.append(0x3A)
            appendParts(parts, value, to: &line)
        case .zoned(let tzid, let parts):
            line.append(contentsOf: ";TZID=".utf8)
            ContentLineEncoder.appendParameterValue(tzid, to: &line)
            line.append(0x3A)
            appendParts(parts, value, to: &line)
        }
    }

    /// ``DateTimeValue/valueText`` of `value`, whose parts are `parts`, as bytes.
    private static func appendParts(_ parts: DateTimeValue.LocalParts, _ value: DateTimeValue, to line: inout [UInt8]) {
        let inRange =
            (0...9999).contains(parts.year) && (0...99).contains(parts.month) && (0...99).contains(parts.day)
            && (0...99).contains(parts.hour) && (0...99).contains(parts.minute) && (0...99).contains(parts.second)
        guard inRange else {
            TextEscaping.appendEscapingLineBreaks(value.valueText, to: &line)
            return
        }
        appendDigits(parts.year, 4, to: &line)
        appendDigits(parts.month, 2, to: &line)
        appendDigits(parts.day, 2, to: &line)
        line.append(UInt8(ascii: "T"))
        appendDigits(parts.hour, 2, to: &line)
        appendDigits(parts.minute, 2, to: &line)
        appendDigits(parts.second, 2, to: &line)
        if case .utc = value { line.append(UInt8(ascii: "Z")) }
    }

    /// `number` (non-negative, fewer than `width` + 1 digits) in exactly `width` digits.
    private static func appendDigits(_ number: Int, _ width: Int, to line: inout [UInt8]) {
        var divisor = 1
        for _ in 1..<width { divisor *= 10 }
        var rest = number
        while divisor > 0 {
            line.append(UInt8(ascii: "0") + UInt8(rest / divisor))
            rest %= divisor
            divisor /= 10
        }
    }
}
