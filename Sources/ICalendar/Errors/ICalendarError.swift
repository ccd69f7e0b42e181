/// A problem found while reading iCalendar text or interpreting its values (RFC 5545).
///
/// Errors are values with context, like async-http-client's `HTTPClientError`: the kind of problem
/// stays internal behind static members (``unterminatedComponent``, ``missingColon``, ...), so a new
/// kind breaks no `switch` in client code. Match a kind with a pattern:
///
/// ```swift
/// if case .missingColon = error { ... }
/// ```
///
/// Errors from the reader carry the 1-based line and column of the physical line where the problem
/// starts; errors from interpreting a value outside the reader (``RecurrenceRule``, ``Event``) have none.
public struct ICalendarError: Error, Equatable, Sendable, CustomStringConvertible {
    enum Kind: Equatable, Sendable {
        case unterminatedComponent
        case mismatchedEnd
        case unexpectedEnd
        case missingColon
        case invalidName
        case invalidParameter
        case invalidUTF8
        case invalidDate
        case invalidValue
        case missingProperty
        case nestingTooDeep
        case lineTooLong
        case unexpectedContinuation
        case propertyOutsideComponent
        case notACalendar
        case unsupportedVersion
        case invalidRecurrence
        case unsupportedRecurrence
    }

    let kind: Kind
    /// The 1-based physical line, when the error comes from the reader.
    public private(set) var line: Int?
    /// The 1-based column (in Unicode scalars) within ``line``.
    public private(set) var column: Int?
    /// What went wrong, in one sentence.
    public let message: String
    /// What the user can do about it.
    public let hint: String
    /// The physical line the error points into, for the caret display; `nil` when unknown or too long.
    public private(set) var sourceLine: String?
    /// The property the error is about, so the reader can locate errors raised by typed conversions.
    var propertyName: String?
    /// The index of the sub-component the error is about, within the component being converted.
    var componentIndex: Int?

    init(_ kind: Kind, _ message: String, hint: String? = nil, propertyName: String? = nil) {
        self.kind = kind
        self.message = message
        self.hint = hint ?? Self.defaultHint(for: kind)
        self.propertyName = propertyName
    }

    /// This error placed at a position in the input, quoting that line when it is short enough to show.
    func located(line: Int, column: Int, sourceLine: String?) -> ICalendarError {
        var copy = self
        copy.line = line
        copy.column = column
        copy.sourceLine = sourceLine
        copy.propertyName = nil
        copy.componentIndex = nil
        return copy
    }

    /// The error about the component at `index` of the component being converted.
    func inComponent(at index: Int) -> ICalendarError {
        var copy = self
        if copy.componentIndex == nil { copy.componentIndex = index }
        return copy
    }

    /// `line:col: error: message`, the quoted line with a caret, then `hint: ...`.
    public var description: String {
        var text = ""
        if let line, let column {
            text += "\(line):\(column): "
        }
        text += "error: \(message)"
        if let sourceLine, let column {
            text += "\n    \(sourceLine)\n    " + String(repeating: " ", count: max(0, column - 1)) + "^"
        }
        text += "\nhint: \(hint)"
        return text
    }

    /// Matches an error against a kind such as `ICalendarError.missingColon`, ignoring position and message.
    ///
    /// - Parameters:
    ///   - pattern: One of the static kinds.
    ///   - value: The error to test.
    /// - Returns: Whether both are the same kind of problem.
    public static func ~= (pattern: ICalendarError, value: ICalendarError) -> Bool {
        pattern.kind == value.kind
    }

    /// Whether both errors are the same kind of problem, whatever their position or message.
    ///
    /// - Parameter other: The error to compare with.
    /// - Returns: `true` when the kinds match.
    public func isSameKind(as other: ICalendarError) -> Bool {
        kind == other.kind
    }
}
