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
        output.append(contentsOf: "{\n  \"events\" : {\n".utf8)
        let uids = Self.sortedByBytes(events.keys)
        for (index, uid) in uids.enumerated() {
            guard let entry = events[uid] else { continue }
            if index > 0 { output.append(contentsOf: ",\n".utf8) }
            output.append(contentsOf: "    ".utf8)
            JSONText.appendString(uid, to: &output)
            output.append(contentsOf: " : {\n".utf8)
            entry.appendJSON(to: &output)
            output.append(contentsOf: "\n    }".utf8)
        }
        output.append(contentsOf: "\n  }\n}\n".utf8)
        return output
    }
}

extension FeedState {
    /// `keys` in the order of their UTF-8 bytes, as the encoder sorted them.
    ///
    /// `String`'s own `<` is much faster and gives the same order for the ASCII keys rota makes; the order it
    /// gives is checked pair by pair, and the keys are sorted by bytes when it is not that.
    fileprivate static func sortedByBytes(_ keys: some Collection<String>) -> [String] {
        let sorted = keys.sorted()
        let byBytes = zip(sorted, sorted.dropFirst()).allSatisfy { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        return byBytes ? sorted : keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }
}

extension FeedState.Entry {
    /// The entry's members at an indent of six spaces, in key order, without the braces around them.
    fileprivate func appendJSON(to output: inout [UInt8]) {
        func key(_ name: StaticString) {
            output.append(contentsOf: "      \"".utf8)
            output.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
            output.append(contentsOf: "\" : ".utf8)
        }
        func strings(_ values: [String]) {
            guard !values.isEmpty else {
                output.append(contentsOf: "[\n\n      ]".utf8)
                return
            }
            output.append(contentsOf: "[\n".utf8)
            for (index, value) in values.enumerated() {
                if index > 0 { output.append(contentsOf: ",\n".utf8) }
                output.append(contentsOf: "        ".utf8)
                JSONText.appendString(value, to: &output)
            }
            output.append(contentsOf: "\n      ]".utf8)
        }
        key("cancelled")
        output.append(contentsOf: (cancelled ? "true" : "false").utf8)
        output.append(contentsOf: ",\n".utf8)
        key("changed")
        JSONText.appendString(changed.description, to: &output)
        output.append(contentsOf: ",\n".utf8)
        key("contentHash")
        JSONText.appendString(contentHash, to: &output)
        output.append(contentsOf: ",\n".utf8)
        if let departedCopy {
            key("departedCopy")
            JSONText.appendString(departedCopy, to: &output)
            output.append(contentsOf: ",\n".utf8)
        }
        if let departedFeeds {
            key("departedFeeds")
            strings(departedFeeds)
            output.append(contentsOf: ",\n".utf8)
        }
        key("feeds")
        strings(feeds)
        output.append(contentsOf: ",\n".utf8)
        key("lastDay")
        JSONText.appendString(lastDay.description, to: &output)
        output.append(contentsOf: ",\n".utf8)
        key("lastPublished")
        JSONText.appendString(lastPublished, to: &output)
        output.append(contentsOf: ",\n".utf8)
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
        text.withUTF8 { utf8 in
            var runStart = 0
            for index in utf8.indices {
                let byte = utf8[index]
                guard byte < 0x20 || byte == 0x22 || byte == 0x5C else { continue }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                runStart = index + 1
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
            output.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
        }
        output.append(0x22)
    }
}
