/// Encodes one property as a content line and folds it (RFC 5545 §3.1, §3.2, §3.3.11).
enum ContentLineEncoder {
    /// The longest physical line in octets, CR LF excluded (RFC 5545 §3.1).
    static let foldWidth = 75

    /// `NAME;PARAM=value,"quoted:value":value`, unfolded, without CR LF.
    static func line(for property: Property) -> [UInt8] {
        var text = name(property.name)
        for parameter in property.parameters {
            text += ";" + name(parameter.name) + "="
            text += parameter.values.map(parameterValue).joined(separator: ",")
        }
        text += ":"
        switch property.valueEncoding {
        case .text: text += TextEscaping.escape(property.value)
        case .textList, .raw: text += TextEscaping.escapeLineBreaks(property.value)
        }
        return Array(text.utf8)
    }

    /// The name with every character other than ASCII letters, digits and `-` replaced by `-`.
    static func name(_ name: String) -> String {
        guard !name.isEmpty else { return "X-" }
        guard !name.utf8.allSatisfy(isNameByte) else { return name }
        var result = ""
        for scalar in name.unicodeScalars {
            result.unicodeScalars.append(scalar.isASCII && isNameByte(UInt8(scalar.value)) ? scalar : "-")
        }
        return result
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
            || byte == 0x2D
    }

    /// A parameter value: DQUOTE becomes `'`, control characters spaces; quoted if it holds `:`, `;` or `,`.
    static func parameterValue(_ value: String) -> String {
        var cleaned = ""
        var needsQuotes = false
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": cleaned += "'"
            case ":", ";", ",":
                needsQuotes = true
                cleaned.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0x7F: cleaned += " "
            default: cleaned.unicodeScalars.append(scalar)
            }
        }
        return needsQuotes ? "\"\(cleaned)\"" : cleaned
    }

    /// Appends the line folded at ``foldWidth`` octets, each piece followed by CR LF.
    ///
    /// A fold moves back over UTF-8 continuation bytes (`10xxxxxx`), so it always falls before the
    /// first byte of a scalar; continuation lines start with one space, counted in their 75 octets.
    static func appendFolded(_ line: [UInt8], to output: inout [UInt8]) {
        var start = 0
        var width = foldWidth
        while line.count - start > width {
            var cut = start + width
            while cut > start + 1, line[cut] & 0xC0 == 0x80 {
                cut -= 1
            }
            output += line[start..<cut]
            output += [0x0D, 0x0A, 0x20]
            start = cut
            width = foldWidth - 1
        }
        output += line[start...]
        output += [0x0D, 0x0A]
    }
}
