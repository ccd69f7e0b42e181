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
}
