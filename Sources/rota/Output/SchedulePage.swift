import Foundation
import ICalendar
import RotaModel
import RotaSync
import Runbooks
import Scheduler

/// The schedule page: `/` of `rota serve`, and `schedule.html` of `rota export`.
///
/// One self-contained HTML document (inline CSS and SVG, no script, no external assets): who is on call
/// now (the lines `rota now` starts with, at noon of the as-of date), a week-by-week grid over the feeds'
/// whole window with who is on call, the major holidays with their decision and each engineer's backup
/// duties, PTO and the lock line, the fairness figures of the coming year as bar charts, and the feeds to
/// subscribe to. It fits a 390 px wide phone screen without cutting off a column.
/// The same inputs give the same bytes.
enum SchedulePage {
    /// A feed link on the page: its title and where it is (`webcal://...` when served, a file name when exported).
    struct FeedLink {
        let title: String
        let href: String
    }

    /// The page for `config` as of `asOf`: plans the grid's weeks and the coming year for the fairness charts.
    ///
    /// - Parameters:
    ///   - config: The team config.
    ///   - ledger: The ledger, so recorded shifts and decisions show as recorded.
    ///   - asOf: Today, as a value.
    ///   - feeds: The feeds to list.
    ///   - runbooks: The link to the runbooks index, if there is one.
    ///   - planned: A plan the caller already has, used when it covers exactly ``planningRange(config:asOf:)``
    ///     (`rota export`'s plan of the feed window does, for a window reaching a year ahead), so the page does not
    ///     plan the same days again.
    /// - Returns: The HTML document.
    static func render(
        config: TeamConfig,
        ledger: Ledger,
        asOf: LocalDate,
        feeds: [FeedLink],
        runbooks: String?,
        planned: (schedule: Schedule, from: LocalDate, until: LocalDate)? = nil
    ) -> String {
        let window = config.feeds.window(around: asOf)
        let range = planningRange(config: config, asOf: asOf)
        let year = asOf.adding(days: 364)
        let schedule =
            planned.flatMap { $0.from == range.from && $0.until == range.until ? $0.schedule : nil }
            ?? Planner.plan(config: config, ledger: ledger, asOf: asOf, from: range.from, until: range.until)
        let fairness = FairnessReport.compute(schedule, config: config, ledger: ledger, from: asOf, until: year)
        return html(
            config: config,
            schedule: schedule,
            fairness: fairness,
            asOf: asOf,
            window: window,
            feeds: feeds,
            runbooks: runbooks
        )
    }

    /// The days the page plans: the feed window (the grid), a shift before `asOf` ("On call now"), and a year ahead
    /// (the fairness figures).
    static func planningRange(config: TeamConfig, asOf: LocalDate) -> (from: LocalDate, until: LocalDate) {
        let window = config.feeds.window(around: asOf)
        return (
            min(window.start, asOf.adding(days: -config.rotation.lengthDays)),
            max(asOf.adding(days: 364), window.end)
        )
    }

