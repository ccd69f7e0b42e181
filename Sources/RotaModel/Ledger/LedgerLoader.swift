internal import Yams

/// Turns ledger text into a `Ledger` checked against the team config, or every problem found in it.
///
/// Pure, like `ConfigLoader`: the caller reads the file and passes the `--as-of` date. A new team has no
/// decisions yet, so an empty file, one of only blank lines or one of only comments is `Ledger.empty`.
package enum LedgerLoader {
    /// The largest ledger accepted, in bytes; callers read at most one byte more than this.
    ///
    /// A recorded shift takes about 60 bytes, so this holds centuries of weekly shifts.
    package static let maximumBytes = SourceText.maximumBytes

    /// The error for a ledger the caller stopped reading after `maximumBytes`.
    ///
    /// - Parameters:
    ///   - byteCount: The file's size when known.
    ///   - file: How the diagnostic names the file.
    /// - Returns: The error to report, with one diagnostic.
    package static func tooLargeError(byteCount: Int?, file: String) -> ConfigError {
        SourceText.tooLarge(
            byteCount: byteCount,
            file: file,
            what: "ledger",
            hint: "a ledger holds one short line per recorded decision; check that --ledger names the right file"
        )
    }

    /// Loads a ledger and checks it against the config it belongs to.
    ///
    /// Entries come back sorted as `Ledger` documents, whatever their order in the file.
    ///
    /// - Parameters:
    ///   - bytes: The file's contents.
    ///   - file: How diagnostics name the file, usually its path.
    ///   - config: The validated team config; dates must be its rotation's hand-off dates, holidays its holidays.
    ///   - asOf: Entries for shifts starting on or after this date are commitments, so their engineer must be
    ///     on the team (or the shift overridden); earlier entries are history and may name engineers who left.
    /// - Returns: The ledger, `Ledger.empty` for a file with no entries.
    /// - Throws: `ConfigError` with every diagnostic, sorted by location, when anything is wrong.
    package static func load(
        bytes: [UInt8],
        file: String,
        config: TeamConfig,
        asOf: LocalDate
    ) throws(ConfigError) -> Ledger {
        if isBlank(bytes) { return .empty }
        let source: SourceText
        switch SourceText.decode(bytes, file: file, what: "ledger") {
        case let .success(decoded): source = decoded
        case let .failure(error): throw error
        }
        let root: Node
        do {
            guard let node = try YAMLResolver.compose(source.text), !NodeDecoder.isNull(node) else {
                return .empty
            }
            root = node
        } catch {
            throw ConfigError(diagnostics: [YAMLSyntaxError.diagnostic(for: error, in: source)])
        }
        var decoder = LedgerDecoder(source: source, config: config, asOf: asOf)
        let ledger = decoder.decodeLedger(root)
        if let ledger, decoder.diagnostics.isEmpty { return ledger }
        throw ConfigError(diagnostics: decoder.diagnostics)
    }

    /// Whether the bytes are UTF-8 text of only whitespace (after an optional byte order mark), which
    /// `SourceText.decode` would report as an empty config.
    private static func isBlank(_ bytes: [UInt8]) -> Bool {
        guard bytes.count <= maximumBytes else { return false }
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes.dropFirst(3) : bytes[...]
        guard let text = String(validating: body, as: UTF8.self) else { return false }
        return text.allSatisfy(\.isWhitespace)
    }
}
