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
        appendEscaped(text, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends ``escape(_:)`` of `text` as bytes, copying the runs between special bytes whole.
    static func appendEscaped(_ text: String, to bytes: inout [UInt8]) {
        var text = text
        text.withUTF8 { utf8 in
            var runStart = 0
            for index in utf8.indices {
                let byte = utf8[index]
                guard byte == 0x5C || byte == 0x3B || byte == 0x2C || byte == 0x0D || byte == 0x0A else { continue }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                runStart = index + 1
                switch byte {
                case 0x0D, 0x0A:
                    // CR LF is one line break: the LF after a CR adds nothing.
                    if byte == 0x0D || index == 0 || utf8[index - 1] != 0x0D {
                        bytes.append(0x5C)
                        bytes.append(0x6E)
                    }
                default:
                    bytes.append(0x5C)
                    bytes.append(byte)
                }
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
        }
    }

    /// Undoes ``escape(_:)``; `\N` also means a newline, and an unknown escape keeps its backslash.
    static func unescape(_ text: String) -> String {
        guard text.utf8.contains(0x5C) else { return text }
        var text = text
        return text.withUTF8 { unescape(UnsafeBufferPointer(rebasing: $0[...])) }
    }

    /// ``unescape(_:)`` of UTF-8 bytes as they stand in a content line, copying the runs between escapes whole.
    static func unescape(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard let firstEscape = bytes.firstIndex(of: 0x5C) else { return String(decoding: bytes, as: UTF8.self) }
        return String(unsafeUninitializedCapacity: bytes.count) { output in
            var written = 0
            func copy(_ range: Range<Int>) {
                for index in range {
                    output[written] = bytes[index]
                    written += 1
                }
            }
            copy(0..<firstEscape)
            var index = firstEscape
            while index < bytes.count {
                let byte = bytes[index]
                guard byte == 0x5C else {
                    output[written] = byte
                    written += 1
                    index += 1
                    continue
                }
                guard index + 1 < bytes.count else {
                    output[written] = 0x5C
                    written += 1
                    break
                }
                let next = bytes[index + 1]
                switch next {
                case 0x6E, 0x4E:
                    output[written] = 0x0A
                    written += 1
                case 0x5C, 0x3B, 0x2C:
                    output[written] = next
                    written += 1
                default:
                    output[written] = 0x5C
                    output[written + 1] = next
                    written += 2
                }
                index += 2
            }
            return written
        }
    }

    /// Replaces CR LF, CR and LF with `\n`, for values written as they are (a content line cannot hold them).
    static func escapeLineBreaks(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x0A || $0 == 0x0D }) else { return text }
        var bytes: [UInt8] = []
        appendEscapingLineBreaks(text, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends ``escapeLineBreaks(_:)`` of `text` as bytes.
    static func appendEscapingLineBreaks(_ text: String, to bytes: inout [UInt8]) {
        // Values almost never hold a line break: checked and copied whole from the contiguous bytes.
        var text = text
        let copied = text.withUTF8 { utf8 in
            guard !utf8.contains(where: { $0 == 0x0A || $0 == 0x0D }) else { return false }
            bytes.append(contentsOf: utf8)
            return true
        }
        guard !copied else { return }
        var previousWasCR = false
        for byte in text.utf8 {
            switch byte {
            case 0x0D:
                bytes.append(0x5C)
                bytes.append(0x6E)
            case 0x0A:
                if !previousWasCR {
                    bytes.append(0x5C)
                    bytes.append(0x6E)
                }
            default: bytes.append(byte)
            }
            previousWasCR = byte == 0x0D
        }
    }

    /// Splits an escaped list at commas that are not escaped, then unescapes each item; `""` is no item.
    static func splitList(_ text: String) -> [String] {
        guard !text.isEmpty else { return [] }
        var text = text
        return text.withUTF8 { bytes in
            // Commas and backslashes are single bytes in UTF-8, so the items are cut at byte offsets.
            var items: [String] = []
            var itemStart = 0
            var index = 0
            while index < bytes.count {
                switch bytes[index] {
                case 0x5C: index += 2  // an escape: the next byte is never a separator
                case 0x2C:
                    items.append(unescape(UnsafeBufferPointer(rebasing: bytes[itemStart..<index])))
                    index += 1
                    itemStart = index
                default: index += 1
                }
            }
            items.append(unescape(UnsafeBufferPointer(rebasing: bytes[itemStart..<bytes.count])))
            return items
        }
    }

    /// Escapes every item and joins them with commas.
    static func joinList(_ items: [String]) -> String {
        items.map(escape).joined(separator: ",")
    }
}
