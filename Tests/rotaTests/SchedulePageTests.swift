import Foundation
import Testing

/// The schedule page loaded in a real headless Chromium.
///
/// `rota export` writes the page (and `rota serve` serves it at `/`); Debian's `chromium` package
/// loads it (`.ci/run` installs it). The screenshot goes to `out/schedule.png` for people to look at.
@Suite struct SchedulePageTests {
    /// The schedule page `rota export` writes for ``config(in:)`` as of 2026-11-28, with no ledger.
    static func exportedPage(in folder: URL) throws -> URL {
        let config = try Self.config(in: folder)
        let feeds = folder.appendingPathComponent("feeds")
        let export = try RotaBinary.run([
            "export", "--out", feeds.path, "--config", config.path, "--as-of", "2026-11-28",
            "--ledger", "/nonexistent/x.yaml",
        ])
        #expect(export.status == 0, "\(export.standardError)")
        return feeds.appendingPathComponent("schedule.html")
    }

    /// The bundled team with a PTO and a two-day override, so every kind of cell shows.
    static func config(in folder: URL) throws -> URL {
        var text = try RotaBinary.bundledConfigText()
        text = text.replacingOccurrences(
            of: "    time_zone: America/Los_Angeles\n",
            with: "    time_zone: America/Los_Angeles\n    pto: [{ from: 2026-12-14, to: 2026-12-18 }]\n"
        )
        text = text.replacingOccurrences(
            of: "overrides: []",
            with: "overrides:\n  - { engineer: chen, from: 2027-01-13T10:00, to: 2027-01-15T10:00 }"
        )
        let url = folder.appendingPathComponent("team.yaml")
        try Data(text.utf8).write(to: url)
        return url
    }

    static var chromium: URL? {
        ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
            .map(URL.init(fileURLWithPath:))
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// Runs headless Chromium with `arguments` and returns its standard output.
    static func runChromium(_ arguments: [String]) throws -> String {
        let binary = try #require(
            chromium,
            "headless Chromium is missing: install Debian's chromium package (apt-get install chromium); .ci/run does"
        )
        let process = Process()
        process.executableURL = binary
        process.arguments =
            ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run"]
            + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return String(decoding: data, as: UTF8.self)
    }

    @Test func chromiumRendersTheGridHolidaysBackupsPTOAndFairnessCharts() throws {
        let folder = try RotaBinary.temporaryFolder("schedule-page")
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = try Self.exportedPage(in: folder)
        let source = try String(contentsOf: page, encoding: .utf8)
        #expect(!source.contains("<script"))
        #expect(!source.contains("http://") && !source.contains("https://"), "the page must load nothing from outside")

        // The DOM as Chromium built it from the file.
        let dom = try Self.runChromium(["--dump-dom", page.absoluteString])
        #expect(dom.contains("<h1>Data Engineering on call</h1>"))
        // "On call now" comes first, in the words of `rota now` at noon of the as-of date.
        let now = try #require(dom.range(of: "<h2>On call now</h2>"))
        let grid = try #require(dom.range(of: "<table class=\"grid\">"))
        #expect(now.lowerBound < grid.lowerBound)
        #expect(dom.contains("<strong>On call at 2026-11-28T12:00 (America/New_York): Chen</strong>"))
        #expect(dom.contains("Next hand-off: 2026-11-30T10:00 to Kim"))
        // The whole feed window: from the shift holding 2026-10-29 (30 days back) to the last before 2027-11-28.
        #expect(dom.contains("<tr class=\"past\"><th scope=\"row\">2026-10-26</th>"))
        #expect(dom.contains("<th scope=\"row\">2027-11-22</th>"))
        #expect(!dom.contains("<th scope=\"row\">2027-11-29</th>"))
        #expect(dom.contains("<tr class=\"current\"><th scope=\"row\">2026-11-23</th>"))
        #expect(dom.contains("<td class=\"oncall\"><span>On call (holiday)</span></td>"))  // Chen, Thanksgiving
        #expect(dom.contains("Thanksgiving Day Thu 2026-11-26 <em>(due)</em>"))
        #expect(dom.contains("<td class=\"backup\"><span>Backup: Aggregate profit, Unit-level profit</span></td>"))
        #expect(dom.contains("<td class=\"pto\"><span>PTO Mon 12-14 – Fri 12-18</span></td>"))
        #expect(dom.contains("<td class=\"oncall part\"><span>On call Wed 10:00–Fri 10:00</span></td>"))
        #expect(dom.contains("<tr class=\"lock-line\"><td colspan=\"6\">Settled up to here"))
        #expect(dom.contains("<tr class=\"tentative\"><th scope=\"row\">2027-03-01</th>"))
        #expect(dom.contains("<svg role=\"img\" aria-label=\"On-call weeks\""))
        #expect(dom.contains("<a href=\"team.ics\">team.ics</a>"))

        // A screenshot, for people; a blank or failed render would be a tiny file.
        let out = RotaBinary.repositoryRoot.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let screenshot = out.appendingPathComponent("schedule.png")
        try? FileManager.default.removeItem(at: screenshot)
        _ = try Self.runChromium(["--window-size=1400,1500", "--screenshot=\(screenshot.path)", page.absoluteString])
        let bytes = try Data(contentsOf: screenshot)
        #expect(bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        #expect(bytes.count > 50_000, "the screenshot is \(bytes.count) bytes: did the page render?")
    }

