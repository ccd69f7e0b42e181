import Foundation

/// Parses one unfolded content line: `name *(";" param) ":" value` (RFC 5545 §3.1, §3.2).
enum ContentLineParser {
    /// A content line as a property: a TEXT value unescaped (see ``Property/valueEncoding``), others as on the wire.
    struct Parsed {
        let property: Property
        /// Offset of the value's first byte in the logical line.
        let valueOffset: Int
    }

    /// An error and the offset in the logical line it points at.
    struct Failure: Error {
        let error: ICalendarError
        let offset: Int
    }

    static let colon = UInt8(ascii: ":")
    static let semicolon = UInt8(ascii: ";")
    static let comma = UInt8(ascii: ",")
    static let equals = UInt8(ascii: "=")
    static let quote = UInt8(ascii: "\"")

    /// The parameter lists met last, by their bytes, so a list repeated on many lines (`;TZID=Europe/Paris`
    /// on every DTSTART) is read once and shared instead of built again for every line.
    struct ParameterCache {
        private var entries: [(bytes: [UInt8], parameters: [Parameter])] = []
        private var next = 0

        /// The cached list whose bytes start `bytes` at `position` and are followed by the value's colon.
        func match(_ bytes: UnsafeBufferPointer<UInt8>, at position: Int) -> (parameters: [Parameter], end: Int)? {
            for entry in entries {
                let end = position + entry.bytes.count
                guard end < bytes.count, bytes[end] == ContentLineParser.colon,
                    entry.bytes.withUnsafeBufferPointer({ cached in
                        guard let left = cached.baseAddress, let right = bytes.baseAddress else { return false }
                        return memcmp(left, right + position, cached.count) == 0
                    })
                else { continue }
                return (entry.parameters, end)
            }
            return nil
        }

        mutating func add(_ bytes: ArraySlice<UInt8>, _ parameters: [Parameter]) {
            guard bytes.count <= 256 else { return }
            if entries.count < 4 {
                entries.append((Array(bytes), parameters))
            } else {
                entries[next] = (Array(bytes), parameters)
                next = (next + 1) % 4
            }
        }
    }

    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws(Failure) -> Parsed {
        var cache = ParameterCache()
        return try parse(bytes, cache: &cache)
    }

    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, cache: inout ParameterCache) throws(Failure) -> Parsed {
        var position = 0
        var knownEncoding: Property.ValueEncoding?
        let name = try token(bytes, &position, what: "property", knownEncoding: &knownEncoding)
        var parameters: [Parameter] = []
        let parametersStart = position
        var fromCache = false
        if position < bytes.count, bytes[position] == semicolon, let cached = cache.match(bytes, at: position) {
            parameters = cached.parameters
            position = cached.end
            fromCache = true
        }
        while position < bytes.count, bytes[position] == semicolon {
            position += 1
            var ignored: Property.ValueEncoding?
            let parameterName = try token(bytes, &position, what: "parameter", knownEncoding: &ignored)
            guard position < bytes.count, bytes[position] == equals else {
                throw Failure(
                    error: ICalendarError(.invalidParameter, "expected '=' after the parameter name \(parameterName)"),
                    offset: position
                )
            }
            position += 1
            var values: [String] = []
            while true {
                values.append(try parameterValue(bytes, &position))
                guard position < bytes.count, bytes[position] == comma else { break }
                position += 1
            }
            parameters.append(Parameter(upperCaseName: parameterName, values: values))
        }
        guard position < bytes.count, bytes[position] == colon else {
            throw Failure(error: missingColonError, offset: position)
        }
        if !fromCache, !parameters.isEmpty, position > parametersStart {
            cache.add(ArraySlice(UnsafeBufferPointer(rebasing: bytes[parametersStart..<position])), parameters)
        }
        let valueOffset = position + 1
        var property = Property(upperCaseName: name, parameters: parameters, value: "")
        let value = UnsafeBufferPointer(rebasing: bytes[valueOffset...])
        // A known name's encoding holds unless a VALUE parameter overrides it (never for a TEXT list).
        let encoding: Property.ValueEncoding
        if let knownEncoding, knownEncoding == .textList || !parameters.contains(where: { $0.name == "VALUE" }) {
            encoding = knownEncoding
        } else {
            encoding = property.valueEncoding
        }
        property.value =
            encoding == .text
            ? TextEscaping.unescape(value) : String(decoding: value, as: UTF8.self)
        return Parsed(property: property, valueOffset: valueOffset)
    }

    /// A name of letters, digits and `-`, upper-cased; it must be followed by `;`, `:`, `=` or `,`.
    private static func token(
        _ bytes: UnsafeBufferPointer<UInt8>,
        _ position: inout Int,
        what: String,
        knownEncoding: inout Property.ValueEncoding?
    ) throws(Failure) -> String {
        let start = position
        while position < bytes.count, isNameByte(bytes[position]) {
            position += 1
        }
        if position < bytes.count, !isSeparator(bytes[position]), bytes[position] != equals {
            // Point at the offending character when a separator comes later, else at the missing colon.
            guard bytes[position...].contains(where: { $0 == colon || $0 == semicolon }) else {
                throw Failure(error: missingColonError, offset: bytes.count)
            }
            throw Failure(
                error: ICalendarError(.invalidName, "a \(what) name may contain only letters, digits and '-'"),
                offset: position
            )
        }
        guard position > start else {
            if position >= bytes.count { throw Failure(error: missingColonError, offset: position) }
            throw Failure(error: ICalendarError(.invalidName, "the \(what) name is empty"), offset: position)
        }
        let name = UnsafeBufferPointer(rebasing: bytes[start..<position])
        if let known = KnownName.lookUp(name) {
            knownEncoding = known.encoding
            return known.name
        }
        guard name.contains(where: { $0 >= 0x61 }) else { return String(decoding: name, as: UTF8.self) }
        return String(decoding: name.map { $0 >= 0x61 ? $0 - 0x20 : $0 }, as: UTF8.self)
    }

    /// One parameter value, quoted (`"..."`, no DQUOTE inside) or up to the next `,`, `;` or `:`.
    private static func parameterValue(
        _ bytes: UnsafeBufferPointer<UInt8>,
        _ position: inout Int
    ) throws(Failure) -> String {
        if position < bytes.count, bytes[position] == quote {
            let open = position
            guard let close = bytes[(open + 1)...].firstIndex(of: quote) else {
                throw Failure(
                    error: ICalendarError(.invalidParameter, "the quoted parameter value is never closed"),
                    offset: open
                )
            }
            position = close + 1
            guard position < bytes.count, isSeparator(bytes[position]) else {
                throw Failure(
                    error: ICalendarError(.invalidParameter, "expected ',', ';' or ':' after the closing quote"),
                    offset: position
                )
            }
            return String(decoding: bytes[(open + 1)..<close], as: UTF8.self)
        }
        let start = position
        while position < bytes.count, !isSeparator(bytes[position]) {
            position += 1
        }
        guard position < bytes.count else { throw Failure(error: missingColonError, offset: position) }
        return String(decoding: bytes[start..<position], as: UTF8.self)
    }

    private static var missingColonError: ICalendarError {
        ICalendarError(.missingColon, "expected ':' between the property name and its value")
    }

    /// `:`, `;` or `,`, which end an unquoted parameter value.
    private static func isSeparator(_ byte: UInt8) -> Bool {
        byte == colon || byte == semicolon || byte == comma
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
            || byte == 0x2D
    }
}
