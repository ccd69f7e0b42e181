/// Escaping for text inside HTML elements and quoted attribute values.
package enum HTMLText {
    /// `text` with `&`, `<`, `>`, `"` and `'` replaced by character references.
    ///
    /// Names, dates and labels rarely hold any of them (a schedule page escapes thousands of such strings), so
    /// a text without one is returned as it is after a scan of its bytes, cheaper than rebuilding it.
    /// The five are ASCII, so no byte of a longer UTF-8 sequence looks like one.
    ///
    /// Escaping goes scalar by scalar, not character by character: a `"` followed by a combining mark is one
    /// `Character` that is not equal to `"`, and left as it was it would end an attribute value early.
    package static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: needsEscaping) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Whether `byte` is one of the five characters ``escape(_:)`` replaces.
    private static func needsEscaping(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"): true
        default: false
        }
    }
}