    /// The page.
    ///
    /// - Parameters:
    ///   - config: The team config.
    ///   - schedule: A plan covering the grid and `fairness`'s period.
    ///   - fairness: The fairness figures to chart.
    ///   - asOf: Today, as a value.
    ///   - window: The feeds' window, which the grid covers.
    ///   - feeds: The feeds to list; feeds with a secret token are left out by the caller.
    ///   - runbooks: The link to the runbooks index, if there is one.
    /// - Returns: The HTML document.
    private static func html(
        config: TeamConfig,
        schedule: Schedule,
        fairness: FairnessReport,
        asOf: LocalDate,
        window: (start: LocalDate, end: LocalDate),
        feeds: [FeedLink],
        runbooks: String?
    ) -> String {
        let title = "\(config.team): on call"
        // One string, written front to back: the grid is most of the page, and building it apart would copy it
        // into the body and the body into the document.
        var page = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(escape(title))</title>
            <style>\(style)</style>
            </head>
            <body>

            """
        page += "<h1>\(escape(config.team)) on call</h1>\n"
        page += "<p class=\"as-of\">As of \(escape(weekday(asOf))) \(escape(asOf.description)); times in "
        page += "\(escape(config.rotation.timeZone.identifier)), hand-off \(escape(handOffText(config))).</p>\n"
        page += onCallNow(config: config, schedule: schedule, asOf: asOf)
        grid(into: &page, config: config, schedule: schedule, asOf: asOf, window: window)
        page += legend
        page += fairnessSection(fairness, config: config)
        page += feedSection(feeds, runbooks: runbooks)
        page += "</body>\n</html>\n"
        return page
    }

    // MARK: The grid

    /// "On call now": the first lines of `rota now` at noon of the as-of date (who, since and until when, the
    /// next hand-off), so the page answers the first question before the grid.
    private static func onCallNow(config: TeamConfig, schedule: Schedule, asOf: LocalDate) -> String {
        guard let noon = LocalTime(hour: 12, minute: 0),
            let now = OnCallNow.at(LocalDateTime(date: asOf, time: noon), in: schedule, config: config)
        else {
            return "<h2>On call now</h2>\n<p class=\"now\">Nobody: the rotation starts on "
                + "\(escape(config.rotation.start.description)).</p>\n"
        }
        let lines = NowText.headline(now, config: config).map { escape(trimmingSpaces(Substring($0))) }
        return "<h2>On call now</h2>\n<p class=\"now\"><strong>\(lines.first ?? "")</strong><br>"
            + lines.dropFirst().joined(separator: "<br>") + "</p>\n"
    }

    /// Every week of the feeds' window; a lock line row before the first week outside the lock window, and the
    /// weeks after it that are not locked either marked tentative (as the feeds mark them, ``LockWindow``).
    ///
    /// Written into `html`, which holds the page so far: a grid of three years is thousands of cells.
    private static func grid(
        into html: inout String,
        config: TeamConfig,
        schedule: Schedule,
        asOf: LocalDate,
        window: (start: LocalDate, end: LocalDate)
    ) {
        let current = schedule.shifts.last { $0.start.date <= asOf }?.handOff ?? asOf
        // Each column's engineer and days off, taken out of the config once rather than once per cell.
        let columns = config.engineers.map { (id: $0.id, pto: $0.pto) }
        html += "<table class=\"grid\">\n<thead><tr><th scope=\"col\">Week of</th>"
        for engineer in config.engineers { html += "<th scope=\"col\">\(escape(engineer.name))</th>" }
        html += "<th scope=\"col\">Holidays</th></tr></thead>\n<tbody>\n"
        var lineDrawn = false
        for pieces in weeks(of: schedule, window: window) {
            let handOff = pieces[pieces.startIndex].handOff
            // The pieces follow each other, so the last one ends the week.
            let weekEnd = pieces[pieces.endIndex - 1].end.date
            if !lineDrawn, handOff >= current, let first = pieces.first,
                !LockWindow.contains(first, of: schedule)
            {
                html += lockLine(columns: columns.count + 2, config: config)
                lineDrawn = true
            }
            // The row's classes, space-separated.
            var classes = ""
            func add(_ name: String) { classes += classes.isEmpty ? name : " " + name }
            if handOff < current { add("past") }
            if handOff == current { add("current") }
            let uncovered = pieces.contains { $0.uncovered }
            if uncovered { add("uncovered") }
            if !pieces.allSatisfy({ LockWindow.isSettled($0, of: schedule) }) { add("tentative") }
            if classes.isEmpty {
                html += "<tr>"
            } else {
                html += "<tr class=\""
                html += classes
                html += "\">"
            }
            html += "<th scope=\"row\">"
            html += escape(handOff.description)
            if uncovered { html += "<br><strong>UNCOVERED</strong>" }
            html += "</th>"
            for column in columns {
                cell(
                    into: &html,
                    column.id,
                    pto: column.pto,
                    pieces: pieces,
                    from: handOff,
                    until: weekEnd,
                    config: config
                )
            }
            html += "<td class=\"holidays\">"
            html += holidays(pieces)
            html += "</td></tr>\n"
        }
        html += "</tbody>\n</table>\n"
    }

    /// The pieces of each week the grid shows (a week with any piece inside the feeds' window), in time order.
    ///
    /// A schedule's pieces are in start order and the pieces of one shift are next to each other (they share its
    /// hand-off date, ``Schedule/shifts``), so each week is one run of the array: found in one pass, with no
    /// dictionary or sorting.
    private static func weeks(
        of schedule: Schedule,
        window: (start: LocalDate, end: LocalDate)
    ) -> [ArraySlice<Shift>] {
        let shifts = schedule.shifts
        var weeks: [ArraySlice<Shift>] = []
        var start = shifts.startIndex
        while start < shifts.endIndex {
            let handOff = shifts[start].handOff
            var end = start + 1
            while end < shifts.endIndex, shifts[end].handOff == handOff { end += 1 }
            let week = shifts[start..<end]
            if week.contains(where: { $0.end.date > window.start && $0.start.date < window.end }) { weeks.append(week) }
            start = end
        }
        return weeks
    }

    /// The row between the last week inside the lock window and the first one after it.
    private static func lockLine(columns: Int, config: TeamConfig) -> String {
        "<tr class=\"lock-line\"><td colspan=\"\(columns)\">Settled up to here: later shifts may still change "
            + "(they settle \(escape(leadTimeText(config))) ahead, or when the ledger locks them)</td></tr>\n"
    }

    /// One engineer's week: on call (whole or part), holiday backup duties, PTO; written into `html`.
    ///
    /// Most cells are empty: those are one append. The pieces are read in place (a `Shift` is large to copy).
    private static func cell(
        into html: inout String,
        _ engineer: EngineerID,
        pto: [PTORange],
        pieces: ArraySlice<Shift>,
        from: LocalDate,
        until: LocalDate,
        config: TeamConfig
    ) {
        // What the cell says, line by line, with the class each line gives the cell.
        var lines: [(cssClass: String, text: String)] = []
        var mine = 0
        var holiday = false
        for index in pieces.indices where pieces[index].engineer == engineer {
            mine += 1
            if pieces[index].holiday != nil { holiday = true }
        }
        if mine > 0 {
            let whole = mine == pieces.count
            var text = holiday ? "On call (holiday)" : "On call"
            if !whole {
                text +=
                    " "
                    + pieces.filter { $0.engineer == engineer }
                    .map { "\(weekday($0.start.date)) \($0.start.time)–\(weekday($0.end.date)) \($0.end.time)" }
                    .joined(separator: ", ")
            }
            lines.append((whole ? "oncall" : "oncall part", text))
        }
        var duties: [String] = []
        for index in pieces.indices {
            guard let cover = pieces[index].holiday else { continue }
            for backup in cover.backups where backup.engineer == engineer {
                duties.append(config.pipelines.first { $0.id == backup.pipeline }?.name ?? backup.pipeline.rawValue)
            }
        }
        if !duties.isEmpty {
            lines.append(("backup", "Backup: " + Array(Set(duties)).sorted().joined(separator: ", ")))
        }
        let away = ptoDays(pto, from: from, until: until)
        if !away.isEmpty {
            lines.append(("pto", "PTO " + dayRange(away)))
        }
        guard !lines.isEmpty else {
            html += "<td></td>"
            return
        }
        html += "<td"
        for (offset, line) in lines.enumerated() {
            html += offset == 0 ? " class=\"" : " "
            html += line.cssClass
        }
        html += "\">"
        for (offset, line) in lines.enumerated() {
            if offset > 0 { html += "<br>" }
            html += "<span>"
            html += escape(line.text)
            html += "</span>"
        }
        html += "</td>"
    }

    private static func holidays(_ pieces: ArraySlice<Shift>) -> String {
        var seen: Set<String> = []
        var items: [String] = []
        for index in pieces.indices {
            guard let cover = pieces[index].holiday else { continue }
            for occasion in cover.holidays where seen.insert(occasion.id.rawValue).inserted {
                let state = cover.recorded ? "decided" : (cover.due ? "due" : "proposed")
                items.append(
                    "<span class=\"holiday\">\(escape(occasion.name)) \(escape(weekday(occasion.date))) "
                        + "\(escape(occasion.date.description)) <em>(\(state))</em></span>"
                )
            }
        }
        return items.joined(separator: "<br>")
    }

    /// The days in `from..<until` an engineer with days off `pto` is away.
    private static func ptoDays(_ pto: [PTORange], from: LocalDate, until: LocalDate) -> [LocalDate] {
        // Most weeks hold no PTO: those need no day-by-day look.
        guard pto.contains(where: { $0.first < until && from <= $0.last }) else { return [] }
        var days: [LocalDate] = []
        var day = from
        while day < until {
            if pto.contains(where: { $0.contains(day) }) { days.append(day) }
            day = day.adding(days: 1)
        }
        return days
    }

    /// `Mon 12-14 – Fri 12-18`, or one day.
    private static func dayRange(_ days: [LocalDate]) -> String {
        guard let first = days.first, let last = days.last else { return "" }
        func short(_ day: LocalDate) -> String { "\(weekday(day)) \(day.description.dropFirst(5))" }
        return first == last ? short(first) : "\(short(first)) – \(short(last))"
    }

    private static let legend = """
        <p class="legend"><span class="key oncall">On call</span> <span class="key oncall part">Part of the week</span> \
        <span class="key backup">Holiday backup</span> <span class="key pto">PTO</span> \
        <span class="key tentative">Tentative week</span> (below the lock line: may still change; \
        the feeds mark it <code>STATUS:TENTATIVE</code>). \
        Holidays: <em>decided</em> is in the ledger, <em>due</em> is decided by the next <code>rota plan --record</code>, \
        <em>proposed</em> may still change.</p>

        """

    // MARK: Fairness

    private static func fairnessSection(_ report: FairnessReport, config: TeamConfig) -> String {
        func name(_ id: EngineerID) -> String { config.engineer(id)?.name ?? id.rawValue }
        let labels = report.rows.map { name($0.engineer) }
        var html = "<h2>Fairness, \(escape(report.from.description)) to \(escape(report.until.description))</h2>\n"
        html += "<p>Balance <strong>\(fixed(report.balance, decimals: 2))</strong>, where "
        html += "\(escape(FairnessReport.balanceFormula)).</p>\n<div class=\"charts\">\n"
        let weeks = report.rows.map(\.weeksOnCall)
        html += chart("On-call weeks", labels: labels, values: weeks, texts: weeks.map { fixed($0, decimals: 1) })
        html += chart(
            "Holiday shifts",
            labels: labels,
            counts: report.rows.map { $0.holidayShiftsVolunteered + $0.holidayShiftsAssigned }
        )
        html += chart("Weekend days on call", labels: labels, counts: report.rows.map(\.weekendDays))
        return html + "</div>\n"
    }

    /// A chart of counts, each written as a whole number (as `%.0f` writes it, without formatting a floating-point
    /// number).
    private static func chart(_ title: String, labels: [String], counts: [Int]) -> String {
        chart(title, labels: labels, values: counts.map(Double.init), texts: counts.map(String.init))
    }

    /// A horizontal bar chart as inline SVG, with `texts` (the values as written) beside the bars.
    private static func chart(_ title: String, labels: [String], values: [Double], texts: [String]) -> String {
        let rowHeight = 26
        let labelWidth = 90
        let barWidth = 180
        let height = 34 + rowHeight * labels.count
        let maximum = max(values.max() ?? 0, 1)
        var svg = "<figure><svg role=\"img\" aria-label=\"\(escape(title))\" width=\"\(labelWidth + barWidth + 60)\" "
        svg += "height=\"\(height)\" viewBox=\"0 0 \(labelWidth + barWidth + 60) \(height)\">\n"
        svg += "<title>\(escape(title))</title>\n"
        svg += "<text x=\"0\" y=\"16\" class=\"chart-title\">\(escape(title))</text>\n"
        for (index, label) in labels.enumerated() {
            let y = 28 + index * rowHeight
            let value = values[index]
            let width = Int((value / maximum * Double(barWidth)).rounded())
            let text = texts[index]
            svg += "<text x=\"0\" y=\"\(y + 15)\">\(escape(label))</text>"
            svg += "<rect x=\"\(labelWidth)\" y=\"\(y + 3)\" width=\"\(width)\" height=\"16\" rx=\"2\"></rect>"
            svg += "<text x=\"\(labelWidth + width + 6)\" y=\"\(y + 15)\" class=\"value\">\(text)</text>\n"
        }
        return svg + "</svg></figure>\n"
    }

    // MARK: Feeds

    private static func feedSection(_ feeds: [FeedLink], runbooks: String?) -> String {
        var html = "<h2>Subscribe</h2>\n"
        if feeds.isEmpty {
            html += "<p>No public feeds: every feed needs its token.</p>\n"
        } else {
            html += "<table class=\"feeds\"><tr><th scope=\"col\">Calendar</th><th scope=\"col\">Link</th></tr>\n"
            for feed in feeds {
                html += "<tr><td>\(escape(feed.title))</td>"
                html += "<td><a href=\"\(escape(feed.href))\">\(escape(feed.href))</a></td></tr>\n"
            }
            html += "</table>\n"
        }
        if let runbooks {
            html += "<p><a href=\"\(escape(runbooks))\">Runbooks</a> of the pipelines that report to investors.</p>\n"
        }
        return html
    }

    // MARK: Text

    private static func weekday(_ date: LocalDate) -> String {
        String(date.weekday.displayName.prefix(3))
    }

    /// `3 months`, `6 weeks`: the lead time as people say it.
    private static func leadTimeText(_ config: TeamConfig) -> String {
        let span = config.holidayPolicy.leadTime
        switch span.unit {
        case .days: return Plural.count(span.count, "day")
        case .weeks: return Plural.count(span.count, "week")
        case .months: return Plural.count(span.count, "month")
        case .years: return Plural.count(span.count, "year")
        }
    }

    private static func handOffText(_ config: TeamConfig) -> String {
        "\(config.rotation.handOffWeekday.displayName)s \(config.rotation.handOffTime)"
    }

    private static let style = """
        body{font-family:system-ui,sans-serif;margin:1.5em;color:#1d2330}\
        h1{margin:0 0 .2em}table{border-collapse:collapse}\
        .grid th,.grid td{border:1px solid #d5d9e0;padding:.3em .5em;text-align:left;vertical-align:top;font-size:.9em}\
        .grid thead th{background:#eef1f5}.grid th[scope=row]{white-space:nowrap}.grid tr.current th[scope=row]{background:#fff3c4}\
        td.oncall{background:#cfe3ff;font-weight:600}td.oncall.part{background:repeating-linear-gradient(45deg,#cfe3ff,#cfe3ff 6px,#fff 6px,#fff 12px)}\
        .grid tr.tentative td{border-style:dashed;color:#4a5160}.grid tr.tentative td.oncall{background-color:#e6effc;font-weight:500;font-style:italic}\
        .grid tr.tentative th[scope=row]{font-style:italic;color:#4a5160}\
        .grid tr.lock-line td{border-top:3px solid #1d2330;background:#f3f4f6;font-weight:600;font-size:.85em;text-align:center}\
        .grid tr.uncovered th[scope=row]{color:#a3120c}.grid tr.uncovered td{background:#fdecea}\
        td.backup{box-shadow:inset 0 -4px 0 #e07b00}td.pto{color:#7a2e2e}td.pto span:last-child{font-style:italic}\
        .holiday{color:#9c4a00}.legend .key{display:inline-block;padding:0 .4em;border:1px solid #d5d9e0}\
        .legend .oncall{background:#cfe3ff}.legend .backup{box-shadow:inset 0 -4px 0 #e07b00}.legend .pto{color:#7a2e2e}\
        .legend .tentative{border-style:dashed;font-style:italic;color:#4a5160;background:#e6effc}\
        .charts{display:flex;flex-wrap:wrap;gap:1.5em}figure{margin:0}svg text{font-size:13px;fill:#1d2330}\
        svg .chart-title{font-weight:600}svg rect{fill:#3d7bd9}.feeds td,.feeds th{padding:.2em .8em;text-align:left}\
        .now{font-size:1.05em;background:#fff3c4;padding:.5em .7em;display:inline-block}\
        .grid tr.past{color:#6b7280}.feeds a{word-break:break-all}\
        @media (max-width:640px){body{margin:.5em}.grid{width:100%;table-layout:fixed}\
        .grid th,.grid td{font-size:.62em;padding:.2em;overflow-wrap:anywhere}.grid th[scope=row]{white-space:normal}\
        .grid th[scope=col]:first-child{width:4.5em}svg{max-width:100%;height:auto}}\
        @media print{.grid tr.current th[scope=row]{background:none}}
        """

    /// Escapes text for HTML element content and double-quoted attribute values.
    private static func escape(_ text: String) -> String { HTMLText.escape(text) }
}
