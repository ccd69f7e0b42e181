import ArgumentParser

/// `--quiet` and `--verbose`, shared by every command.
///
/// Quiet keeps standard error to problems only (summaries and progress go); the command's output on
/// standard output and its exit status are the same either way. Verbose adds detail: each file
/// written, each HTTP request to a CalDAV server.
struct OutputOptions: ParsableArguments {
    @Flag(name: [.customShort("q"), .long], help: "Print only problems on standard error: no summaries or progress.")
    var quiet = false

    @Flag(
        name: [.customShort("v"), .long],
        help: "Print more detail on standard error (files written, HTTP requests)."
    )
    var verbose = false

    func validate() throws {
        guard !(quiet && verbose) else { throw ValidationError("--quiet and --verbose do not go together") }
    }

    /// Prints a summary or progress note on standard error, unless `--quiet`.
    func note(_ text: String) {
        guard !quiet else { return }
        var standardError = StandardError()
        print(text, to: &standardError)
    }

    /// Prints detail on standard error, only with `--verbose`.
    func detail(_ text: String) {
        guard verbose else { return }
        var standardError = StandardError()
        print(text, to: &standardError)
    }
}
