import RotaTestSupport
import Runbooks
import Testing

@Suite struct HTMLTextTests {
    @Test func escapesEveryMarkupCharacter() {
        #expect(
            HTMLText.escape("<b>\"Tom\" & 'Jerry'</b>") == "&lt;b&gt;&quot;Tom&quot; &amp; &#39;Jerry&#39;&lt;/b&gt;"
        )
    }

    /// A markup character followed by a combining mark is one `Character`, but still a markup character to a browser:
    /// `"\u{301}` inside `href="..."` would end the attribute.
    @Test func aMarkupCharacterWithACombiningMarkIsEscaped() {
        #expect(HTMLText.escape("x\"\u{301} onmouseover=alert(1)") == "x&quot;\u{301} onmouseover=alert(1)")
        #expect(HTMLText.escape("<\u{338}script>") == "&lt;\u{338}script&gt;")
    }

    @Test func markdownTextCannotFormatOrBreakATable() {
        #expect(MarkdownText.escape("a|b *c* <script>\nd") == "a\\|b \\*c\\* \\<script\\> d")
    }
}

/// The byte scan that returns text without markup characters as it is agrees with escaping scalar by scalar.
@Suite struct HTMLTextFastPathTests {
    /// Escaping without the byte scan: every scalar looked at.
    static func reference(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// 20,000 random strings of plain letters, the five markup characters, accented and combining characters, emoji
    /// and CJK: about half hold no markup character (the fast path), the rest take the general one.
    @Test func randomTextIsEscapedScalarByScalar() {
        let pieces: [String] = [
            "a", "Z", "0", " ", "-", "é", "e\u{301}", "\u{301}", "日", "🧑‍💻", "\r\n", "\t", "&", "<", ">", "\"", "'",
            "\"\u{301}", "&amp;", "ß",
        ]
        var generator = SeededGenerator(seed: 5)
        var plain = 0
        for _ in 0..<20_000 {
            let length = Int.random(in: 0...12, using: &generator)
            let markup = Bool.random(using: &generator)
            let text = (0..<length).map { _ in
                let choices = markup ? pieces : pieces.filter { !$0.contains(where: "&<>\"'".contains) }
                return choices.randomElement(using: &generator) ?? ""
            }.joined()
            if !text.contains(where: "&<>\"'".contains) { plain += 1 }
            let escaped = HTMLText.escape(text)
            #expect(escaped == Self.reference(text), "\(text.debugDescription)")
            // Whatever the text, no markup byte is left for a browser to read as markup.
            #expect(!escaped.utf8.contains { "<>\"'".utf8.contains($0) }, "\(text.debugDescription)")
        }
        #expect(plain > 5_000)
    }
}
