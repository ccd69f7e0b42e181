import ICalendar
import RotaModel

extension FeedState {
    /// Reads `.rota-feed-state.json` without Foundation's `JSONDecoder`, or returns nil for anything it is not
    /// sure to read as the decoder would.
    ///
    /// The decoder took a third of a re-export. This reader takes the JSON rota writes (any whitespace, members
    /// in any order, every escape but surrogate pairs) and gives up, returning nil, on everything else: an
    /// unknown or repeated member, a number that is not a plain integer, a surrogate escape, bytes that are not
    /// UTF-8, a day that is not `YYYY-MM-DD`. The caller then decodes with `JSONDecoder` (``init(from:)``),
    /// which reads it as before or reports what is wrong, so both ways agree on every file.
    ///
    /// - Parameter bytes: The file's bytes.
    package init?(jsonBytes bytes: [UInt8]) {
        guard String(validating: bytes, as: UTF8.self) != nil else { return nil }
        var reader = JSONStateReader(bytes: bytes)
        guard let events = reader.state() else { return nil }
        self.init(events: events)
    }
}

/// A cursor over the state file's bytes; each method returns nil when the JSON is not what it expects.
private struct JSONStateReader {
    let bytes: [UInt8]
    var index = 0

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// `{"events": {uid: entry, ...}}` and nothing after it but whitespace.
    mutating func state() -> [String: FeedState.Entry]? {
        var events: [String: FeedState.Entry]?
        let read = members { key, reader in
            guard key == "events", events == nil else { return false }
            var entries: [String: FeedState.Entry] = [:]
            let read = reader.members { uid, reader in
                guard entries[uid] == nil, let entry = reader.entry() else { return false }
                entries[uid] = entry
                return true
            }
            events = entries
            return read
        }
        skipWhitespace()
        guard read, index == bytes.count else { return nil }
        return events
    }

    /// One entry; `departedFeeds` and `departedCopy` may be missing or null, every other member must be there.
    mutating func entry() -> FeedState.Entry? {
        var sequence: Int?
        var contentHash: String?
        var changed: LocalDate?
        var lastPublished: String?
        var feeds: [String]?
        var cancelled: Bool?
        var lastDay: LocalDate?
        var departedFeeds: [String]??
        var departedCopy: String??
        let read = members { key, reader in
            switch key {
            case "sequence" where sequence == nil:
                sequence = reader.integer()
                return sequence != nil
            case "contentHash" where contentHash == nil:
                contentHash = reader.string()
                return contentHash != nil
            case "changed" where changed == nil:
                changed = reader.string().flatMap { LocalDate(iso: $0) }
                return changed != nil
            case "lastPublished" where lastPublished == nil:
                lastPublished = reader.string()
                return lastPublished != nil
            case "feeds" where feeds == nil:
                feeds = reader.strings()
                return feeds != nil
            case "cancelled" where cancelled == nil:
                cancelled = reader.boolean()
                return cancelled != nil
            case "lastDay" where lastDay == nil:
                lastDay = reader.string().flatMap { LocalDate(iso: $0) }
                return lastDay != nil
            case "departedFeeds" where departedFeeds == nil:
                departedFeeds = reader.null() ? .some(nil) : reader.strings().map { .some($0) }
                return departedFeeds != nil
            case "departedCopy" where departedCopy == nil:
                departedCopy = reader.null() ? .some(nil) : reader.string().map { .some($0) }
                return departedCopy != nil
            default: return false
            }
        }
        guard read, let sequence, let contentHash, let changed, let lastPublished, let feeds, let cancelled,
            let lastDay
        else { return nil }
        var entry = FeedState.Entry(
            sequence: sequence,
            contentHash: contentHash,
            changed: changed,
            lastPublished: lastPublished,
            feeds: feeds,
            cancelled: cancelled,
            lastDay: lastDay
        )
        entry.departedFeeds = departedFeeds ?? nil
        entry.departedCopy = departedCopy ?? nil
        return entry
    }

