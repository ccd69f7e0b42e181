import RotaModel
import RotaSync
import Scheduler

/// The `/` page of `rota serve`: self-contained HTML (no script, no external assets) listing the public
/// feeds with `webcal://` links, who is on call over the next eight weeks, and a link to the runbooks.
///
/// Feeds that need a token are not listed: the page is public, and listing them, even without their
/// link, would tell anyone which feeds exist.
enum FeedIndexPage {
    static let weeks = 8

    static func html(
        config: TeamConfig,
        schedule: Schedule,
        asOf: LocalDate,
        publicFeeds: [String],
        authority: String
    ) -> String {
        var rows = ""
        for name in publicFeeds {
            let link = "webcal://\(authority)/feeds/\(name).ics"
            rows += "<tr><td>\(escape(FeedTitles.title(of: name, config: config)))</td>"
            rows += "<td><a href=\"\(escape(link))\">\(escape(link))</a></td></tr>\n"
        }
        let until = asOf.adding(days: 7 * weeks)
        var shifts = ""
        for shift in schedule.shifts where shift.end.date > asOf && shift.start.date < until {
            let name = config.engineer(shift.engineer)?.name ?? shift.engineer.rawValue
            var note = ""
            if let cover = shift.holiday {
                note = cover.holidays.map(\.name).joined(separator: ", ") + ": " + cover.decision.note
            } else if shift.kind != .regular {
                note = shift.kind.rawValue
            }
            shifts += "<tr><td>\(escape(shift.handOff.description))</td>"
            shifts += "<td>\(escape("\(shift.start.date) to \(shift.end.date)"))</td>"
            shifts += "<td>\(escape(name))</td><td>\(escape(note))</td></tr>\n"
        }
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head><meta charset="utf-8"><title>\(escape(config.team)): on-call feeds</title>
            <style>body{font-family:sans-serif;margin:2em}td,th{padding:.2em .8em;text-align:left}</style></head>
            <body>
            <h1>\(escape(config.team))</h1>
            <h2>Feeds</h2>
            <table><tr><th>Calendar</th><th>Subscribe</th></tr>
            \(rows)</table>
            <h2>The next \(weeks) weeks (as of \(escape(asOf.description)))</h2>
            <table><tr><th>Week</th><th>Dates</th><th>On call</th><th>Notes</th></tr>
            \(shifts)</table>
            <p><a href="/runbooks/">Runbooks</a> of the pipelines that report to investors.</p>
            </body>
            </html>

            """
    }

    /// Escapes text for HTML element content and double-quoted attribute values.
    static func escape(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
