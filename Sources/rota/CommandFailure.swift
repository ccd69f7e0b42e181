import RotaModel

/// Why a command could not do its job, as standard error shows it; `Rota.main` prints it once and exits with 2.
///
/// Commands throw this instead of printing and exiting themselves, so there is one error path: every failure is
/// printed exactly once, always with its text, and the exit code is chosen in one place. `ExitCode(1)` stays for
/// "differences found" and conflicts, which are answers, not failures.
struct CommandFailure: Error, CustomStringConvertible {
    /// The whole text for standard error, without a final newline.
    let description: String

    /// `error: message` then `hint: hint`; with a `location` (a file, `file:line`), `location: error: message`.
    init(message: String, hint: String, at location: String? = nil) {
        let prefix = location.map { "\($0): " } ?? ""
        description = "\(prefix)error: \(message)\nhint: \(hint)"
    }

    /// Problems found in a config or ledger file, as compilers print them, then their count.
    init(diagnostics: [Diagnostic], file: String, what: String = "config") {
        var text = ""
        DiagnosticPrinter.print(diagnostics, file: file, to: &text, what: what)
        description = String(text.dropLast(text.hasSuffix("\n") ? 1 : 0))
    }

    /// An error value that already reads `where: error: what` and `hint: ...` (`CalDAVError`, `LedgerFileError`,
    /// an iCalendar reader error with its file), shown as it renders itself.
    init(rendered text: String) {
        description = text.hasSuffix("\n") ? String(text.dropLast()) : text
    }
}
