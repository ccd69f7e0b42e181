/// The checks a config or ledger file's bytes must pass before a YAML parser sees them.
///
/// They are size, UTF-8, no binary content, bounded nesting. libyaml would fail on most of these too, but with messages about
/// "reader errors" that do not tell a user they picked the wrong file; and deep flow nesting (`[[[[...`) would overflow
/// the stack of the recursive composer instead of failing at all.
struct SourceText {
    /// A team config is a few kilobytes; anything over this is the wrong file, not a big team.
    static let maximumBytes = 1 << 20
    /// The deepest `[`/`{` nesting accepted; a real config nests three or four levels.
    static let maximumFlowDepth = 64

    let file: String
    let text: String
    private let lineTable: LineTable

    /// The text's lines, without their line breaks, for quoting under diagnostics.
    var lines: [Substring] { lineTable.lines }

    /// The lines, split when a diagnostic first quotes one: a config without problems never needs them, and
    /// splitting by Character was a tenth of checking a config's text.
    private final class LineTable {
        let text: String
        lazy var lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)

        init(_ text: String) { self.text = text }
    }

    /// Checks `bytes` and decodes them, or returns the one diagnostic that says why the file cannot be
    /// a config or ledger.
    ///
    /// - Parameters:
    ///   - bytes: The file's contents.
    ///   - file: How the diagnostic names the file.
    ///   - what: The noun messages use for the file: "config" (the default) or "ledger".
    /// - Returns: The decoded text, or the error with its one diagnostic.
    static func decode(_ bytes: [UInt8], file: String, what: String = "config") -> Result<SourceText, ConfigError> {
        func failure(
            _ message: String,
            line: Int = 1,
            column: Int = 1,
            hint: String,
            in text: String? = nil
        )
            -> Result<SourceText, ConfigError>
        {
            let quoted = text.flatMap { text in
                text.split(separator: "\n", omittingEmptySubsequences: false).dropFirst(line - 1).first.map(String.init)
            }
            return .failure(
                ConfigError(diagnostics: [
                    Diagnostic(
                        location: SourceLocation(file: file, line: line, column: column),
                        message: message,
                        hint: hint,
                        sourceLine: quoted
                    )
                ])
            )
        }
        if bytes.count > maximumBytes { return .failure(tooLarge(byteCount: bytes.count, file: file)) }
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        guard let text = String(validating: body, as: UTF8.self) else {
            let (line, column, byte) = firstInvalidUTF8(in: Array(body))
            return failure(
                "\(what) is not UTF-8 text (invalid byte 0x\(hex(byte)))",
                line: line,
                column: column,
                hint: "rota reads YAML saved as UTF-8; is this a binary file?"
            )
        }
        var line = 1
        var column = 1
        var flowDepth = 0
        for scalar in text.unicodeScalars {
            if scalar.value < 0x20, scalar != "\n", scalar != "\t", scalar != "\r" {
                return failure(
                    "\(what) contains the control character U+\(hex(scalar.value, width: 4))",
                    line: line,
                    column: column,
                    hint: "rota reads YAML text; is this a binary file?"
                )
            }
            switch scalar {
            case "\n":
                line += 1
                column = 0
            case "[", "{":
                flowDepth += 1
                if flowDepth > maximumFlowDepth {
                    return failure(
                        "\(what) nests lists or mappings more than \(maximumFlowDepth) levels deep",
                        line: line,
                        column: column,
                        hint: "a team \(what) nests a few levels; check for a stray '[' or '{'",
                        in: text
                    )
                }
            case "]", "}":
                flowDepth = max(0, flowDepth - 1)
            default: break
            }
            column += 1
        }
        // An empty ledger is a valid one; `LedgerLoader` returns it before calling this, so only a config gets here.
        if text.allSatisfy({ $0.isWhitespace }) {
            return failure(
                "\(what) is empty",
                hint: "start from the bundled fixtures/team.yaml; docs/config.md explains every key"
            )
        }
        if let alias = aliasUsedAsKey(in: text) {
            return failure(
                "the YAML alias *\(alias.name) is used as a key",
                line: alias.line,
                column: alias.column,
                hint: "keys in a rota \(what) are plain words; aliases may stand only for values",
                in: text
            )
        }
        return .success(SourceText(file: file, text: text, lineTable: LineTable(text)))
    }

    /// Finds the first alias written in key position, such as `*name: value` or `? *name`.
    ///
    /// The YAML library hashes every mapping key to find duplicates, and hashing an alias hashes
    /// the whole tree it stands for, which nested aliases make exponentially large: a 1 KiB file would hang it. A rota
    /// config never needs one.
    static func aliasUsedAsKey(in text: String) -> (line: Int, column: Int, name: String)? {
        // Every alias starts with `*`, and most configs have none: one pass over the bytes then settles it.
        guard text.utf8.contains(UInt8(ascii: "*")) else { return nil }
        let scalars = Array(text.unicodeScalars)
        let boundaries: Set<Unicode.Scalar> = [" ", "\t", "[", "{", ",", "?", ":", "-"]
        func isNameCharacter(_ scalar: Unicode.Scalar) -> Bool {
            scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "_"
        }
        var line = 1
        var lineStart = 0
        var quote: Unicode.Scalar?
        var inComment = false
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            let atBoundary = index == lineStart || boundaries.contains(scalars[index - 1])
            defer { index += 1 }
            if scalar == "\n" {
                line += 1
                lineStart = index + 1
                inComment = false
                continue
            }
            if inComment { continue }
            if let open = quote {
                if open == "\"", scalar == "\\" {
                    index += 1
                } else if scalar == open {
                    quote = nil
                }
                continue
            }
            switch scalar {
            case "#" where index == lineStart || scalars[index - 1] == " " || scalars[index - 1] == "\t":
                inComment = true
            case "\"",
                "'" where atBoundary:
                quote = scalar
            case "*" where atBoundary:
                var end = index + 1
                while end < scalars.count, isNameCharacter(scalars[end]) { end += 1 }
                guard end > index + 1 else { continue }
                var next = end
                while next < scalars.count, scalars[next] == " " || scalars[next] == "\t" { next += 1 }
                var previous = index - 1
                while previous >= lineStart, scalars[previous] == " " || scalars[previous] == "\t" { previous -= 1 }
                let implicitKey = next < scalars.count && scalars[next] == ":"
                let explicitKey = previous >= lineStart && scalars[previous] == "?"
                if implicitKey || explicitKey {
                    var name = String.UnicodeScalarView()
                    name.append(contentsOf: scalars[(index + 1)..<end])
                    return (line, index - lineStart + 1, String(name))
                }
            default:
                break
            }
        }
        return nil
    }

    /// The error for a file over `maximumBytes`; `byteCount` is nil when the reader stopped early and the
    /// size is unknown (a device or a pipe).
    static func tooLarge(
        byteCount: Int?,
        file: String,
        what: String = "config",
        hint: String = "a team config is a few kilobytes of YAML; check that --config names the right file"
    ) -> ConfigError {
        let size = byteCount.map { "\(what) has \($0) bytes" } ?? "\(what) has more than \(maximumBytes) bytes"
        return ConfigError(diagnostics: [
            Diagnostic(
                location: SourceLocation(file: file, line: 1, column: 1),
                message: "\(size); rota accepts at most \(maximumBytes) (1 MiB)",
                hint: hint
            )
        ])
    }

    /// The text of 1-based line `number`, without its line break, for quoting under a diagnostic.
    func line(_ number: Int) -> String? {
        guard number >= 1, number <= lines.count else { return nil }
        return String(lines[number - 1])
    }

    private static func firstInvalidUTF8(in bytes: [UInt8]) -> (line: Int, column: Int, byte: UInt8) {
        var line = 1
        var column = 1
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let length: Int
            switch byte {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return (line, column, byte)
            }
            guard index + length <= bytes.count,
                String(validating: bytes[index..<index + length], as: UTF8.self) != nil
            else { return (line, column, byte) }
            if byte == 0x0A {
                line += 1
                column = 1
            } else {
                column += 1
            }
            index += length
        }
        return (line, column, 0)
    }

    private static func hex(_ value: some BinaryInteger, width: Int = 2) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
