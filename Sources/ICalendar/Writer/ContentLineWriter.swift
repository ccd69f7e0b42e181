/// Writes content lines one at a time into a byte buffer, escaped and folded exactly as ``ICalendarWriter``
/// writes the same properties inside a component.
///
/// For an app that writes many components of one shape: it writes their fields straight to bytes, with no
/// ``Component`` or ``Property`` values built only to be taken apart again, and it knows where each line
/// starts (``count`` before the line), so it can hash or cut the bytes around some lines without searching.
/// The order of the lines is the caller's: to get the bytes of ``ICalendarWriter/write(_:)-(Component)``,
/// write them in the writer's fixed order (see ``ICalendarWriter/fixedOrder(of:)``).
public struct ContentLineWriter: Sendable {
    /// The lines written so far, each ending in CR LF.
    public private(set) var bytes: [UInt8]

    /// An empty writer whose buffer has room for `capacity` bytes.
    public init(reservingCapacity capacity: Int = 0) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    /// How many bytes have been written: the offset where the next line starts.
    public var count: Int { bytes.count }

    /// `BEGIN:NAME`, the name in upper case as ``Component`` keeps it.
    public mutating func begin(_ component: String) {
        let start = bytes.count
        bytes.append(contentsOf: "BEGIN:".utf8)
        ContentLineEncoder.appendName(component.asciiFastUppercased, to: &bytes)
        endLine(startingAt: start)
    }

    /// `END:NAME`, the name in upper case as ``Component`` keeps it.
    public mutating func end(_ component: String) {
        let start = bytes.count
        bytes.append(contentsOf: "END:".utf8)
        ContentLineEncoder.appendName(component.asciiFastUppercased, to: &bytes)
        endLine(startingAt: start)
    }

    /// Any property, as the writer writes it (its ``Property/valueEncoding`` decides the escaping).
    public mutating func append(_ property: Property) {
        let start = bytes.count
        ContentLineEncoder.appendLine(for: property, to: &bytes)
        endLine(startingAt: start)
    }

    /// The line of `Property(name: name, value: value)` for a TEXT property (SUMMARY, DESCRIPTION, `X-`):
    /// the value escaped.
    public mutating func appendText(_ name: PropertyName, _ value: String) {
        let start = bytes.count
        ContentLineEncoder.appendName(name.rawValue, to: &bytes)
        bytes.append(0x3A)
        TextEscaping.appendEscaped(value, to: &bytes)
        endLine(startingAt: start)
    }

    /// The line of `Property(name: name, value: value)` for a property whose value is written as it is
    /// (UID, STATUS, TRIGGER, SEQUENCE), line breaks aside.
    public mutating func appendRaw(_ name: PropertyName, _ value: String) {
        let start = bytes.count
        ContentLineEncoder.appendName(name.rawValue, to: &bytes)
        bytes.append(0x3A)
        TextEscaping.appendEscapingLineBreaks(value, to: &bytes)
        endLine(startingAt: start)
    }

    /// The line of `Property(name: name, textList: items)` (CATEGORIES, RESOURCES).
    public mutating func appendTextList(_ name: PropertyName, _ items: [String]) {
        let start = bytes.count
        ContentLineEncoder.appendName(name.rawValue, to: &bytes)
        bytes.append(0x3A)
        // The value `TextEscaping.joinList` makes; escaping turned its line breaks into `\n` already.
        for (index, item) in items.enumerated() {
            if index > 0 { bytes.append(0x2C) }
            TextEscaping.appendEscaped(item, to: &bytes)
        }
        endLine(startingAt: start)
    }

    /// The line of `value.property(named: name)`: `VALUE=DATE` or `TZID=...`, then the value text.
    public mutating func appendDateTime(_ name: PropertyName, _ value: DateTimeValue) {
        let start = bytes.count
        ContentLineEncoder.appendName(name.rawValue, to: &bytes)
        ICalendarWriter.appendDateValue(value, to: &bytes)
        endLine(startingAt: start)
    }

    /// Ends the line that starts at `start`: most lines are built in place and need only CR LF; a longer one
    /// is taken out and folded back in.
    private mutating func endLine(startingAt start: Int) {
        guard bytes.count - start > ContentLineEncoder.foldWidth else {
            bytes.append(0x0D)
            bytes.append(0x0A)
            return
        }
        let line = Array(bytes[start...])
        bytes.removeSubrange(start...)
        ContentLineEncoder.appendFolded(line, to: &bytes)
    }
}

extension ICalendarWriter {
    /// The property names the writer puts first in a component, in their order (the table in
    /// ``ICalendarWriter``); other properties follow in the order they come.
    ///
    /// - Parameter component: A component name in upper case (`VEVENT`).
    /// - Returns: The names; empty for a component the table does not list.
    public static func fixedOrder(of component: String) -> [String] {
        propertyOrder[component] ?? []
    }
}
