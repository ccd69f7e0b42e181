import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Whether output goes to a person at a terminal, and the colours rota uses there.
///
/// Colour only on a terminal, never when `NO_COLOR` is set to anything non-empty (no-color.org) or
/// `TERM` is `dumb`; piped and redirected output stays plain text.
enum Terminal {
    enum Stream {
        case output, error

        var descriptor: Int32 { self == .output ? 1 : 2 }
    }

    /// Whether `stream` gets colour.
    static func usesColour(
        _ stream: Stream,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> Bool {
        if let value = environment["NO_COLOR"], !value.isEmpty { return false }
        if environment["TERM"] == "dumb" { return false }
        return isatty(stream.descriptor) == 1
    }

    /// SGR colours used by rota.
    enum Colour: String {
        case red = "31"
        case green = "32"
        case yellow = "33"
        case blue = "34"
        case magenta = "35"
        case cyan = "36"
        case boldRed = "1;31"
    }

    static func paint(_ text: String, _ colour: Colour) -> String {
        "\u{1B}[\(colour.rawValue)m\(text)\u{1B}[0m"
    }

    /// `text` with the labels of diagnostics (`error:`, `warning:`, `note:`, `hint:`) coloured.
    static func highlightingLabels(_ text: String) -> String {
        let labels: [(String, Colour)] = [
            ("error:", .boldRed), ("warning:", .yellow), ("note:", .blue), ("hint:", .cyan),
        ]
        var lines: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = String(line)
            for (label, colour) in labels {
                if line.hasPrefix(label) {
                    line = paint(label, colour) + line.dropFirst(label.count)
                } else if let range = line.range(of: ": " + label + " ") {
                    line.replaceSubrange(range, with: ": " + paint(label, colour) + " ")
                }
            }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }
}
