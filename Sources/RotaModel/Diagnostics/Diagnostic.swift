/// One problem found in a config: where it is, what is wrong, and what the user can do about it.
///
/// `rota check` collects every diagnostic of a file before printing any, so a user fixes all of them in
/// one pass instead of one per run.
package struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    package let location: SourceLocation
    package let message: String
    /// What the user can do about it; every diagnostic has one.
    package let hint: String
    /// The offending line of the file, quoted under the message with a caret at the column.
    package let sourceLine: String?

    package init(location: SourceLocation, message: String, hint: String, sourceLine: String? = nil) {
        self.location = location
        self.message = message
        self.hint = hint
        self.sourceLine = sourceLine
    }

    /// The rendering `rota check` prints.
    ///
    /// The form is `file:line:col: error: message`, the quoted line with a caret, then `hint: ...`. Tabs in the quoted line are
    /// kept so the caret stays aligned.
    package var description: String {
        var lines = ["\(location): error: \(message)"]
        if let sourceLine, !sourceLine.isEmpty {
            let indent = sourceLine.unicodeScalars.prefix(max(0, location.column - 1)).map { $0 == "\t" ? "\t" : " " }
            lines.append("    " + sourceLine)
            lines.append("    " + indent.joined() + "^")
        }
        lines.append("hint: \(hint)")
        return lines.joined(separator: "\n")
    }
}

extension [Diagnostic] {
    /// Diagnostics in the order a reader meets them in the file; ties keep the order they were found.
    package func sortedByLocation() -> [Diagnostic] {
        enumerated().sorted { ($0.element.location, $0.offset) < ($1.element.location, $1.offset) }.map(\.element)
    }
}
