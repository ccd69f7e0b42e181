import Runbooks

/// `index.html` of `rota export --config DIR`: one row per team, linking its schedule page and team feed, with
/// who is on call at noon of the as-of date.
///
/// Self-contained (inline CSS, no script) like the schedule pages; the same inputs give the same bytes.
enum OrganisationPage {
    static let fileName = "index.html"

    /// One team's row.
    struct Entry {
        /// The team's subfolder.
        let slug: String
        let configPath: String
        /// What exporting it did; nil when it could not be exported.
        let exported: ExportCommand.TeamExport?
        /// `webcal://HOST/PATH/` of the whole folder, for absolute subscribe links; nil: relative links.
        let base: String?
    }

    static func render(_ entries: [Entry]) -> String {
        let rows = entries.map(row).joined(separator: "\n")
        let exported = entries.filter { $0.exported != nil }.count
        let summary =
            exported == entries.count
            ? "\(entries.count) teams." : "\(entries.count) teams, \(entries.count - exported) not exported."
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>On call: every team</title>
            <style>
            body { font-family: system-ui, sans-serif; margin: 1rem; color: #1a1a1a; }
            table { border-collapse: collapse; }
            th, td { text-align: left; padding: 0.3rem 0.8rem 0.3rem 0; border-bottom: 1px solid #ddd; }
            .failed { color: #a40000; }
            </style>
            </head>
            <body>
            <h1>On call: every team</h1>
            <p>\(summary) Each team's page has its week-by-week schedule and the feeds to subscribe to.</p>
            <table>
            <thead><tr><th>Team</th><th>On call</th><th>Feed</th></tr></thead>
            <tbody>
            \(rows)
            </tbody>
            </table>
            </body>
            </html>

            """
    }

    private static func row(_ entry: Entry) -> String {
        let slug = HTMLText.escape(entry.slug)
        guard let exported = entry.exported else {
            return "<tr><td>\(slug)</td><td class=\"failed\" colspan=\"2\">not exported: rota check --config "
                + "\(HTMLText.escape(entry.configPath)) shows why</td></tr>"
        }
        let feed = (entry.base.map { $0 + entry.slug + "/" } ?? entry.slug + "/") + "team.ics"
        return "<tr><td><a href=\"\(slug)/schedule.html\">\(HTMLText.escape(exported.team))</a></td>"
            + "<td>\(HTMLText.escape(exported.onCall ?? "nobody"))</td>"
            + "<td><a href=\"\(HTMLText.escape(feed))\">team.ics</a></td></tr>"
    }
}
