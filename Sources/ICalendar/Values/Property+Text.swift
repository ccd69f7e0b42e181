extension Property {
    /// How a property's ``Property/value`` relates to the text on the wire.
    ///
    /// RFC 5545 escapes backslash, semicolon, comma and newline only in TEXT values (§3.3.11); other
    /// value types (DATE-TIME, RECUR, URI, ...) are written as they are. The writer escapes and the reader
    /// unescapes exactly the properties whose encoding is ``text``.
    public enum ValueEncoding: Hashable, Sendable {
        /// One TEXT value; ``Property/value`` is unescaped.
        case text
        /// A comma-separated list of TEXT values (CATEGORIES, RESOURCES); ``Property/value`` keeps the
        /// escaped wire form so separating commas stay distinct from escaped ones. Use
        /// ``Property/textList`` and ``Property/init(name:parameters:textList:)``.
        case textList
        /// Any other value type; ``Property/value`` is the wire text.
        case raw
    }

    /// Properties whose value is a single TEXT (RFC 5545 §3.8, RFC 7986 NAME, Apple's X-WR- names).
    ///
    /// UID, PRODID, TZID and TZNAME are TEXT in RFC 5545 too but stay raw here: servers compare them as
    /// opaque strings, and producers that leave commas unescaped in them are common, so passing their
    /// bytes through unchanged is the safer choice for a calendar that is read, merged and written back.
    public static let textPropertyNames: [String] = [
        "SUMMARY", "DESCRIPTION", "LOCATION", "COMMENT", "CONTACT", "NAME", "X-WR-CALNAME", "X-WR-CALDESC",
    ]

    /// Properties whose value is a comma-separated list of TEXT values (RFC 5545 §3.8.1.2, §3.8.1.10).
    public static let textListPropertyNames: [String] = ["CATEGORIES", "RESOURCES"]

    /// How this property's value is encoded: by its `VALUE` parameter if any, else by its name.
    ///
    /// Non-standard `X-` properties are TEXT unless a `VALUE` parameter says otherwise, as RFC 5545
    /// §3.8.8.2 makes TEXT their default type.
    public var valueEncoding: ValueEncoding {
        // The length rules out most names before any string is compared (the reader asks once per line).
        let length = name.utf8.count
        // CATEGORIES and RESOURCES are 10 and 9 bytes long.
        if length == 10 || length == 9, Self.textListPropertyNames.contains(name) { return .textList }
        if !parameters.isEmpty, let type = parameter("VALUE") {
            return type.asciiFastUppercased == "TEXT" ? .text : .raw
        }
        var bytes = name.utf8.makeIterator()
        if bytes.next() == 0x58, bytes.next() == 0x2D { return .text }  // X-
        guard length < 64, Self.textPropertyNameLengths & (1 << length) != 0 else { return .raw }
        return Self.textPropertyNames.contains(name) ? .text : .raw
    }

    /// One bit per length in bytes of the names in ``textPropertyNames``, to rule out other names cheaply.
    private static let textPropertyNameLengths: UInt64 = textPropertyNames.reduce(0) { mask, name in
        mask | (name.utf8.count < 64 ? 1 << name.utf8.count : 0)
    }

    /// A list-valued TEXT property (CATEGORIES, RESOURCES) holding these items, escaped and comma-joined.
    ///
    /// - Parameters:
    ///   - name: The property name.
    ///   - parameters: The property parameters.
    ///   - textList: The items, unescaped.
    public init(name: String, parameters: [Parameter] = [], textList: [String]) {
        self.init(name: name, parameters: parameters, value: TextEscaping.joinList(textList))
    }

    /// The unescaped items of a list-valued TEXT property; an empty value has no items.
    public var textList: [String] {
        TextEscaping.splitList(value)
    }
}
