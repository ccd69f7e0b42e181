internal import Yams

/// Turns config text into a validated `TeamConfig`, or every problem found in it.
///
/// Pure: the caller reads the file (and is the one to bound how much it reads); this only looks at
/// the bytes it is given and names them `file` in diagnostics.
package enum ConfigLoader {
    /// The largest config accepted, in bytes; callers read at most one byte more than this.
    package static let maximumBytes = SourceText.maximumBytes

    /// The error for a config the caller stopped reading after `maximumBytes`.
    ///
    /// - Parameters:
    ///   - byteCount: The file's size when known.
    ///   - file: How the diagnostic names the file.
    /// - Returns: The error to report, with one diagnostic.
    package static func tooLargeError(byteCount: Int?, file: String) -> ConfigError {
        SourceText.tooLarge(byteCount: byteCount, file: file)
    }

    /// Loads a config.
    /// - Parameters:
    ///   - bytes: The file's contents.
    ///   - file: How diagnostics name the file, usually the path the user gave.
    /// - Returns: The validated config.
    /// - Throws: `ConfigError` with every diagnostic, sorted by location, when anything is wrong.
    package static func load(bytes: [UInt8], file: String) throws(ConfigError) -> TeamConfig {
        let source: SourceText
        switch SourceText.decode(bytes, file: file) {
        case let .success(decoded): source = decoded
        case let .failure(error): throw error
        }
        let root: Node
        do {
            guard let node = try YAMLResolver.compose(source.text) else {
                throw ConfigError(diagnostics: [
                    Diagnostic(
                        location: SourceLocation(file: file, line: 1, column: 1),
                        message: "config has no content, only comments",
                        hint: "start from the bundled fixtures/team.yaml; docs/config.md explains every key"
                    )
                ])
            }
            root = node
        } catch let error as ConfigError {
            throw error
        } catch {
            throw ConfigError(diagnostics: [YAMLSyntaxError.diagnostic(for: error, in: source)])
        }
        var decoder = ConfigDecoder(source: source)
        let config = decoder.decodeConfig(root)
        if let config, decoder.diagnostics.isEmpty { return config }
        throw ConfigError(diagnostics: decoder.diagnostics)
    }
}
