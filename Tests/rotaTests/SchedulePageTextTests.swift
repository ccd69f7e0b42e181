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

    /// The charts' figures as Foundation formats them: weeks on call from whole hours (a DST week is 167 or 169),
    /// random figures, figures at and next to halfway between two results, tiny, huge, negative and not numbers.
    @Test(arguments: [1, 2])
    func figuresAreWrittenAsFoundationFormatsThem(decimals: Int) {
        var generator = SeededGenerator(seed: 29)
        var values: [Double] = [0, -0.0, 0.05, 0.15, 0.25, 0.35, 0.125, 0.005, 1e-300, 999_999.95, 1e6, 1e7, -1.25]
        values += [.nan, .infinity, -.infinity, .ulpOfOne, 0.5, 2.675, 1.005]
        values += (0...30_000).map { Double($0) / 168 }
        for _ in 0..<50_000 {
            let halfway = (Double(Int.random(in: 0...100_000, using: &generator)) + 0.5) / (decimals == 1 ? 10 : 100)
            values.append(halfway)
            values.append(halfway.nextUp)
            values.append(halfway.nextDown)
            values.append(Double.random(in: 0..<2_000, using: &generator))
            values.append(Double.random(in: 0..<1, using: &generator))
        }
        var differing: [String] = []
        for value in values
        where SchedulePage.fixed(value, decimals: decimals) != String(format: "%.\(decimals)f", value) {
            differing.append("\(value)")
        }
        #expect(differing.isEmpty, "\(differing.count) figures written differently: \(differing.prefix(10))")
    }
}
