import Foundation

/// Standard error as a `TextOutputStream`, for diagnostics and messages that are not the command's output.
///
/// On a terminal (and without `NO_COLOR`), the labels `error:`, `warning:`, `note:` and `hint:` are coloured.
struct StandardError: TextOutputStream {
    /// Asked once per process: the environment and standard error do not change while rota runs.
    private static let colour = Terminal.usesColour(.error)

    mutating func write(_ string: String) {
        let text = Self.colour ? Terminal.highlightingLabels(string) : string
        FileHandle.standardError.write(Data(text.utf8))
    }
}
