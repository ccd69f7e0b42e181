/// One rendered file: a runbook or an index, in one format.
package struct RunbookDocument: Hashable, Sendable {
    /// `<pipeline-id>.md`, `<pipeline-id>.html`, `index.md` or `index.html`.
    package let fileName: String
    /// Markdown or HTML.
    package let format: RunbookFormat
    /// The document's text; UTF-8 with LF line ends and a final newline.
    package let text: String

    /// Makes a document.
    package init(fileName: String, format: RunbookFormat, text: String) {
        self.fileName = fileName
        self.format = format
        self.text = text
    }
}
