/// A property name (RFC 5545 §3.1): `DTSTART`, `SUMMARY`, `X-ROTA-TEAM`.
///
/// Names are case-insensitive (§2.1), so a name is kept in upper case, as ``Property/name`` is: two names
/// that differ only in case are equal, and looking one up finds a property however its producer wrote
/// it. A typed name instead of a string catches a misspelt well-known name at compile time (`.dtStart`)
/// and keeps a lookup from comparing against text in the wrong case.
public struct PropertyName: Hashable, Sendable, RawRepresentable {
    /// The name in upper case.
    public let rawValue: String

    /// The name `text` spells, in any case.
    public init(_ text: String) {
        rawValue = text.asciiFastUppercased
    }

    /// The name `rawValue` spells, in any case (always succeeds).
    public init(rawValue: String) {
        self.init(rawValue)
    }

    public static let uid = PropertyName("UID")
    public static let dtStart = PropertyName("DTSTART")
    public static let dtEnd = PropertyName("DTEND")
    public static let dtStamp = PropertyName("DTSTAMP")
    public static let sequence = PropertyName("SEQUENCE")
    public static let summary = PropertyName("SUMMARY")
    public static let description = PropertyName("DESCRIPTION")
    public static let categories = PropertyName("CATEGORIES")
    public static let status = PropertyName("STATUS")
    public static let transparency = PropertyName("TRANSP")
    public static let action = PropertyName("ACTION")
    public static let trigger = PropertyName("TRIGGER")
    public static let recurrenceRule = PropertyName("RRULE")
    public static let recurrenceDate = PropertyName("RDATE")
    public static let exceptionDate = PropertyName("EXDATE")
    public static let recurrenceID = PropertyName("RECURRENCE-ID")
    public static let lastModified = PropertyName("LAST-MODIFIED")
    public static let created = PropertyName("CREATED")
    public static let timeZoneID = PropertyName("TZID")
    public static let due = PropertyName("DUE")
}

extension Component {
    /// The first property with this name, if any.
    public func property(_ name: PropertyName) -> Property? {
        properties.first { $0.name == name.rawValue }
    }

    /// Every property with this name, in order.
    public func properties(named name: PropertyName) -> [Property] {
        properties.filter { $0.name == name.rawValue }
    }

    /// Removes every property with this name.
    public mutating func removeProperties(named name: PropertyName) {
        properties.removeAll { $0.name == name.rawValue }
    }
}

extension Property {
    /// A property with a typed name; see ``init(name:parameters:value:)``.
    public init(name: PropertyName, parameters: [Parameter] = [], value: String) {
        self.init(upperCaseName: name.rawValue, parameters: parameters, value: value)
    }

    /// A list-valued TEXT property with a typed name; see ``init(name:parameters:textList:)``.
    public init(name: PropertyName, parameters: [Parameter] = [], textList: [String]) {
        self.init(upperCaseName: name.rawValue, parameters: parameters, value: TextEscaping.joinList(textList))
    }

    /// The property's name, typed.
    public var propertyName: PropertyName {
        PropertyName(upperCased: name)
    }

    /// Whether this property has the name `name` (names compare case-insensitively).
    public func hasName(_ name: PropertyName) -> Bool {
        self.name == name.rawValue
    }
}

extension PropertyName {
    /// A name known to be upper case already (``Property/name`` always is).
    init(upperCased text: String) {
        rawValue = text
    }
}

extension DateTimeValue {
    /// The value as a property with a typed name; see ``property(named:)-(String)``.
    public func property(named name: PropertyName) -> Property {
        Property(name: name, parameters: parameters, value: valueText)
    }
}
