import Foundation
import RotaTestSupport
import Testing

@testable import rota

/// The schedule page's own trimming agrees with Foundation's `trimmingCharacters(in: .whitespaces)`, which it
/// replaces.
@Suite struct SchedulePageTextTests {
    /// Every Unicode scalar at either end of a word, alone and next to a space.
    @Test func everyScalarIsTrimmedAsFoundationTrimsIt() {
        var differing: [String] = []
        for value in 0..<0x11_0000 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = "\(scalar) a \(scalar)"
            if SchedulePage.trimmingSpaces(Substring(text)) != text.trimmingCharacters(in: .whitespaces) {
                differing.append(String(value, radix: 16))
            }
        }
        #expect(differing.isEmpty, "scalars trimmed differently: \(differing.prefix(20))")
    }

    /// 20,000 random lines of spaces of every kind, newlines, combining marks (also after a space), emoji and
    /// letters, as whole strings and as substrings of longer ones.
    @Test func randomLinesAreTrimmedAsFoundationTrimsThem() {
        let pieces = [
            " ", "\t", "\u{A0}", "\u{2009}", "\u{200B}", "\u{3000}", "\u{1680}", "\u{202F}", "\n", "\r\n", "\u{85}",
            "\u{301}", " \u{301}", "e\u{301}", "a", "Kim", "日", "🧑‍💻", "\u{FEFF}", "\u{2028}",
        ]
        var generator = SeededGenerator(seed: 11)
        for _ in 0..<20_000 {
            let text = (0..<Int.random(in: 0...8, using: &generator)).map { _ in
                pieces.randomElement(using: &generator) ?? ""
            }.joined()
            let line = ("x\n" + text + "\ny").split(separator: "\n", omittingEmptySubsequences: false)[1]
            #expect(SchedulePage.trimmingSpaces(line) == String(line).trimmingCharacters(in: .whitespaces))
            #expect(
                SchedulePage.trimmingSpaces(Substring(text)) == text.trimmingCharacters(in: .whitespaces),
                "\(text.debugDescription)"
            )
        }
    }
}
