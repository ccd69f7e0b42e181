import Runbooks
import Testing

@Suite struct HTMLTextTests {
    @Test func escapesEveryMarkupCharacter() {
        #expect(
            HTMLText.escape("<b>\"Tom\" & 'Jerry'</b>") == "&lt;b&gt;&quot;Tom&quot; &amp; &#39;Jerry&#39;&lt;/b&gt;"
        )
    }

    @Test func markdownTextCannotFormatOrBreakATable() {
        #expect(MarkdownText.escape("a|b *c* <script>\nd") == "a\\|b \\*c\\* \\<script\\> d")
    }
}
