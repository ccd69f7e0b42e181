/// Splits input into unfolded content lines (RFC 5545 §3.1), accepting CR LF or bare LF line ends.
///
/// A line starting with a space or tab continues the previous one, minus that first character.
/// Empty lines are skipped; a leading UTF-8 byte order mark is ignored. Each content line is checked
/// to be UTF-8 after unfolding, since a careless folder may have split a multi-byte sequence.
struct LogicalLineScanner {
    let input: [UInt8]
    let maximumLineLength: Int
    private var offset: Int
    private var lineNumber = 0
    private var pending: LogicalLine?

    init(input: [UInt8], maximumLineLength: Int) {
        self.input = input
        self.maximumLineLength = maximumLineLength
        offset = input.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    }

    /// The next content line, or `nil` at the end of the input.
    mutating func next() throws(ICalendarError) -> LogicalLine? {
        while offset < input.count {
            let lineStart = offset
            let end = input[lineStart...].firstIndex(of: 0x0A) ?? input.count
            offset = end + 1
            lineNumber += 1
            let contentEnd = end > lineStart && input[end - 1] == 0x0D ? end - 1 : end
            let here = SourcePosition(line: lineNumber, column: 1, lineStart: lineStart)
            guard contentEnd - lineStart <= maximumLineLength else {
                throw here.locate(Self.tooLong(maximumLineLength), input: input)
            }
            if contentEnd == lineStart {
                if let line = pending {
                    pending = nil
                    return try validated(line)
                }
                continue
            }
            let first = input[lineStart]
            if first == 0x20 || first == 0x09 {
                guard var line = pending else {
                    if input[lineStart..<contentEnd].allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
                    throw here.locate(.unexpectedContinuation, input: input)
                }
                pending = nil  // keep the buffer uniquely referenced, so appending does not copy it
                guard line.bytes.count + (contentEnd - lineStart - 1) <= maximumLineLength else {
                    throw here.locate(Self.tooLong(maximumLineLength), input: input)
                }
                line.continuations.append(
                    .init(
                        logicalStart: line.bytes.count,
                        inputStart: lineStart + 1,
                        lineNumber: lineNumber,
                        lineStart: lineStart
                    )
                )
                line.bytes += input[(lineStart + 1)..<contentEnd]
                pending = line
                continue
            }
            let line = LogicalLine(
                bytes: Array(input[lineStart..<contentEnd]),
                first: .init(logicalStart: 0, inputStart: lineStart, lineNumber: lineNumber, lineStart: lineStart)
            )
            if let previous = pending {
                pending = line
                return try validated(previous)
            }
            pending = line
        }
        guard let line = pending else { return nil }
        pending = nil
        return try validated(line)
    }

    private func validated(_ line: LogicalLine) throws(ICalendarError) -> LogicalLine {
        guard let bad = Self.firstInvalidUTF8(line.bytes) else { return line }
        throw SourcePosition(offset: bad, in: line, input: input).locate(
            ICalendarError(.invalidUTF8, "the line is not valid UTF-8 at this position"),
            input: input
        )
    }

    private static func tooLong(_ limit: Int) -> ICalendarError {
        ICalendarError(.lineTooLong, "a content line is longer than \(limit) bytes")
    }

    /// The offset of the first byte that does not start a well-formed UTF-8 scalar, if any.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        var index = 0
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
