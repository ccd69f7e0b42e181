/// The formats `rota runbooks` renders: Markdown for repositories and wikis, HTML for browsers and print.
package enum RunbookFormat: String, CaseIterable, Hashable, Sendable {
    case markdown = "md"
    case html

    /// The file name extension, without the dot; also the `--format` value.
    package var fileExtension: String { rawValue }
}
