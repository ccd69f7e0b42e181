import ICalendar

extension FeedState {
    /// The state as `.rota-feed-state.json` holds it, final newline included.
    ///
    /// Byte for byte what Foundation's `JSONEncoder` with `[.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]`
    /// made of the `Codable` state (which wrote these files before): keys sorted by their UTF-8 bytes, two
    /// spaces of indent, `" : "` between key and value, an empty array as `[`, an empty line and `]`, the same
    /// escapes (`\"`, `\\`, `\b`, `\f`, `\n`, `\r`, `\t`, other control characters as `\u00xx`; `/` and
    /// non-ASCII text as they are). Written by hand because the encoder took an eighth of a feed export's
    /// time; `FeedStateJSONTests` compares the two. Existing state files read as before, through `Codable`.
    package var jsonBytes: [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(events.values.reduce(64) { $0 + $1.lastPublished.utf8.count * 11 / 10 + 400 })
        JSONText.append("{\n  \"events\" : {\n", to: &output)
        for (index, (uid, entry)) in Self.sortedByBytes(events).enumerated() {
            if index > 0 { JSONText.append(",\n", to: &output) }
            JSONText.append("    ", to: &output)
            JSONText.appendString(uid, to: &output)
            JSONText.append(" : {\n", to: &output)
            entry.appendJSON(to: &output)
            JSONText.append("\n    }", to: &output)
        }
        JSONText.append("\n  }\n}\n", to: &output)
        return output
    }
}

extension FeedState {
    /// The entries in the order of their keys' UTF-8 bytes, as the encoder sorted them.
    ///
    /// `String`'s own `<` is much faster and gives the same order for the ASCII keys rota makes; the order it
    /// gives is checked pair by pair, and the entries are sorted by bytes when it is not that. Positions are
    /// sorted rather than the entries themselves, which are large to move.
    fileprivate static func sortedByBytes(_ events: [String: Entry]) -> [(key: String, value: Entry)] {
        let pairs = Array(events)
        let keys = pairs.map(\.key)
        var order = Array(keys.indices)
        order.sort { keys[$0] < keys[$1] }
        let byBytes = zip(order, order.dropFirst()).allSatisfy {
            keys[$0].utf8.lexicographicallyPrecedes(keys[$1].utf8)
        }
        if !byBytes { order.sort { keys[$0].utf8.lexicographicallyPrecedes(keys[$1].utf8) } }
        return order.map { pairs[$0] }
    }
}

extension FeedState.Entry {
    /// The entry's members at an indent of six spaces, in key order, without the braces around them.
    fileprivate func appendJSON(to output: inout [UInt8]) {
        func key(_ name: StaticString) {
            JSONText.append("      \"", to: &output)
            JSONText.append(name, to: &output)
            JSONText.append("\" : ", to: &output)
        }
        func strings(_ values: [String]) {
            guard !values.isEmpty else {
                JSONText.append("[\n\n      ]", to: &output)
                return
            }
            JSONText.append("[\n", to: &output)
            for (index, value) in values.enumerated() {
                if index > 0 { JSONText.append(",\n", to: &output) }
                JSONText.append("        ", to: &output)
                JSONText.appendString(value, to: &output)
            }
            JSONText.append("\n      ]", to: &output)
        }
        key("cancelled")
        JSONText.append(cancelled ? "true,\n" : "false,\n", to: &output)
        key("changed")
        JSONText.appendDay(changed, to: &output)
        JSONText.append(",\n", to: &output)
        key("contentHash")
        JSONText.appendString(contentHash, to: &output)
        JSONText.append(",\n", to: &output)
        if let departedCopy {
            key("departedCopy")
            JSONText.appendString(departedCopy, to: &output)
            JSONText.append(",\n", to: &output)
        }
        if let departedFeeds {
            key("departedFeeds")
            strings(departedFeeds)
            JSONText.append(",\n", to: &output)
        }
        key("feeds")
        strings(feeds)
        JSONText.append(",\n", to: &output)
        key("lastDay")
        JSONText.appendDay(lastDay, to: &output)
        JSONText.append(",\n", to: &output)
        key("lastPublished")
        JSONText.appendString(lastPublished, to: &output)
        JSONText.append(",\n", to: &output)
        key("sequence")
        output.append(contentsOf: String(sequence).utf8)
    }
}

