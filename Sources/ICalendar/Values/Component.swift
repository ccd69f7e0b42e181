/// An iCalendar component (RFC 5545 §3.4, §3.6): `VCALENDAR`, `VEVENT`, `VALARM`, `VTIMEZONE`,
/// `STANDARD`, `DAYLIGHT`, or any other, with its properties and sub-components in order.
///
/// The reader keeps every property and component it does not know, so a calendar read and written
/// again loses nothing; typed views such as `Event` are built on top of this tree.
public struct Component: Hashable, Sendable {
    /// The component name in upper case, without `BEGIN:` (`VEVENT`).
    public var name: String
    public var properties: [Property]
    public var components: [Component]

    public init(name: String, properties: [Property] = [], components: [Component] = []) {
        self.name = name.asciiFastUppercased
        self.properties = properties
        self.components = components
    }

    /// The first property with this name (case-insensitive), if any.
    public func property(_ name: String) -> Property? {
        let upper = name.asciiFastUppercased
        return properties.first { $0.name == upper }
    }

    /// Every property with this name (case-insensitive), in order.
    public func properties(named name: String) -> [Property] {
        let upper = name.asciiFastUppercased
        return properties.filter { $0.name == upper }
    }
}

/// A content line's property (RFC 5545 §3.1): name, parameters and the value as unescaped text.
///
/// `value` holds the value as the writer should produce it before TEXT escaping: for TEXT values
/// (SUMMARY, DESCRIPTION, ...) the writer escapes backslash, comma, semicolon and newline and the
/// reader undoes it; for every other value type (DATE-TIME, RRULE, URI, ...) the text is written as is.
/// List-valued TEXT (CATEGORIES, RESOURCES) keeps its escaped wire form so that separating commas stay
/// apart from escaped ones; see ``valueEncoding`` and ``textList``.
public struct Property: Hashable, Sendable {
    /// The property name in upper case (`DTSTART`, `X-ROTA-TEAM`).
    public var name: String
    /// In order; names in upper case.
    public var parameters: [Parameter]
    public var value: String

    public init(name: String, parameters: [Parameter] = [], value: String) {
        self.name = name.asciiFastUppercased
        self.parameters = parameters
        self.value = value
    }

    /// A property whose name is upper case already, as the reader makes them.
    init(upperCaseName name: String, parameters: [Parameter], value: String) {
        self.name = name
        self.parameters = parameters
        self.value = value
    }

    /// The first value of the parameter with this name (case-insensitive), if any.
    public func parameter(_ name: String) -> String? {
        let upper = name.asciiFastUppercased
        return parameters.first { $0.name == upper }?.values.first
    }

    /// ``parameter(_:)`` for a name known to be upper case, as the reader asks for `VALUE` and `TZID`.
    func parameter(upperCaseName name: String) -> String? {
        guard !parameters.isEmpty else { return nil }
        return parameters.first { $0.name == name }?.values.first
    }
}

/// A property parameter (RFC 5545 §3.2), such as `TZID=America/New_York` or `VALUE=DATE`.
public struct Parameter: Hashable, Sendable {
    public var name: String
    /// Unquoted values.
    ///
    /// The writer quotes a value that contains `:`, `;` or `,` (RFC 5545 §3.1). A value cannot hold a
    /// DQUOTE: the writer puts `'` in its place.
    public var values: [String]

    public init(name: String, values: [String]) {
        self.name = name.asciiFastUppercased
        self.values = values
    }

    /// A parameter whose name is upper case already, as the reader makes them.
    init(upperCaseName name: String, values: [String]) {
        self.name = name
        self.values = values
    }

    public init(name: String, value: String) {
        self.init(name: name, values: [value])
    }
}
