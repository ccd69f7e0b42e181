internal import Yams

/// How rota has Yams read scalars: every one as text, with no implicit typing.
enum YAMLResolver {
    /// Yams' basic resolver, which tags every scalar as text.
    ///
    /// rota's decoders read each scalar's text themselves (numbers, booleans, dates and null
    /// with their own rules and messages) and never look at a node's tag. The default resolver would tag every scalar
    /// by matching regular expressions, which made the tags of the keys Yams compares for duplicates the largest cost
    /// of loading a config (measured: 21% of a re-export of 500 teams).
    static let plain = Resolver.basic

    /// Parses `text` into its one document's node tree, nil when it holds only comments.
    ///
    /// The encoding is given as UTF-8, which is what Yams' default picks for a Swift string: left out, Yams works
    /// the default out on every call by reading the whole process environment (`YAMS_DEFAULT_ENCODING`), a cost
    /// paid once per config of a folder and an environment read that does not belong in a pure loader.
    ///
    /// - Throws: Yams' error for text that is not YAML.
    static func compose(_ text: String) throws -> Node? {
        try Yams.compose(yaml: text, plain, .default, .utf8)
    }
}
