/// Reads iCalendar bytes handed over in pieces of any size, and hands back each component as soon as it closes.
///
/// ``ICalendarReader/readComponents(_:)`` needs the whole input in one buffer and returns the whole tree, so
/// reading a feed of 100 MB holds both at once. This reader holds only the bytes of the content lines not yet read
/// (a piece and the line it ends inside) and the components still open: each component directly inside a
/// top-level one (each VEVENT of a VCALENDAR) is handed over whole as it closes, and the caller keeps what it
/// needs. It does no I/O: the caller reads the pieces, from a file or a network, in whatever sizes it likes.
///
/// The result and the errors are exactly those of ``ICalendarReader/readComponents(_:)`` over the same bytes,
/// wherever the pieces are cut: a cut inside a CR LF, a folded line or a UTF-8 sequence changes nothing, and
/// errors carry the line and column in the whole input.
///
/// ```swift
/// var reader = ICalendarStreamReader()
/// for piece in pieces { events += try reader.read(piece) }
/// events += try reader.finish()
/// ```
public struct ICalendarStreamReader {
    /// The bytes handed over and not read yet: the start of a content line that may go on in the next piece.
    private var pending: [UInt8] = []
    /// How many bytes of ``pending`` are known to hold no place to cut it (see ``cut()``).
    private var searched = 0
    /// The number of physical lines read before ``pending``.
    private var linesRead = 0
    /// Whether nothing has been read yet: only the input's start may hold a byte order mark.
    private var atStart = true
    private var builder = ComponentTreeBuilder(
        input: [],
        maximumNesting: ICalendarReader.maximumNesting,
        streams: true
    )

    public init() {}

    /// Reads the next piece of the input.
    ///
    /// - Parameter piece: The bytes that follow the pieces read before.
    /// - Returns: The components that closed in the content lines this piece completes, in the order they closed.
    /// - Throws: The errors of ``ICalendarReader/readComponents(_:)``, with line and column in the whole input.
    ///   After an error, the reader must not be used again.
    public mutating func read(_ piece: UnsafeBufferPointer<UInt8>) throws(ICalendarError) -> [StreamedComponent] {
        pending.append(contentsOf: piece)
        guard let end = cut() else { return [] }
        let lines = Array(pending[..<end])
        pending.removeSubrange(..<end)
        searched = 0
        try readLines(lines)
        return builder.takeStreamed()
    }

    /// Reads the rest of the input, once every piece has been handed over.
    ///
    /// - Returns: The components that closed in the last content lines.
    /// - Throws: The errors of ``read(_:)``, and ``ICalendarError/unterminatedComponent`` for a BEGIN never closed.
    public mutating func finish() throws(ICalendarError) -> [StreamedComponent] {
        if !pending.isEmpty {
            let lines = pending
            pending = []
            try readLines(lines)
        }
        _ = try builder.finish()
        return builder.takeStreamed()
    }

    /// Where ``pending`` can be cut so that the bytes before it are whole content lines: the last line start that
    /// is not a continuation (RFC 5545 §3.1: a line starting with a space or tab continues the previous one).
    ///
    /// A place is known only once the byte after the line feed has arrived. The bytes searched before are not
    /// searched again, so a line longer than many pieces costs no more than reading it once.
    private mutating func cut() -> Int? {
        let lowest = max(1, searched)
        searched = pending.count
        var index = pending.count - 1
        while index >= lowest {
            let byte = pending[index]
            if pending[index - 1] == 0x0A, byte != 0x20, byte != 0x09 { return index }
            index -= 1
        }
        return nil
    }

    private mutating func readLines(_ lines: [UInt8]) throws(ICalendarError) {
        var scanner = LogicalLineScanner(
            input: lines,
            maximumLineLength: ICalendarReader.maximumLineLength,
            firstLineNumber: linesRead,
            startsDocument: atStart
        )
        atStart = false
        builder.continueReading(with: lines)
        try scanner.forEachLine { (line) throws(ICalendarError) in try builder.add(line) }
        linesRead = scanner.lineNumber
    }
}
