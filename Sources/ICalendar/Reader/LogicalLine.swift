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

    /// A folded line's bytes after unfolding, and where each continuation came from.
    struct Folded {
        var bytes: [UInt8]
        /// The continuation lines after ``first``, in order.
        var continuations: [Segment]
    }

    /// `nil` for a line that stands alone in the input at ``range``, which is read in place: the common
    /// unfolded line then holds no reference at all, so handing it on costs no retain or release.
    var folded: Folded?
    /// Where the line's bytes are in the input when ``folded`` is `nil`.
    var range: Range<Int>
    /// The physical line that starts the content line.
    var first: Segment

    /// The continuation lines after ``first``, in order; empty for an unfolded line.
    var continuations: [Segment] { folded?.continuations ?? [] }

    /// The number of bytes in the unfolded line.
    var count: Int { folded?.bytes.count ?? range.count }

    var lineNumber: Int { first.lineNumber }

    /// Calls `body` with the unfolded bytes, offsets counted from the line's start.
    func withBytes<Result, Failure: Error>(
        in input: [UInt8],
        _ body: (UnsafeBufferPointer<UInt8>) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        if let folded { return try folded.bytes.withUnsafeBufferPointer(body) }
        return try input.withUnsafeBufferPointer { (all) throws(Failure) -> Result in
            try body(UnsafeBufferPointer(rebasing: all[range]))
        }
    }
    var lineStart: Int { first.lineStart }

    /// The segment holding the byte at `offset` (or the position just past the end).
    func segment(containing offset: Int) -> Segment? {
        if let continuation = continuations.last(where: { $0.logicalStart <= offset }) { return continuation }
        return first.logicalStart <= offset ? first : nil
    }
}

/// Where an error points: a physical line, a 1-based column in scalars, and that line's text.
///
/// The reader records one position per property, so the column is counted only when an error needs it.
struct SourcePosition {
    let line: Int
    let lineStart: Int
    /// The offset in the input of the byte pointed at; the column counts the scalars before it.
    let inputOffset: Int

    /// The position of `offset` in `line`.
    init(offset: Int, in line: borrowing LogicalLine) {
        let segment: LogicalLine.Segment
        if line.folded == nil || offset < line.continuations[0].logicalStart {
            segment = line.first
        } else if let continuation = line.segment(containing: offset) {
            segment = continuation
        } else {
            segment = line.first
        }
        self.line = segment.lineNumber
        lineStart = segment.lineStart
        inputOffset = segment.inputStart + max(0, offset - segment.logicalStart)
    }

    /// The start of a physical line.
    init(line: Int, lineStart: Int) {
        self.line = line
        self.lineStart = lineStart
        inputOffset = lineStart
    }

    /// The 1-based column in Unicode scalars of the physical line.
    func column(in input: [UInt8]) -> Int {
        let end = min(input.count, inputOffset)
        var scalars = 0
        var index = lineStart
        while index < end {
            if input[index] & 0xC0 != 0x80 { scalars += 1 }
            index += 1
        }
        return scalars + 1
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
        error.located(line: line, column: column(in: input), sourceLine: sourceLine(in: input))
    }
}
