extension DateTimeValue {
    /// Reads a DATE or DATE-TIME property such as DTSTART (RFC 5545 §3.3.4, §3.3.5, §3.8.2.4).
    ///
    /// `VALUE=DATE` or an eight-digit value gives ``date(year:month:day:)``; a trailing `Z` gives
    /// ``utc(_:)`` (a `TZID` is then ignored, as RFC 5545 §3.3.5 forbids it); a `TZID` parameter gives
    /// ``zoned(tzid:_:)``; otherwise the value is ``floating(_:)``.
    ///
    /// - Parameter property: The property; only its first value is read (see ``values(of:)`` for lists).
    /// - Throws: ``ICalendarError/invalidDate`` when the value is not a real date or time.
    public init(property: Property) throws(ICalendarError) {
        // A comma byte is always a comma character in UTF-8, so the value is cut at the byte.
        var value = property.value
        let type = property.parameter(upperCaseName: "VALUE")?.asciiFastUppercased
        let tzid = property.parameter(upperCaseName: "TZID")
        let parsed = value.withUTF8 { bytes in
            Self.parse(
                bytes: UnsafeBufferPointer(rebasing: bytes[..<(bytes.firstIndex(of: 0x2C) ?? bytes.count)]),
                type: type,
                tzid: tzid
            )
        }
        if let parsed {
            self = parsed
            return
        }
        let end = value.utf8.firstIndex(of: 0x2C) ?? value.endIndex
        self = try Self.parse(value[..<end], property: property)
    }

    /// Every value of a comma-separated DATE or DATE-TIME list, such as EXDATE or RDATE (RFC 5545 §3.8.5).
    ///
    /// - Parameter property: The property.
    /// - Returns: The values in order.
    /// - Throws: ``ICalendarError/invalidDate`` for the first value that cannot be read.
    public static func values(of property: Property) throws(ICalendarError) -> [DateTimeValue] {
        // A comma byte is always a comma character in UTF-8, so the list is split at the bytes.
        var result: [DateTimeValue] = []
        let value = property.value
        var start = value.startIndex
        while true {
            let end = value.utf8[start...].firstIndex(of: 0x2C) ?? value.endIndex
            result.append(try parse(value[start..<end], property: property))
            guard end < value.endIndex else { break }
            start = value.utf8.index(after: end)
        }
        return result
    }

    /// Reads one value's text, `20261225`, `20261225T100000` or `20261225T150000Z`.
    ///
    /// - Parameters:
    ///   - valueText: The value without parameters.
    ///   - tzid: The zone for a local DATE-TIME, from a `TZID` parameter.
    /// - Throws: ``ICalendarError/invalidDate`` when the text is not a real date or time.
    public init(valueText: String, tzid: String? = nil) throws(ICalendarError) {
        self = try Self.parse(valueText[...], valueType: nil, tzid: tzid, propertyName: nil)
    }

    /// The value's text as RFC 5545 writes it: `20261225`, `20261225T100000` or `20261225T150000Z`.
    public var valueText: String {
        switch self {
        case .date(let year, let month, let day): Self.digits(year, 4) + Self.digits(month, 2) + Self.digits(day, 2)
        case .floating(let parts), .zoned(_, let parts): Self.text(parts)
        case .utc(let parts): Self.text(parts) + "Z"
        }
    }

    /// The zone of a ``zoned(tzid:_:)`` value.
    public var tzid: String? {
        if case .zoned(let tzid, _) = self { return tzid }
        return nil
    }

    /// The parameters that say how to read ``valueText``: `VALUE=DATE` for a date, `TZID` for a zoned time.
    public var parameters: [Parameter] {
        switch self {
        case .date: [Parameter(name: "VALUE", value: "DATE")]
        case .floating, .utc: []
        case .zoned(let tzid, _): [Parameter(name: "TZID", value: tzid)]
        }
    }

    /// A property carrying this value, such as `DTSTART;VALUE=DATE:20261225`.
    ///
    /// - Parameter name: The property name.
    /// - Returns: The property with ``parameters`` and ``valueText``.
    public func property(named name: String) -> Property {
        Property(name: name, parameters: parameters, value: valueText)
    }

    /// Year, month, day, hour, minute and second as written; a date is at 00:00:00.
    ///
    /// The writer sorts events by this key: it compares wall-clock text, not instants, which needs no
    /// time zone data and is exact for the usual case of one zone per calendar.
    var sortKey: SortKey {
        switch self {
        case .date(let year, let month, let day): SortKey(year: year, month: month, day: day)
        case .floating(let parts), .utc(let parts), .zoned(_, let parts):
            SortKey(
                year: parts.year,
                month: parts.month,
                day: parts.day,
                hour: parts.hour,
                minute: parts.minute,
                second: parts.second
            )
        }
    }

