import ICalendar
internal import Yams

/// Reads YAML nodes into typed values while collecting a diagnostic, with its location, for every
/// problem instead of stopping at the first.
///
/// Each reader returns nil after reporting what was wrong, so callers simply skip what did not decode
/// and go on; the loader builds a config only when no diagnostic was recorded.
struct NodeDecoder {
    /// How many YAML values one config may make a decoder visit; YAML aliases can make a small file
    /// expand enormously ("billion laughs"), and no real config comes near this.
    static let nodeBudget = 100_000

    let source: SourceText
    private(set) var diagnostics: [Diagnostic] = []
    private var nodesLeft = NodeDecoder.nodeBudget
    private(set) var budgetExhausted = false

    init(source: SourceText) { self.source = source }

    // MARK: Reporting

    func location(of node: Node) -> SourceLocation {
        let mark = node.mark
        return SourceLocation(file: source.file, line: mark?.line ?? 1, column: mark?.column ?? 1)
    }

    mutating func report(_ message: String, at location: SourceLocation, hint: String) {
        diagnostics.append(
            Diagnostic(location: location, message: message, hint: hint, sourceLine: source.line(location.line))
        )
    }

    mutating func report(_ message: String, at node: Node, hint: String) {
        report(message, at: location(of: node), hint: hint)
    }

    /// Counts one visited value against the budget; false (reported once) when the config is too big.
    mutating func visit(_ node: Node) -> Bool {
        nodesLeft -= 1
        if nodesLeft >= 0 { return true }
        if !budgetExhausted {
            budgetExhausted = true
            report(
                "config expands to more than \(NodeDecoder.nodeBudget) values",
                at: node,
                hint: "YAML aliases (*name) can multiply a small file; write the values out instead"
            )
        }
        return false
    }

    // MARK: Mappings

    /// Opens a mapping whose keys must come from `keys`; unknown keys are reported with a suggestion.
    mutating func fields(_ node: Node, _ what: String, keys: [String]) -> Fields? {
        guard visit(node) else { return nil }
        guard case let .mapping(mapping) = node else {
            report(
                "\(what) must be a mapping of keys to values, not \(describe(node))",
                at: node,
                hint: "write 'key: value' lines, indented under it"
            )
            return nil
        }
        var entries: [String: Fields.Entry] = [:]
        var suggested: Set<String> = []
        for (keyNode, value) in mapping {
            guard case let .scalar(scalar) = keyNode else {
                report(
                    "a key in \(what) must be plain text, not \(describe(keyNode))",
                    at: keyNode,
                    hint: "keys are words such as 'name' or 'primary'"
                )
                continue
            }
            let key = scalar.string
            guard keys.contains(key) else {
                let suggestion = DidYouMean.suggestion(for: key, among: keys)
                if let suggestion { suggested.insert(suggestion) }
                let hint =
                    suggestion.map { "did you mean '\($0)'?" }
                    ?? "the keys of \(what) are: \(keys.joined(separator: ", "))"
                report("unknown key '\(key)' in \(what)", at: keyNode, hint: hint)
                continue
            }
            entries[key] = Fields.Entry(key: keyNode, value: value)
        }
        return Fields(what: what, node: node, entries: entries, suggested: suggested)
    }

    /// The value of a key that must be present (and not null), reporting it missing otherwise.
    ///
    /// A key that an unknown key's did-you-mean already points to is not reported a second time as missing.
    mutating func required(_ fields: Fields, _ key: String, hint: String? = nil) -> Node? {
        if let value = fields[key] { return value }
        if fields.entries[key] == nil, fields.suggested.contains(key) { return nil }
        let message =
            fields.entries[key] == nil
            ? "\(fields.what) is missing '\(key)'" : "'\(key)' in \(fields.what) has no value"
        report(
            message,
            at: fields.entries[key]?.key ?? fields.node,
            hint: hint ?? "add '\(key): ...' to \(fields.what)"
        )
        return nil
    }

    /// How messages name a list item: `pipeline 'aggregate-profit'` when it has an id, else `a pipeline`.
    func name(of node: Node, _ kind: String) -> String {
        if case let .mapping(mapping) = node, case let .scalar(id)? = mapping["id"], !id.string.isEmpty,
            id.string.count <= IdentifierSyntax.maximumLength
        {
            return "\(kind) '\(id.string)'"
        }
        let article = ["a", "e", "i", "o", "u"].contains(kind.prefix(1)) ? "an" : "a"
        return "\(article) \(kind)"
    }

    // MARK: Scalars

    /// Non-empty text.
    ///
    /// Numbers and booleans are accepted as their text (`name: 2024` is a name).
    mutating func string(_ node: Node, _ what: String) -> String? {
        guard visit(node) else { return nil }
        guard case let .scalar(scalar) = node, !Self.isNull(node) else {
            report(
                "\(what) must be text, not \(describe(node))",
                at: node,
                hint: "write it as text on the same line, quoted if it contains ': ' or '#'"
            )
            return nil
        }
        let text = scalar.string.trimmingSpaces()
        guard !text.isEmpty else {
            report("\(what) must not be empty", at: node, hint: "write a value, or remove the key")
            return nil
        }
        return text
    }

    mutating func bool(_ node: Node, _ what: String) -> Bool? {
        guard visit(node) else { return nil }
        if case let .scalar(scalar) = node {
            switch scalar.string.lowercased() {
            case "true": return true
            case "false": return false
            default: break
            }
        }
        report("\(what) must be true or false, not \(describe(node))", at: node, hint: "write true or false")
        return nil
    }

