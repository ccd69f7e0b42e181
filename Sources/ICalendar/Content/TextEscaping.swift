/// TEXT escaping (RFC 5545 §3.3.11) and the comma-separated lists of list-valued TEXT properties.
enum TextEscaping {
    /// Escapes backslash, semicolon and comma and turns CR LF, CR or LF into `\n`.
    static func escape(_ text: String) -> String {
        let utf8 = text.utf8
        guard utf8.contains(where: { $0 == 0x5C || $0 == 0x3B || $0 == 0x2C || $0 == 0x0A || $0 == 0x0D }) else {
            return text
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count + 8)
        var previousWasCR = false
        for byte in utf8 {
            defer { previousWasCR = byte == 0x0D }
            switch byte {
            case 0x5C, 0x3B, 0x2C: bytes += [0x5C, byte]
            case 0x0D: bytes += [0x5C, 0x6E]
            case 0x0A: if !previousWasCR { bytes += [0x5C, 0x6E] }
            default: bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Undoes ``escape(_:)``; `\N` also means a newline, and an unknown escape keeps its backslash.
    static func unescape(_ text: String) -> String {
        guard text.utf8.contains(0x5C) else { return text }
        var result = ""
        var pendingBackslash = false
        for scalar in text.unicodeScalars {
            if pendingBackslash {
                pendingBackslash = false
                switch scalar {
                case "n", "N": result += "\n"
                case "\\", ";", ",": result.unicodeScalars.append(scalar)
                default:
                    result += "\\"
                    result.unicodeScalars.append(scalar)
                }
            } else if scalar == "\\" {
                pendingBackslash = true
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        if pendingBackslash { result += "\\" }
        return result
    }

    /// Replaces CR LF, CR and LF with `\n`, for values written as they are (a content line cannot hold them).
    static func escapeLineBreaks(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x0A || $0 == 0x0D }) else { return text }
        var result = ""
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            switch scalar {
            case "\r": result += "\\n"
            case "\n": if !previousWasCR { result += "\\n" }
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Splits an escaped list at commas that are not escaped, then unescapes each item; `""` is no item.
    static func splitList(_ text: String) -> [String] {
        guard !text.isEmpty else { return [] }
        var items: [String] = []
        var current = ""
        var pendingBackslash = false
        for scalar in text.unicodeScalars {
            if pendingBackslash {
                pendingBackslash = false
                current += "\\"
                current.unicodeScalars.append(scalar)
            } else if scalar == "\\" {
                pendingBackslash = true
            } else if scalar == "," {
                items.append(unescape(current))
                current = ""
            } else {
                current.unicodeScalars.append(scalar)
            }
        }
        if pendingBackslash { current += "\\" }
        items.append(unescape(current))
        return items
    }

    /// Escapes every item and joins them with commas.
    static func joinList(_ items: [String]) -> String {
        items.map(escape).joined(separator: ",")
    }
}
