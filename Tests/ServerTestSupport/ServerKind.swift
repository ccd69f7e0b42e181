import Testing

/// The real CalDAV servers the contract suite runs against, from the `make venv` virtualenv.
enum ServerKind: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case radicale
    case xandikos

    var testDescription: String { rawValue }
}