    /// An object: calls `member` with each key, the cursor at its value; `member` reads the value and says
    /// whether it could, which ends the object as unread when it could not.
    mutating func members(_ member: (String, inout JSONStateReader) -> Bool) -> Bool {
        guard take(0x7B) else { return false }
        if take(0x7D) { return true }
        repeat {
            guard let key = string(), take(0x3A), member(key, &self) else { return false }
        } while take(0x2C)
        return take(0x7D)
    }

    mutating func strings() -> [String]? {
        guard take(0x5B) else { return nil }
        var values: [String] = []
        if take(0x5D) { return values }
        repeat {
            guard let value = string() else { return nil }
            values.append(value)
        } while take(0x2C)
        return take(0x5D) ? values : nil
    }

    /// A JSON integer (`-?(0|[1-9][0-9]*)`, no fraction or exponent) of at most 18 digits.
    mutating func integer() -> Int? {
        skipWhitespace()
        let start = index
        if index < bytes.count, bytes[index] == 0x2D { index += 1 }
        let digits = index
        while index < bytes.count, (0x30...0x39).contains(bytes[index]) { index += 1 }
        guard index > digits, index - digits <= 18, bytes[digits] != 0x30 || index - digits == 1 else { return nil }
        if index < bytes.count, bytes[index] == 0x2E || bytes[index] == 0x65 || bytes[index] == 0x45 { return nil }
        return Int(String(decoding: bytes[start..<index], as: UTF8.self))
    }

    mutating func boolean() -> Bool? {
        if literal("true") { return true }
        if literal("false") { return false }
        return nil
    }

    mutating func null() -> Bool { literal("null") }

    /// A string with its escapes undone; nil for a surrogate `\u` escape, a raw control character or no string.
    mutating func string() -> String? {
        guard take(0x22) else { return nil }
        var text: [UInt8] = []
        var runStart = index
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x22 {
                text.append(contentsOf: bytes[runStart..<index])
                index += 1
                return String(decoding: text, as: UTF8.self)
            }
            guard byte >= 0x20 else { return nil }
            guard byte == 0x5C else {
                index += 1
                continue
            }
            text.append(contentsOf: bytes[runStart..<index])
            guard index + 1 < bytes.count else { return nil }
            switch bytes[index + 1] {
            case 0x22, 0x5C, 0x2F: text.append(bytes[index + 1])
            case UInt8(ascii: "b"): text.append(0x08)
            case UInt8(ascii: "f"): text.append(0x0C)
            case UInt8(ascii: "n"): text.append(0x0A)
            case UInt8(ascii: "r"): text.append(0x0D)
            case UInt8(ascii: "t"): text.append(0x09)
            case UInt8(ascii: "u"):
                guard index + 6 <= bytes.count,
                    let value = UInt32(String(decoding: bytes[(index + 2)..<(index + 6)], as: UTF8.self), radix: 16),
                    !(0xD800...0xDFFF).contains(value), let scalar = Unicode.Scalar(value)
                else { return nil }
                text.append(contentsOf: String(Character(scalar)).utf8)
                index += 4
            default: return nil
            }
            index += 2
            runStart = index
        }
        return nil
    }

    /// Skips whitespace, then takes `byte` if it is next.
    mutating func take(_ byte: UInt8) -> Bool {
        skipWhitespace()
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    mutating func literal(_ word: StaticString) -> Bool {
        skipWhitespace()
        let count = word.utf8CodeUnitCount
        guard index + count <= bytes.count,
            bytes[index..<(index + count)].elementsEqual(UnsafeBufferPointer(start: word.utf8Start, count: count))
        else { return false }
        index += count
        return true
    }

    mutating func skipWhitespace() {
        while index < bytes.count,
            bytes[index] == 0x20 || bytes[index] == 0x0A || bytes[index] == 0x0D
                || bytes[index] == 0x09
        {
            index += 1
        }
    }
}
