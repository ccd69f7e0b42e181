/// One content line after unfolding (RFC 5545 §3.1), with where each of its pieces came from.
struct LogicalLine {
    /// Where a physical line's contribution starts, to turn an offset in ``bytes`` into line:col.
    struct Segment {
        /// Offset in ``bytes`` where this physical line's contribution starts.
        let logicalStart: Int
        /// Offset in the input of that first contributed byte.
        let inputStart: Int
        /// 1-based physical line number.
        let lineNumber: Int
        /// Offset in the input where the physical line starts.
        let lineStart: Int
    }

    var bytes: [UInt8]
    /// The physical line that starts the content line.
    var first: Segment
    /// The continuation lines after ``first``, in order; empty for an unfolded line, so it allocates nothing.
    var continuations: [Segment] = []

    var lineNumber: Int { first.lineNumber }
    var lineStart: Int { first.lineStart }

    /// The segment holding the byte at `offset` (or the position just past the end).
    func segment(containing offset: Int) -> Segment? {
        if let continuation = continuations.last(where: { $0.logicalStart <= offset }) { return continuation }
        return first.logicalStart <= offset ? first : nil
    }
}

/// Where an error points: a physical line, a 1-based column in scalars, and that line's text.
struct SourcePosition {
    let line: Int
    let column: Int
    let lineStart: Int

    /// The position of `offset` in `line`, counting columns in Unicode scalars of the physical line.
    init(offset: Int, in line: LogicalLine, input: [UInt8]) {
        guard let segment = line.segment(containing: offset) else {
            self.line = line.lineNumber
            column = 1
            lineStart = line.lineStart
            return
        }
        let end = min(input.count, segment.inputStart + (offset - segment.logicalStart))
        var scalars = 0
        var index = segment.lineStart
        while index < end {
            if input[index] & 0xC0 != 0x80 { scalars += 1 }
            index += 1
        }
        self.line = segment.lineNumber
        column = scalars + 1
        lineStart = segment.lineStart
    }

    init(line: Int, column: Int, lineStart: Int) {
        self.line = line
        self.column = column
        self.lineStart = lineStart
    }

    /// The physical line's text for the caret display, control characters as spaces; `nil` if long.
    func sourceLine(in input: [UInt8]) -> String? {
        var end = lineStart
        while end < input.count, input[end] != 0x0A, end - lineStart <= 200 {
            end += 1
        }
        guard end - lineStart <= 200, lineStart <= end else { return nil }
        if end > lineStart, input[end - 1] == 0x0D { end -= 1 }
        let text = String(decoding: input[lineStart..<end], as: UTF8.self)
        var result = ""
        for scalar in text.unicodeScalars {
            if scalar.value < 0x20 || scalar.value == 0x7F {
                result += " "
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// The error placed here.
    func locate(_ error: ICalendarError, input: [UInt8]) -> ICalendarError {
        error.located(line: line, column: column, sourceLine: sourceLine(in: input))
    }
}
