import RotaModel

extension HTMLRunbook {
    /// The "First look" section: severity, impact, the pages to open and who to call outside the team.
    ///
    /// It comes right under the title because someone woken at 3am reads from the top and stops early.
    /// A URL goes into an `href` only when it is absolute http or https (the loader checks this too), so no
    /// config can make the page run `javascript:`; every text is escaped.
    static func firstLook(_ pipeline: Pipeline) -> [String] {
        guard RunbookText.hasFirstLook(pipeline) else { return [] }
        let text = HTMLText.escape
        var lines = ["<section class=\"first-look\">", "<h2>First look</h2>", "<dl>"]
        if let severity = pipeline.severity {
            lines.append("<dt>Severity</dt><dd><strong>\(text(RunbookText.severity(severity)))</strong></dd>")
        }
        if let impact = pipeline.impact {
            lines.append("<dt>Impact</dt><dd>\(text(impact))</dd>")
        }
        if !pipeline.links.isEmpty {
            let items = pipeline.links.map { link in
                WebURL.isAbsoluteHTTP(link.url)
                    ? "<li><a href=\"\(text(link.url))\">\(text(link.name))</a></li>"
                    : "<li>\(text(link.name)): \(text(link.url))</li>"
            }
            lines.append("<dt>Open first</dt><dd><ul>\(items.joined())</ul></dd>")
        }
        if !pipeline.contacts.isEmpty {
            let items = pipeline.contacts.map { contact in
                let ways = RunbookText.ways(contact).map { way in
                    way.label == "email"
                        ? "email <a href=\"mailto:\(text(way.value))\">\(text(way.value))</a>"
                        : "\(way.label) \(text(way.value))"
                }
                return "<li>\(text(contact.name)), \(text(contact.role)): \(ways.joined(separator: ", "))</li>"
            }
            lines.append("<dt>Outside the team</dt><dd><ul>\(items.joined())</ul></dd>")
        }
        lines += ["</dl>", "</section>"]
        return lines
    }
}
