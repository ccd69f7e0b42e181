import RotaModel

/// Prints config diagnostics the way compilers do, followed by a count, so a long list ends with a summary.
enum DiagnosticPrinter {
    /// More than this many problems means the file is not a config at all; the rest add nothing.
    static let limit = 100

    static func print(
        _ diagnostics: [Diagnostic],
        file: String,
        to stream: inout some TextOutputStream,
        what: String = "config"
    ) {
        for diagnostic in diagnostics.prefix(limit) {
            Swift.print(diagnostic.description, to: &stream)
        }
        if diagnostics.count > limit {
            Swift.print("... and \(diagnostics.count - limit) more problems not shown", to: &stream)
        }
        let count = diagnostics.count == 1 ? "1 problem" : "\(diagnostics.count) problems"
        Swift.print("\(file): \(count); the \(what) was not used", to: &stream)
    }
}
