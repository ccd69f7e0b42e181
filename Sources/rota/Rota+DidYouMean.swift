import ArgumentParser
import RotaModel

extension Rota {
    /// A misspelt subcommand and the subcommand it is closest to, or nil when the command line names a
    /// known subcommand, names none, or is not close to any.
    ///
    /// argument-parser would report `chek` as an unexpected argument; rota looks at the first word that is not
    /// an option before parsing, so the user learns which command they meant.
    static func misspeltSubcommand(in arguments: [String]) -> (given: String, suggestion: String)? {
        guard let word = arguments.first(where: { !$0.hasPrefix("-") }) else { return nil }
        let names = configuration.subcommands.compactMap { $0.configuration.commandName } + ["help"]
        guard !names.contains(word), let suggestion = DidYouMean.suggestion(for: word, among: names) else {
            return nil
        }
        return (word, suggestion)
    }
}
