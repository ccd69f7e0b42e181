/// The real CalDAV servers the contract suite runs against, from the `make venv` virtualenv.
package enum ServerKind: String, CaseIterable, Sendable, CustomStringConvertible {
    case radicale
    case xandikos

    /// The server's name, which is also its executable in `.venv/bin`.
    package var description: String { rawValue }
}