    /// As of 2026-11-28 the three-month lock window ends on 2027-02-28: the line falls between the weeks of
    /// 2027-02-22 and 2027-03-01, the weeks after it are tentative, and a week the ledger locks is not.
    @Test func theLockLineSeparatesSettledWeeksFromTentativeOnes() throws {
        let folder = try RotaBinary.temporaryFolder("schedule-page-lock")
        defer { try? FileManager.default.removeItem(at: folder) }
        let ledger = folder.appendingPathComponent("team.ledger.yaml")
        try Data("version: 1\nshifts:\n  - { start: 2027-03-08, engineer: kim, recorded: 2026-11-28 }\n".utf8)
            .write(to: ledger)
        let feeds = folder.appendingPathComponent("feeds")
        let export = try RotaBinary.run([
            "export", "--out", feeds.path, "--as-of", "2026-11-28", "--ledger", ledger.path,
        ])
        #expect(export.status == 0, "\(export.standardError)")
        let page = try String(contentsOf: feeds.appendingPathComponent("schedule.html"), encoding: .utf8)
        // The grid's rows: one line each, a week or the lock line.
        let rows = page.components(separatedBy: "\n").filter {
            $0.hasPrefix("<tr") && ($0.contains("<th scope=\"row\">") || $0.contains("lock-line"))
        }
        let line = try #require(rows.firstIndex { $0.hasPrefix("<tr class=\"lock-line\">") })
        #expect(rows.filter { $0.hasPrefix("<tr class=\"lock-line\">") }.count == 1)
        #expect(
            rows[line]
                == "<tr class=\"lock-line\"><td colspan=\"6\">Settled up to here: later shifts may still change "
                + "(they settle 3 months ahead, or when the ledger locks them)</td></tr>"
        )
        func week(_ row: String) -> String? {
            row.range(of: "<th scope=\"row\">").map { String(row[$0.upperBound...].prefix(10)) }
        }
        #expect(week(rows[line - 1]) == "2027-02-22")
        #expect(week(rows[line + 1]) == "2027-03-01")
        #expect(rows[..<line].allSatisfy { !$0.contains("tentative") })
        let after = rows[(line + 1)...]
        #expect(week(after.last ?? "") == "2027-11-22", "the grid ends with the feed window (12 months ahead)")
        for row in after {
            #expect(row.hasPrefix("<tr class=\"tentative\">") == (week(row) != "2027-03-08"), "\(row.prefix(60))")
        }
        #expect(page.contains("<span class=\"key tentative\">Tentative week</span>"))
    }

    /// The rightmost edge of any element when the page is laid out `width` px wide, measured by Chromium.
    ///
    /// Headless Chromium keeps its window at least 500 px wide, so a copy of the page pins the document to `width`
    /// (the page's narrow-screen rules apply below 640 px) and a script writes the measure into the DOM.
    static func rightmostEdge(of page: URL, width: Int) throws -> Int? {
        let source = try String(contentsOf: page, encoding: .utf8)
        let script =
            "<script>let m=0;for(const e of document.querySelectorAll('body *'))"
            + "{m=Math.max(m,e.getBoundingClientRect().right)};"
            + "document.body.insertAdjacentHTML('beforeend','<p id=\"measure\">'+Math.ceil(m)+'</p>')</script>"
        let measured = source.replacingOccurrences(of: "</head>", with: "<style>html{width:\(width)px}</style></head>")
            .replacingOccurrences(of: "</body>", with: script + "</body>")
        let copy = page.deletingLastPathComponent().appendingPathComponent("measure-\(width).html")
        try Data(measured.utf8).write(to: copy)
        let dom = try runChromium(["--window-size=\(max(width, 500)),2000", "--dump-dom", copy.absoluteString])
        // The last match: the script itself holds the same text first.
        guard let start = dom.range(of: "<p id=\"measure\">", options: .backwards) else { return nil }
        return Int(dom[start.upperBound...].prefix { $0.isNumber })
    }

    @Test func noColumnIsCutOffOnA390PixelPhoneOrAt1400AndScreenshotsShowBoth() throws {
        let folder = try RotaBinary.temporaryFolder("schedule-page-width")
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = try Self.exportedPage(in: folder)
        for width in [390, 1400] {
            let edge = try #require(try Self.rightmostEdge(of: page, width: width), "no measure at \(width) px")
            #expect(edge <= width, "at \(width) px wide, an element reaches \(edge) px")
        }
        let out = RotaBinary.repositoryRoot.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        for (width, name) in [(390, "schedule-390.png"), (1400, "schedule-1400.png")] {
            let screenshot = out.appendingPathComponent(name)
            try? FileManager.default.removeItem(at: screenshot)
            _ = try Self.runChromium([
                "--window-size=\(width),2000", "--screenshot=\(screenshot.path)", page.absoluteString,
            ])
            #expect(try Data(contentsOf: screenshot).starts(with: [0x89, 0x50, 0x4E, 0x47]))
        }
    }

    @Test func subscribeLinksAreWebcalUnderBaseURLAndFileNamesWithout() throws {
        let folder = try RotaBinary.temporaryFolder("schedule-page-base")
        defer { try? FileManager.default.removeItem(at: folder) }
        let feeds = folder.appendingPathComponent("feeds")
        let common = ["export", "--out", feeds.path, "--as-of", "2026-11-28", "--ledger", "/nonexistent/x.yaml"]
        let based = try RotaBinary.run(common + ["--base-url", "https://oncall.example.com/calendars"])
        #expect(based.status == 0, "\(based.standardError)")
        let page = try String(contentsOf: feeds.appendingPathComponent("schedule.html"), encoding: .utf8)
        #expect(
            page.contains(
                "<a href=\"webcal://oncall.example.com/calendars/team.ics\">webcal://oncall.example.com/calendars/team.ics</a>"
            )
        )
        #expect(!page.contains("<a href=\"team.ics\">"))
        let bad = try RotaBinary.run(common + ["--base-url", "/srv/calendars"])
        #expect(bad.status == 2)
        #expect(bad.standardError.contains("--base-url must be an http://, https:// or webcal:// URL"))
    }

    /// The fairness charts cover the coming year, as the page says.
    ///
    /// They give the same figures as `rota report` for that year, whether the feeds (and so the plan behind the page)
    /// reach one year ahead or three. They once counted every shift of the feed window, 30 days of history and three
    /// years included.
    @Test func fairnessChartsSayWhatRotaReportSaysForTheComingYear() throws {
        let folder = try RotaBinary.temporaryFolder("schedule-page-fairness")
        defer { try? FileManager.default.removeItem(at: folder) }
        let bundled = try RotaBinary.bundledConfigText()
        let window = "  window: { past: 30d, future: 12m }"
        #expect(bundled.contains(window))
        let configs = try ["12m", "36m"].map { future in
            let config = folder.appendingPathComponent("team-\(future).yaml")
            try Data(bundled.replacingOccurrences(of: window, with: "  window: { past: 30d, future: \(future) }").utf8)
                .write(to: config)
            return (future, config)
        }
        let report = try RotaBinary.run([
            "report", "--config", configs[0].1.path, "--as-of", "2026-11-28", "--from", "2026-11-28",
            "--to", "2027-11-27", "--format", "json", "--ledger", "/nonexistent/x.yaml",
        ])
        #expect(report.status == 0, "\(report.standardError)")
        let figures = try JSONSerialization.jsonObject(with: Data(report.standardOutput.utf8)) as? [String: Any]
        let rows = try #require(figures?["engineers"] as? [[String: Any]])
        let expected = rows.compactMap { ($0["weeks_on_call"] as? Double).map { String(format: "%.1f", $0) } }
        #expect(expected.count == 4)
        for (future, config) in configs {
            let feeds = folder.appendingPathComponent("feeds-\(future)")
            let export = try RotaBinary.run([
                "export", "--out", feeds.path, "--config", config.path, "--as-of", "2026-11-28",
                "--ledger", "/nonexistent/x.yaml",
            ])
            #expect(export.status == 0, "\(export.standardError)")
            let page = try String(contentsOf: feeds.appendingPathComponent("schedule.html"), encoding: .utf8)
            #expect(Self.chartValues("On-call weeks", in: page) == expected, "feeds reaching \(future) ahead")
        }
    }

    /// The numbers written beside the bars of the chart titled `title`, top to bottom.
    static func chartValues(_ title: String, in page: String) -> [String] {
        guard let start = page.range(of: "aria-label=\"\(title)\""),
            let end = page.range(of: "</svg>", range: start.upperBound..<page.endIndex)
        else { return [] }
        return page[start.upperBound..<end.lowerBound].components(separatedBy: "class=\"value\">").dropFirst()
            .compactMap { $0.split(separator: "<").first.map(String.init) }
    }
}
