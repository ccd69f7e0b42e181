/// Why a config could not be loaded: every problem found, in file order.
package struct ConfigError: Error, Equatable, Sendable, CustomStringConvertible {
    package let diagnostics: [Diagnostic]

    package init(diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics.sortedByLocation()
    }

    package var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}