    /// Year, month, day, hour, minute and second, compared in that order.
    struct SortKey: Comparable {
        var year: Int
        var month: Int
        var day: Int
        var hour = 0
        var minute = 0
        var second = 0

        static func < (lhs: Self, rhs: Self) -> Bool {
            (lhs.year, lhs.month, lhs.day, lhs.hour, lhs.minute, lhs.second)
                < (rhs.year, rhs.month, rhs.day, rhs.hour, rhs.minute, rhs.second)
        }
    }

    /// The date part of any form, as written: the day in the value's own zone (UTC for `.utc`), not converted.
    ///
    /// A value read by ``ICalendarReader`` names a real day; one built by hand is taken as it is.
    public var civilDay: CivilDay {
        switch self {
        case .date(let year, let month, let day): CivilDay(uncheckedYear: year, month: month, day: day)
        case .floating(let parts), .utc(let parts), .zoned(_, let parts):
            CivilDay(uncheckedYear: parts.year, month: parts.month, day: parts.day)
        }
    }

    static func parse(_ text: Substring, property: Property) throws(ICalendarError) -> DateTimeValue {
        try parse(
            text,
            valueType: property.parameter(upperCaseName: "VALUE"),
            tzid: property.parameter(upperCaseName: "TZID"),
            propertyName: property.name
        )
    }

    static func parse(
        _ text: Substring,
        valueType: String?,
        tzid: String?,
        propertyName: String?
    ) throws(ICalendarError) -> DateTimeValue {
        let type = valueType?.asciiFastUppercased
        let parsed =
            text.utf8.withContiguousStorageIfAvailable { parse(bytes: $0, type: type, tzid: tzid) }
            ?? Array(text.utf8).withUnsafeBufferPointer { parse(bytes: $0, type: type, tzid: tzid) }
        guard let parsed else {
            throw ICalendarError(
                .invalidDate,
                "'\(text.prefix(40))' is not a \(type == "DATE" ? "DATE" : "DATE or DATE-TIME")"
                    + " (RFC 5545 §3.3.4, §3.3.5)",
                propertyName: propertyName
            )
        }
        return parsed
    }

    /// The value the bytes spell, or `nil` when they are not a real date or time of type `type`.
    private static func parse(bytes: UnsafeBufferPointer<UInt8>, type: String?, tzid: String?) -> DateTimeValue? {
        guard bytes.count == 8 || bytes.count == 15 || bytes.count == 16 else { return nil }
        guard let year = number(bytes, 0, 4), let month = number(bytes, 4, 2), let day = number(bytes, 6, 2),
            CivilDay.isValid(year: year, month: month, day: day)
        else { return nil }
        if bytes.count == 8 {
            guard type == nil || type == "DATE" else { return nil }
            return .date(year: year, month: month, day: day)
        }
        guard type == nil || type == "DATE-TIME", bytes[8] == UInt8(ascii: "T"),
            let hour = number(bytes, 9, 2), let minute = number(bytes, 11, 2), let second = number(bytes, 13, 2),
            hour < 24, minute < 60, second <= 60
        else { return nil }
        let parts = LocalParts(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        if bytes.count == 16 {
            guard bytes[15] == UInt8(ascii: "Z") else { return nil }
            return .utc(parts)
        }
        if let tzid { return .zoned(tzid: tzid, parts) }
        return .floating(parts)
    }

    private static func number(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ count: Int) -> Int? {
        var value = 0
        for byte in bytes[start..<(start + count)] {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }

    private static func text(_ parts: LocalParts) -> String {
        let fields = [parts.year, parts.month, parts.day, parts.hour, parts.minute, parts.second]
        if (0...9999).contains(parts.year), fields.dropFirst().allSatisfy({ (0...99).contains($0) }) {
            // Fixed width: write the fifteen digits and the T straight into the string's storage.
            return String(unsafeUninitializedCapacity: 15) { buffer in
                var index = 0
                for (field, width) in zip(fields, [4, 2, 2, 2, 2, 2]) {
                    if index == 8 {
                        buffer[index] = UInt8(ascii: "T")
                        index += 1
                    }
                    var value = field
                    for offset in stride(from: width - 1, through: 0, by: -1) {
                        buffer[index + offset] = UInt8(ascii: "0") + UInt8(value % 10)
                        value /= 10
                    }
                    index += width
                }
                return index
            }
        }
        return digits(parts.year, 4) + digits(parts.month, 2) + digits(parts.day, 2) + "T" + digits(parts.hour, 2)
            + digits(parts.minute, 2) + digits(parts.second, 2)
    }

    static func digits(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }
}
