/// The frame of every HTML runbook page: doctype, inline style sheet (screen and print), no scripts.
package enum HTMLPage {
    /// A complete, self-contained HTML document; `title` is plain text, `body` already HTML.
    package static func document(title: String, body: [String]) -> String {
        ([
            "<!DOCTYPE html>", "<html lang=\"en\">", "<head>", "<meta charset=\"utf-8\">",
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
            "<title>\(HTMLText.escape(title))</title>", "<style>", style, "</style>", "</head>", "<body>", "<main>",
        ]
            + body + ["</main>", "</body>", "</html>"]).joined(separator: "\n") + "\n"
    }

    /// The inline style sheet: readable on screen, black on white with visible link targets on paper.
    static let style = """
        body { font: 15px/1.5 -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; color: #1b1b1b; margin: 0; }
        main { max-width: 60rem; margin: 0 auto; padding: 1.5rem; }
        h1 { font-size: 1.7rem; margin: 0 0 .3rem; }
        h2 { font-size: 1.25rem; border-bottom: 1px solid #ccc; padding-bottom: .2rem; margin-top: 1.8rem; }
        h3 { font-size: 1.05rem; margin-bottom: .3rem; }
        table { border-collapse: collapse; width: 100%; margin: .5rem 0; }
        th, td { border: 1px solid #ccc; padding: .3rem .5rem; text-align: left; vertical-align: top; }
        th { background: #f2f2f2; }
        code { font-family: Menlo, Consolas, monospace; font-size: .9em; }
        .meta { color: #555; font-size: .9rem; }
        .badge { display: inline-block; border: 1px solid #b00; color: #b00; border-radius: 3px; padding: 0 .4rem; font-size: .8rem; }
        .first-look { border: 2px solid #b00; border-radius: 4px; padding: 0 .8rem; margin: 1rem 0; }
        .first-look h2 { border-bottom: 0; margin-top: .6rem; }
        .failure { border-left: 3px solid #b00; padding-left: .8rem; margin: 1rem 0; page-break-inside: avoid; }
        dt { font-weight: bold; }
        dd { margin: 0 0 .4rem 1.2rem; }
        @media print {
          body { font-size: 11pt; }
          main { max-width: none; padding: 0; }
          a { color: inherit; }
          h2 { page-break-after: avoid; }
          table, .failure { page-break-inside: avoid; }
        }
        """
}
