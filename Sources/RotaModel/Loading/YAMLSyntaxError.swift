internal import Yams

/// Translates Yams' parse errors into rota diagnostics with the file's own location.
enum YAMLSyntaxError {
    static func diagnostic(for error: any Error, in source: SourceText) -> Diagnostic {
        let hint =
            "this is a YAML syntax error; check indentation (spaces, not tabs) and quotes around values with ':' or '#'"
        func at(_ line: Int, _ column: Int, _ message: String, hint: String = hint) -> Diagnostic {
            Diagnostic(
                location: SourceLocation(file: source.file, line: line, column: column),
                message: message,
                hint: hint,
                sourceLine: source.line(line)
            )
        }
        guard let yamlError = error as? YamlError else {
            return at(1, 1, "config could not be read as YAML: \(error)")
        }
        switch yamlError {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
            let .composer(context, problem, mark, _):
            let detail = context.map { " (\($0.text) at line \($0.mark.line))" } ?? ""
            // At the end of the file there is no line to quote; point where the unfinished part began.
            if mark.line > source.lines.count || source.line(mark.line)?.isEmpty == true, let context {
                return at(context.mark.line, context.mark.column, "invalid YAML: \(problem)\(detail)")
            }
            return at(mark.line, mark.column, "invalid YAML: \(problem)\(detail)")
        case let .reader(problem, _, _, _):
            return at(1, 1, "config could not be read as YAML: \(problem)")
        case let .duplicatedKeysInMapping(duplicates, context):
            let key = duplicates.sorted().first ?? ""
            let (line, column) = secondOccurrence(ofKey: key, after: context.mark, in: source)
            return at(
                line,
                column,
                "duplicate key '\(key)'",
                hint: "each key may appear once in a mapping; merge the two entries or remove one"
            )
        default:
            return at(1, 1, "config could not be read as YAML: \(yamlError)")
        }
    }

    /// Where a duplicated key is written the second time.
    ///
    /// Yams reports only the mapping's start, so look for the key at the start of a line (after indentation or `- `)
    /// from there on.
    private static func secondOccurrence(ofKey key: String, after mark: Mark, in source: SourceText) -> (Int, Int) {
        var seen = 0
        for number in max(1, mark.line)...max(1, source.lines.count) {
            guard let text = source.line(number) else { break }
            let indentation = text.prefix { $0 == " " || $0 == "-" }
            let rest = text.dropFirst(indentation.count)
            for candidate in [key, "\"\(key)\"", "'\(key)'"] where rest.hasPrefix(candidate + ":") {
                seen += 1
                if seen == 2 { return (number, indentation.unicodeScalars.count + 1) }
            }
        }
        return (mark.line, mark.column)
    }
}
