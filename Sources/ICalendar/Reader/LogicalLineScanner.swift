/// Splits input into unfolded content lines (RFC 5545 §3.1), accepting CR LF or bare LF line ends.
///
/// A line starting with a space or tab continues the previous one, minus that first character.
/// Empty lines are skipped; a leading UTF-8 byte order mark is ignored. Each content line is checked
/// to be UTF-8 after unfolding, since a careless folder may have split a multi-byte sequence.
struct LogicalLineScanner {
    let input: [UInt8]
    let maximumLineLength: Int
    private var offset: Int
    /// The number of the last physical line read (1-based; 0 before the first).
    private(set) var lineNumber: Int

    /// A scanner over `input`, whose first line is line `firstLineNumber + 1`.
    ///
    /// ``ICalendarStreamReader`` scans a document as consecutive pieces, each made of whole content lines: only
    /// the first piece starts the document, so only it may start with a byte order mark.
    init(input: [UInt8], maximumLineLength: Int, firstLineNumber: Int = 0, startsDocument: Bool = true) {
        self.input = input
        self.maximumLineLength = maximumLineLength
        lineNumber = firstLineNumber
        offset = startsDocument && input.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    }

    /// Calls `body` with each content line in turn, to the end of the input.
    ///
    /// The continuation lines that follow a line are absorbed at once, so a line that stands alone (the
    /// common case) is handed on as a range of the input without being copied. Lines are lent rather
    /// than returned: an optional line per call cost a generic destroy each time.
    mutating func forEachLine(
        _ body: (borrowing LogicalLine) throws(ICalendarError) -> Void
    ) throws(ICalendarError) {
        while offset < input.count {
            let lineStart = offset
            let contentEnd = try advancePastLine()
            if contentEnd == lineStart { continue }
            let first = input[lineStart]
            if first == 0x20 || first == 0x09 {
                // A continuation with no line before it (the first line, or one after an empty line).
                if input[lineStart..<contentEnd].allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
                throw SourcePosition(line: lineNumber, lineStart: lineStart).locate(
                    .unexpectedContinuation,
                    input: input
                )
            }
            var line = LogicalLine(
                folded: nil,
                range: lineStart..<contentEnd,
                first: .init(logicalStart: 0, inputStart: lineStart, lineNumber: lineNumber, lineStart: lineStart)
            )
            while offset < input.count, input[offset] == 0x20 || input[offset] == 0x09 {
                let continuationStart = offset
                let continuationEnd = try advancePastLine()
                var folded = line.folded ?? .init(bytes: Array(input[line.range]), continuations: [])
                line.folded = nil  // keep the buffers uniquely referenced, so appending does not copy them
                guard folded.bytes.count + (continuationEnd - continuationStart - 1) <= maximumLineLength else {
                    throw SourcePosition(line: lineNumber, lineStart: continuationStart).locate(
                        Self.tooLong(maximumLineLength),
                        input: input
                    )
                }
                folded.continuations.append(
                    .init(
                        logicalStart: folded.bytes.count,
                        inputStart: continuationStart + 1,
                        lineNumber: lineNumber,
                        lineStart: continuationStart
                    )
                )
                folded.bytes += input[(continuationStart + 1)..<continuationEnd]
                line.folded = folded
            }
            try validate(line)
            try body(line)
        }
    }

    /// Moves past the physical line at ``offset`` and its line end, returning where its content ends.
    private mutating func advancePastLine() throws(ICalendarError) -> Int {
        let lineStart = offset
        let end = input.withUnsafeBufferPointer { all in Self.lineFeed(in: all, from: lineStart) }
        offset = end + 1
        lineNumber += 1
        let contentEnd = end > lineStart && input[end - 1] == 0x0D ? end - 1 : end
        guard contentEnd - lineStart <= maximumLineLength else {
            throw SourcePosition(line: lineNumber, lineStart: lineStart).locate(
                Self.tooLong(maximumLineLength),
                input: input
            )
        }
        return contentEnd
    }

    /// The offset of the first LF at or after `start`, or the end of `bytes`.
    ///
    /// Eight bytes at a time: a word has a zero byte after XOR with LFs exactly when it holds an LF.
    static func lineFeed(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            while index + 8 <= bytes.count {
                let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) ^ 0x0A0A_0A0A_0A0A_0A0A
                if (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080 != 0 { break }
                index += 8
            }
        }
        while index < bytes.count, bytes[index] != 0x0A {
            index += 1
        }
        return index
    }

    private func validate(_ line: borrowing LogicalLine) throws(ICalendarError) {
        guard let bad = line.withBytes(in: input, Self.firstInvalidUTF8) else { return }
        throw SourcePosition(offset: bad, in: line).locate(
            ICalendarError(.invalidUTF8, "the line is not valid UTF-8 at this position"),
            input: input
        )
    }

    private static func tooLong(_ limit: Int) -> ICalendarError {
        ICalendarError(.lineTooLong, "a content line is longer than \(limit) bytes")
    }

    /// The offset of the first byte that does not start a well-formed UTF-8 scalar, if any.
    static func firstInvalidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var index = 0
        // ASCII runs, eight bytes at a time: content lines are mostly ASCII.
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            while index + 8 <= bytes.count,
                raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0
            {
                index += 8
            }
        }
        while index < bytes.count {
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            let length: Int
            let minimum: UInt32
            var scalar: UInt32
            switch lead {
            case 0xC0...0xDF: (length, minimum, scalar) = (2, 0x80, UInt32(lead & 0x1F))
            case 0xE0...0xEF: (length, minimum, scalar) = (3, 0x800, UInt32(lead & 0x0F))
            case 0xF0...0xF7: (length, minimum, scalar) = (4, 0x10000, UInt32(lead & 0x07))
            default: return index
            }
            guard index + length <= bytes.count else { return index }
            for next in bytes[(index + 1)..<(index + length)] {
                guard next & 0xC0 == 0x80 else { return index }
                scalar = scalar << 6 | UInt32(next & 0x3F)
            }
            guard scalar >= minimum, scalar <= 0x10FFFF, !(0xD800...0xDFFF).contains(scalar) else { return index }
            index += length
        }
        return nil
    }
}
