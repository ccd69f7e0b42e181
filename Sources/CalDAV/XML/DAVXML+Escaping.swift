extension DAVXML {
    /// Escapes text for an XML element's content: `&`, `<`, `>` become entity references.
    ///
    /// Request bodies are small string templates; every value that comes from outside (a display name, an href, a
    /// sync token) goes through here. Characters XML 1.0 forbids (most C0 controls) are dropped, since no escape makes
    /// them legal.
    ///
    /// - Parameter text: the raw text.
    /// - Returns: the text, safe inside an element.
    public static func escapeText(_ text: String) -> String {
        escape(text, quotes: false)
    }

    /// Escapes text for a double-quoted attribute value: also `"`, `'` and the whitespace controls that attribute
    /// normalisation would otherwise turn into spaces.
    ///
    /// - Parameter text: the raw text.
    /// - Returns: the text, safe inside `"..."`.
    public static func escapeAttribute(_ text: String) -> String {
        escape(text, quotes: true)
    }

    private static func escape(_ text: String, quotes: Bool) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where quotes: out += "&quot;"
            case "'" where quotes: out += "&apos;"
            case "\t" where quotes: out += "&#9;"
            case "\n" where quotes: out += "&#10;"
            case "\r": out += "&#13;"
            case "\t", "\n": out.unicodeScalars.append(scalar)
            default:
                guard isAllowed(scalar) else { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// XML 1.0 `Char`: tab, LF, CR, and U+0020 and up except the surrogates (which a Swift scalar never is) and
    /// U+FFFE/U+FFFF.
    private static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD: true
        case 0x20...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }
}