/// JSON string literals (RFC 8259 §7) escaped as Foundation's `JSONEncoder` escapes them with
/// `.withoutEscapingSlashes`.
enum JSONText {
    /// Appends `text` in double quotes, copying the runs between escaped bytes whole.
    static func appendString(_ text: String, to output: inout [UInt8]) {
        output.append(0x22)
        var text = text
        text.withUTF8 { appendEscaped($0, to: &output) }
        output.append(0x22)
    }

    /// Appends `utf8` escaped, without quotes.
    ///
    /// The state file is mostly iCalendar text, which needs an escape (its CR LF) only every 75 bytes or so:
    /// eight bytes are checked at a time (``needsEscape(_:)``) and copied on when none needs one, and the eight
    /// that hold one are looked at byte by byte.
    static func appendEscaped(_ utf8: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        guard let base = utf8.baseAddress else { return }
        var runStart = 0
        var index = 0
        while index < utf8.count {
            if index + 8 <= utf8.count,
                !needsEscape(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
            {
                index += 8
                continue
            }
            let byte = utf8[index]
            index += 1
            guard byte < 0x20 || byte == 0x22 || byte == 0x5C else { continue }
            output.append(contentsOf: UnsafeBufferPointer(start: base + runStart, count: index - 1 - runStart))
            runStart = index
            output.append(0x5C)
            switch byte {
            case 0x22, 0x5C: output.append(byte)
            case 0x08: output.append(UInt8(ascii: "b"))
            case 0x0C: output.append(UInt8(ascii: "f"))
            case 0x0A: output.append(UInt8(ascii: "n"))
            case 0x0D: output.append(UInt8(ascii: "r"))
            case 0x09: output.append(UInt8(ascii: "t"))
            default:
                let digits: StaticString = "0123456789abcdef"
                output.append(contentsOf: "u00".utf8)
                output.append(digits.utf8Start[Int(byte >> 4)])
                output.append(digits.utf8Start[Int(byte & 0x0F)])
            }
        }
        output.append(contentsOf: UnsafeBufferPointer(start: base + runStart, count: utf8.count - runStart))
    }

    /// Whether any of the eight bytes in `word` is a control character (below 0x20), `"` or `\`.
    ///
    /// The classic bit tests on a 64-bit word: `(x - 0x01…01 * n) & ~x & 0x80…80` is non-zero exactly when some
    /// byte of `x` is below `n` (for n ≤ 128), and a byte equal to `c` is a zero byte of `x ^ 0x01…01 * c`.
    static func needsEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highBits: UInt64 = 0x8080_8080_8080_8080
        func hasByteBelow(_ value: UInt64, _ limit: UInt64) -> Bool {
            (value &- ones &* limit) & ~value & highBits != 0
        }
        return hasByteBelow(word, 0x20) || hasByteBelow(word ^ (ones &* 0x22), 1)
            || hasByteBelow(word ^ (ones &* 0x5C), 1)
    }

    /// Appends a literal's bytes.
    static func append(_ literal: StaticString, to output: inout [UInt8]) {
        output.append(contentsOf: UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }

    /// Appends `"YYYY-MM-DD"`, quotes included: `day.description` as a JSON string, without making the string.
    static func appendDay(_ day: CivilDay, to output: inout [UInt8]) {
        guard (1...9999).contains(day.year) else {
            appendString(day.description, to: &output)
            return
        }
        output.append(0x22)
        output.append(0x30 + UInt8(day.year / 1000))
        output.append(0x30 + UInt8(day.year / 100 % 10))
        output.append(0x30 + UInt8(day.year / 10 % 10))
        output.append(0x30 + UInt8(day.year % 10))
        output.append(0x2D)
        output.append(0x30 + UInt8(day.month / 10))
        output.append(0x30 + UInt8(day.month % 10))
        output.append(0x2D)
        output.append(0x30 + UInt8(day.day / 10))
        output.append(0x30 + UInt8(day.day % 10))
        output.append(0x22)
    }
}
