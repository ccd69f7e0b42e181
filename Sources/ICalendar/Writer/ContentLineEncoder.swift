/// Encodes one property as a content line and folds it (RFC 5545 §3.1, §3.2, §3.3.11).
///
/// Everything works on UTF-8 bytes: a line is built in a reusable byte buffer and folded into the
/// output by counting octets, so writing a calendar makes no intermediate strings.
enum ContentLineEncoder {
    /// The longest physical line in octets, CR LF excluded (RFC 5545 §3.1).
    static let foldWidth = 75

    /// `NAME;PARAM=value,"quoted:value":value`, unfolded, without CR LF.
    static func line(for property: Property) -> [UInt8] {
        var bytes: [UInt8] = []
        appendLine(for: property, to: &bytes)
        return bytes
    }

    /// Appends ``line(for:)`` to `bytes`.
    static func appendLine(for property: Property, to bytes: inout [UInt8]) {
        appendName(property.name, to: &bytes)
        for parameter in property.parameters {
            bytes.append(0x3B)
            appendName(parameter.name, to: &bytes)
            bytes.append(0x3D)
            var first = true
            for value in parameter.values {
                if !first { bytes.append(0x2C) }
                first = false
                appendParameterValue(value, to: &bytes)
            }
        }
        bytes.append(0x3A)
        switch property.valueEncoding {
        case .text: TextEscaping.appendEscaped(property.value, to: &bytes)
        case .textList, .raw: TextEscaping.appendEscapingLineBreaks(property.value, to: &bytes)
        }
    }

    /// The name with every character other than ASCII letters, digits and `-` replaced by `-`.
    static func name(_ name: String) -> String {
        guard !name.isEmpty else { return "X-" }
        guard !name.utf8.allSatisfy(isNameByte) else { return name }
        var bytes: [UInt8] = []
        appendName(name, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends ``name(_:)`` as bytes: each scalar that is not a name byte becomes one `-`.
    static func appendName(_ name: String, to bytes: inout [UInt8]) {
        guard !name.isEmpty else {
            bytes.append(0x58)
            bytes.append(0x2D)
            return
        }
        // Names are almost always clean already: copy them whole, checked from their contiguous bytes.
        var name = name
        let clean = name.withUTF8 { utf8 in
            guard utf8.allSatisfy(isNameByte) else { return false }
            bytes.append(contentsOf: utf8)
            return true
        }
        guard !clean else { return }
        for byte in name.utf8 {
            if isNameByte(byte) {
                bytes.append(byte)
            } else if byte & 0xC0 != 0x80 {
                bytes.append(0x2D)  // an ASCII byte or the lead byte of a scalar; continuations add nothing
            }
        }
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
            || byte == 0x2D
    }

    /// A parameter value: DQUOTE becomes `'`, control characters spaces; quoted if it holds `:`, `;` or `,`.
    static func parameterValue(_ value: String) -> String {
        var bytes: [UInt8] = []
        appendParameterValue(value, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends ``parameterValue(_:)`` as bytes.
    static func appendParameterValue(_ value: String, to bytes: inout [UInt8]) {
        // Values such as `America/New_York` need neither quotes nor replacements: copied whole.
        var value = value
        let copied = value.withUTF8 { utf8 in
            guard utf8.allSatisfy(isPlainParameterByte) else { return false }
            bytes.append(contentsOf: utf8)
            return true
        }
        guard !copied else { return }
        let needsQuotes = value.utf8.contains { $0 == 0x3A || $0 == 0x3B || $0 == 0x2C }
        if needsQuotes { bytes.append(0x22) }
        for byte in value.utf8 {
            switch byte {
            case 0x22: bytes.append(0x27)
            case 0x00..<0x20, 0x7F: bytes.append(0x20)
            default: bytes.append(byte)
            }
        }
        if needsQuotes { bytes.append(0x22) }
    }

    /// Whether a parameter value keeps `byte` as it is, unquoted: not a control character, DQUOTE, `:`, `;`
    /// or `,`.
    private static func isPlainParameterByte(_ byte: UInt8) -> Bool {
        byte >= 0x20 && byte != 0x7F && byte != 0x22 && byte != 0x3A && byte != 0x3B && byte != 0x2C
    }

    /// Appends the line folded at ``foldWidth`` octets, each piece followed by CR LF.
    ///
    /// A fold moves back over UTF-8 continuation bytes (`10xxxxxx`), so it always falls before the
    /// first byte of a scalar; continuation lines start with one space, counted in their 75 octets.
    static func appendFolded(_ line: [UInt8], to output: inout [UInt8]) {
        // Most lines need no fold: copied whole, as one array into another, instead of slice by slice.
        guard line.count > foldWidth else {
            output.append(contentsOf: line)
            output.append(0x0D)
            output.append(0x0A)
            return
        }
        var start = 0
        var width = foldWidth
        while line.count - start > width {
            var cut = start + width
            while cut > start + 1, line[cut] & 0xC0 == 0x80 {
                cut -= 1
            }
            output.append(contentsOf: line[start..<cut])
            output.append(0x0D)
            output.append(0x0A)
            output.append(0x20)
            start = cut
            width = foldWidth - 1
        }
        output.append(contentsOf: line[start...])
        output.append(0x0D)
        output.append(0x0A)
    }
}
