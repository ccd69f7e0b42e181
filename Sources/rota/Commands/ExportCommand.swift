import ArgumentParser
import Foundation
import RotaModel
import RotaSync
import Scheduler

/// `rota export`: write the iCalendar feeds people subscribe to.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the iCalendar feeds: one per engineer, one for the team, one per pipeline.",
        discussion: """
            Plans the feed window (feeds.window in the config: by default 30 days back and 12 months \
            ahead of --as-of) and writes team.ics, engineer-<id>.ics and pipeline-<id>.ics, plus \
            index.json listing them and schedule.html: the week-by-week schedule (on call, holidays, \
            backups, PTO) with the coming year's fairness figures, a page to open in a browser. Each \
            file is written atomically (a temporary file, then a rename), and only when its bytes changed.

            Shifts inside the lock window (before --as-of plus holiday_policy.lead_time) or locked in \
            the ledger are STATUS:CONFIRMED, later ones STATUS:TENTATIVE (a holiday backup follows its \
            shift); the schedule page draws the same line.

            Events keep their UID when the engineer changes (a swap updates the event in place); \
            SEQUENCE grows only when an event changes, and a shift that left the plan stays as \
            STATUS:CANCELLED until the window passes it. That memory is .rota-feed-state.json in the \
            output folder: keep it between exports. .rota-export-inputs records what the export was made \
            from (config, ledger, holiday calendar files, --as-of, --base-url, the rota binary): when none \
            of them changed and the files are all there, the export does nothing.

            --config DIR exports every team config in the folder (see docs/organisations.md): each team \
            into OUT/<config name>/, and OUT/index.html links every team's schedule page.

            --base-url URL names where the folder will be published (http://, https:// or webcal://): the \
            schedule page's subscribe links are then absolute webcal:// links (URL/team.ics as \
            webcal://HOST/PATH/team.ics); without it they are file names relative to the page.

            Examples:
              rota export
              rota export --out /srv/calendars --as-of 2026-12-01
              rota export --out /srv/calendars --base-url https://oncall.example.com/calendars/
            """
    )

    @OptionGroup var configOptions: ConfigOptions
    @OptionGroup var ledgerOptions: LedgerOptions
    @OptionGroup var asOfOptions: AsOfOptions
    @OptionGroup var verbosity: OutputOptions

    @Option(help: ArgumentHelp("The folder to write the feeds to (created if missing).", valueName: "dir"))
    var out = "out/feeds"

    @Option(
        help: ArgumentHelp(
            "Where the folder is published, for absolute webcal:// links on the schedule page.",
            valueName: "url"
        )
    )
    var baseURL: String?

    func validate() throws {
        if let baseURL, Self.webcalBase(baseURL) == nil {
            throw ValidationError(
                "--base-url must be an http://, https:// or webcal:// URL with a host, not '\(baseURL)'"
            )
        }
    }

    /// `webcal://HOST/PATH/` for an http(s) or webcal URL with a host, else nil.
    static func webcalBase(_ url: String) -> String? {
        for scheme in ["https://", "http://", "webcal://"] where url.lowercased().hasPrefix(scheme) {
            let rest = url.dropFirst(scheme.count)
            guard let host = rest.split(separator: "/").first, !host.isEmpty, !rest.hasPrefix("/"),
                !rest.contains(where: { $0 == " " || $0 == "?" || $0 == "#" })
            else { return nil }
            return "webcal://" + (rest.hasSuffix("/") ? rest : rest + "/")
        }
        return nil
    }

    func run() async throws {
        let configPath = configOptions.path
        let base = baseURL.flatMap(Self.webcalBase)
        if TeamFolder.isFolder(configPath) { return try await exportFolder(TeamFolder(path: configPath), base: base) }
        let exported = try await Self.export(
            configPath,
            ledgerPath: ledgerOptions.path(forConfig: configPath),
            asOf: asOfOptions,
            out: out,
            base: base
        )
        verbosity.note(exported.summary)
        verbosity.detail("\(out)/\(FeedFolder.schedulePage): the schedule page; open it in a browser")
    }

    /// What exporting one team did.
    struct TeamExport: Sendable {
        let folder: String
        let team: String
        let written: Int
        let unchanged: Int
        let events: Int
        let window: (start: LocalDate, end: LocalDate)
        /// Who is on call at noon of the as-of date, by name; nil before the rotation starts or when uncovered.
        let onCall: String?

        /// `FOLDER: 3 feeds written, 7 unchanged (344 events, START to END)`.
        var summary: String {
            "\(folder): \(written) feed\(written == 1 ? "" : "s") written, \(unchanged) unchanged "
                + "(\(events) events, \(window.start) to \(window.end))"
        }
    }

    /// Plans one team's feed window and writes its feeds, index and schedule page to `out`.
    ///
    /// - Parameters:
    ///   - configPath: The team's config.
    ///   - ledgerPath: Its ledger.
    ///   - asOfOptions: `--as-of`, else today in the team's zone.
    ///   - out: The folder to write.
    ///   - base: `webcal://HOST/PATH/` where `out` is published, for the schedule page's links.
    /// - Returns: What the export did, for the summary line and the organisation page.
    /// - Throws: `CommandFailure` when the config, ledger or feed state cannot be used, or a file cannot be written.
    static func export(
        _ configPath: String,
        ledgerPath: String,
        asOf asOfOptions: AsOfOptions,
        out: String,
        base: String?
    ) async throws -> TeamExport {
        let (config, configBytes) = try await ConfigFile.loadWithBytes(configPath)
        let asOf = asOfOptions.date(in: config.rotation.timeZone)
        let (windowStart, windowEnd) = config.feeds.window(around: asOf)
        let fingerprint = await ExportInputs.fingerprint(
            configPath: configPath,
            configBytes: configBytes,
            ledgerPath: ledgerPath,
            config: config,
            asOf: asOf,
            base: base
        )
        if let fingerprint, let last = ExportInputs.current(in: out), last.fingerprint == fingerprint {
            return TeamExport(
                folder: out,
                team: config.team,
                written: 0,
                unchanged: FeedNames.all(config).count,
                events: last.events,
                window: (windowStart, windowEnd),
                onCall: last.onCall
            )
        }
        ExportInputs.forget(in: out)
        let ledger = try LedgerFile.load(ledgerPath, config: config, asOf: asOf)
        let schedule = Planner.plan(config: config, ledger: ledger, asOf: asOf, from: windowStart, until: windowEnd)
        let events = FeedPlanner.events(for: schedule, config: config)
        let folder = FeedFolder(path: out)
        let previous = try folder.readState()
        let output = FeedAssembler.assemble(
            events,
            previous: previous,
            config: config,
            asOf: asOf,
            windowStart: windowStart
        )
        let page = SchedulePage.render(
            config: config,
            ledger: ledger,
            asOf: asOf,
            feeds: FeedNames.all(config).map {
                SchedulePage.FeedLink(title: FeedTitles.title(of: $0, config: config), href: (base ?? "") + "\($0).ics")
            },
            runbooks: nil,
            planned: (schedule, windowStart, windowEnd)
        )
        let report = try folder.write(output, config: config, schedulePage: page)
        let noon = LocalDateTime(date: asOf, time: .noon)
        let onCall = OnCallNow.at(noon, in: schedule, config: config).flatMap { now in
            now.shift.uncovered ? nil : config.engineer(now.shift.engineer)?.name
        }
        if let fingerprint {
            let names =
                FeedNames.all(config).map { "\($0).ics" } + [
                    "index.json", FeedFolder.schedulePage, FeedFolder.stateFile,
                ]
            do {
                try ExportInputs.record(
                    fingerprint: fingerprint,
                    events: events.count,
                    onCall: onCall,
                    names: names,
                    in: out
                )
            } catch {
                throw CommandFailure(
                    message: "cannot write \(ExportInputs.fileName): \(error.localizedDescription)",
                    hint: "check that the folder is writable; the feeds are written, the next export redoes them",
                    at: out
                )
            }
        }
        return TeamExport(
            folder: out,
            team: config.team,
            written: report.written,
            unchanged: report.unchanged,
            events: events.count,
            window: (windowStart, windowEnd),
            onCall: onCall
        )
    }
}
