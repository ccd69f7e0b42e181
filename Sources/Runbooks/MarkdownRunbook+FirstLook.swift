import RotaModel

extension MarkdownRunbook {
    /// The "First look" section: severity, impact, the pages to open and who to call outside the team.
    ///
    /// It comes right under the title because someone woken at 3am reads from the top and stops early.
    /// Links are written as `[name](<url>)`: the angle brackets keep a `)` in a URL from ending the link, and
    /// the loader has already refused URLs with spaces or angle brackets.
    static func firstLook(_ pipeline: Pipeline) -> [String] {
        guard RunbookText.hasFirstLook(pipeline) else { return [] }
        let text = MarkdownText.escape
        var lines = ["", "## First look", ""]
        if let severity = pipeline.severity {
            lines.append("- **Severity:** \(RunbookText.severity(severity))")
        }
        if let impact = pipeline.impact {
            lines.append("- **Impact:** \(text(impact))")
        }
        if !pipeline.links.isEmpty {
            lines.append("- **Open first:**")
            lines += pipeline.links.map { link in
                WebURL.isAbsoluteHTTP(link.url)
                    ? "  - [\(text(link.name))](<\(link.url)>)" : "  - \(text(link.name)): \(text(link.url))"
            }
        }
        if !pipeline.contacts.isEmpty {
            lines.append("- **Outside the team:**")
            lines += pipeline.contacts.map { contact in
                let ways = RunbookText.ways(contact).map { "\($0.label) \(text($0.value))" }
                return "  - \(text(contact.name)), \(text(contact.role)): \(ways.joined(separator: ", "))"
            }
        }
        return lines
    }
}