    mutating func int(_ node: Node, _ what: String, in range: ClosedRange<Int>) -> Int? {
        guard visit(node) else { return nil }
        guard case let .scalar(scalar) = node, let value = Int(scalar.string) else {
            report("\(what) must be a whole number, not \(describe(node))", at: node, hint: "write digits only, e.g. 2")
            return nil
        }
        guard range.contains(value) else {
            report(
                "\(what) must be between \(range.lowerBound) and \(range.upperBound), not \(value)",
                at: node,
                hint: "pick a number in that range"
            )
            return nil
        }
        return value
    }

    /// A value parsed from text by `parse`, with `expected` describing the accepted form.
    mutating func parsed<T>(
        _ node: Node,
        _ what: String,
        expected: String,
        hint: String,
        _ parse: (String) -> T?
    )
        -> T?
    {
        guard let text = string(node, what) else { return nil }
        guard let value = parse(text) else {
            report("\(what) must be \(expected), not '\(text)'", at: node, hint: hint)
            return nil
        }
        return value
    }

    mutating func date(_ node: Node, _ what: String) -> LocalDate? {
        guard let text = string(node, what) else { return nil }
        if let date = LocalDate(iso: text) { return date }
        let looksLikeDate = text.split(separator: "-").count == 3
        report(
            looksLikeDate ? "\(what) '\(text)' is not a day on the calendar" : "\(what) must be a date, not '\(text)'",
            at: node,
            hint: "write dates as YYYY-MM-DD, e.g. 2026-12-24"
        )
        return nil
    }

    mutating func time(_ node: Node, _ what: String) -> LocalTime? {
        parsed(node, what, expected: "a 24-hour time HH:MM", hint: "e.g. \"10:00\" or \"17:30\"") {
            LocalTime(text: $0)
        }
    }

    mutating func span(_ node: Node, _ what: String) -> CalendarSpan? {
        parsed(
            node,
            what,
            expected: "a length such as 30d, 12w, 3m or 1y",
            hint: "a number followed by d (days), w (weeks), m (months) or y (years)"
        ) { CalendarSpan(text: $0) }
    }

    /// One of a fixed set of words, with a suggestion when it is close to one.
    mutating func choice<T>(_ node: Node, _ what: String, _ choices: [(String, T)]) -> T? {
        guard let text = string(node, what) else { return nil }
        if let match = choices.first(where: { $0.0 == text.lowercased() }) { return match.1 }
        let names = choices.map(\.0)
        let hint =
            DidYouMean.suggestion(for: text, among: names).map { "did you mean '\($0)'?" }
            ?? "one of: \(names.joined(separator: ", "))"
        report("\(what) must be one of \(names.joined(separator: ", ")), not '\(text)'", at: node, hint: hint)
        return nil
    }

    /// An id: lowercase letters, digits and hyphens (see `IdentifierSyntax`).
    mutating func identifier(_ node: Node, _ what: String) -> String? {
        guard let text = string(node, what) else { return nil }
        guard IdentifierSyntax.isValid(text) else {
            report(
                "\(what) '\(text)' is not a valid id",
                at: node,
                hint: "ids use lowercase letters, digits and single hyphens, start with a letter, "
                    + "and are at most \(IdentifierSyntax.maximumLength) characters (e.g. 'aggregate-profit')"
            )
            return nil
        }
        return text
    }

    // MARK: Sequences

    /// The elements of a list.
    ///
    /// A single scalar where a list of scalars is expected is an error, since `consumers: Finance` is more often a
    /// missing dash than a one-element list.
    mutating func list(_ node: Node, _ what: String) -> [Node]? {
        guard visit(node) else { return nil }
        guard case let .sequence(sequence) = node else {
            report(
                "\(what) must be a list, not \(describe(node))",
                at: node,
                hint: "write each item on its own '- ' line"
            )
            return nil
        }
        return Array(sequence)
    }

    mutating func stringList(_ node: Node, _ what: String) -> [String]? {
        guard let items = list(node, what) else { return nil }
        let strings = items.map { string($0, "each item of \(what)") }
        return strings.contains(where: { $0 == nil }) ? nil : strings.compactMap { $0 }
    }

    // MARK: Describing values

    /// Whether a value is YAML's null: `key:`, `key: ~` or `key: null`.
    static func isNull(_ node: Node) -> Bool {
        guard case let .scalar(scalar) = node else { return false }
        return scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    /// How a value reads in an error message: `a list`, `a mapping`, `nothing`, or the text itself.
    func describe(_ node: Node) -> String {
        switch node {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        case let .scalar(scalar):
            if Self.isNull(node) { return "nothing" }
            let text = scalar.string
            let shown = text.count > 40 ? String(text.prefix(40)) + "..." : text
            return "'\(shown)'"
        }
    }
}

/// The recognised keys of one YAML mapping, with their key and value nodes.
struct Fields {
    struct Entry {
        let key: Node
        let value: Node
    }

    /// How messages name this mapping, such as `engineer 'chen'` or `rotation`.
    let what: String
    let node: Node
    let entries: [String: Entry]
    /// Known keys that an unknown key in this mapping looks like a misspelling of.
    let suggested: Set<String>

    /// The value for `key`, or nil when the key is absent or its value is null (`key:` or `key: ~`).
    subscript(key: String) -> Node? {
        guard let value = entries[key]?.value, !NodeDecoder.isNull(value) else { return nil }
        return value
    }
}
