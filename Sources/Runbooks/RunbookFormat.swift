/// The formats `rota runbooks` renders: Markdown for repositories and wikis, HTML for browsers and print.
package enum RunbookFormat: String, CaseIterable, Hashable, Sendable {
    /// Markdown (CommonMark with tables), `.md`.
    case markdown = "md"
    /// A self-contained printable page, `.html`.
    case html

    /// The file name extension, without the dot; also the `--format` value.
    package var fileExtension: String { rawValue }
}
