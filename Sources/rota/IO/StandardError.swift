import Foundation

/// Standard error as a `TextOutputStream`, for diagnostics and messages that are not the command's output.
///
/// On a terminal (and without `NO_COLOR`), the labels `error:`, `warning:`, `note:` and `hint:` are coloured.
struct StandardError: TextOutputStream {
    private let colour = Terminal.usesColour(.error)

    mutating func write(_ string: String) {
        let text = colour ? Terminal.highlightingLabels(string) : string
        FileHandle.standardError.write(Data(text.utf8))
    }
}
