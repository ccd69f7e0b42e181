import ArgumentParser
import CalDAV
import CalendarSync
import Foundation
import ICalendar
import RotaModel
import RotaSync

#if canImport(Glibc)
import Glibc
#endif

/// `rota push`: make a shared CalDAV calendar match the plan.
struct PushCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "push",
        abstract: "Make a CalDAV calendar match the plan, touching only the events rota manages.",
        discussion: """
            Plans the feed window (feeds.window in the config), lists the calendar's events in that \
            window with one REPORT, and writes only the differences: a PUT with If-None-Match: * for \
            each missing event, a PUT with If-Match for each changed one, a DELETE with If-Match for \
            each event rota wrote that the plan no longer has. Events rota does not manage (no \
            X-ROTA-TEAM marker, or a UID outside feeds.uid_domain) and events that start before the \
            window are never changed. Running push twice in a row makes no writes the second time.

            An event edited by hand on the server (its content no longer matches the X-ROTA-HASH rota \
            wrote) is drift: push lists it and exits 1 without touching it, unless --force.

            A 412 (someone else changed the event meanwhile) makes rota read the event again and decide \
            again; 5xx, 429 (after its Retry-After) and dropped connections are retried with backoff a \
            few times. An interrupted push can simply be run again.

            An event the server refuses (a 403, 409 or 412 naming a CalDAV precondition, such as a UID that \
            another event, not rota's, already holds) is reported by UID with the reason; push writes \
            all the others, then exits 2. Before its first write to a calendar that holds none of rota's \
            events, push checks that --calendar is a calendar taking events (not a calendar home), and \
            lists the calendars under it if not.

            Time: --timeout bounds each request from sending it to the last byte of the answer; \
            --deadline bounds the whole run. At the deadline push starts no more requests, reports what \
            was written and what was not, and exits 2. A Retry-After that would end after the deadline \
            is not slept through: the run ends at once with that message (so does one longer than two \
            minutes, whatever the deadline). Run push again later to write the rest.

            --dry-run lists what push would write (creates, updates, deletes by UID) and writes nothing: \
            exit 0 in sync, 1 with changes. --format json prints the summary as JSON (docs/commands.md). \
            A long push shows its progress on standard error: an ETA line on a terminal, otherwise one \
            line every 10 seconds.

            Credentials: ROTA_CALDAV_USERNAME and ROTA_CALDAV_PASSWORD, or --password-stdin, or a netrc \
            file (--netrc, default ~/.netrc), or a bearer token in ROTA_CALDAV_TOKEN. Never on the \
            command line.

            Exit status: 0 when the calendar matches the plan, 1 when edited events were left alone \
            (or, with --dry-run, when there is anything to write), 2 on an error or an event not written.

            --config DIR with --server pushes every team config in the folder, each into its own calendar \
            (found, or made with --create, by its feeds.calendar_name), one after another over one \
            connection (docs/organisations.md).

            Examples:
              ROTA_CALDAV_USERNAME=chen ROTA_CALDAV_PASSWORD=... rota push --calendar https://dav.example.com/chen/oncall/
              rota push --server https://dav.example.com/ --create
              rota push --calendar https://dav.example.com/chen/oncall/ --dry-run
              pass show caldav | rota push --server https://caldav.fastmail.com/ --username chen@example.com --password-stdin
            """
    )

    @OptionGroup var configOptions: ConfigOptions
    @OptionGroup var ledgerOptions: LedgerOptions
    @OptionGroup var asOfOptions: AsOfOptions
    @OptionGroup var verbosity: OutputOptions
    @OptionGroup var calDAV: CalDAVOptions

    @Flag(help: "With --server: create the calendar when no calendar has its name.")
    var create = false

    @Flag(help: "Overwrite (or delete) events edited by hand on the server.")
    var force = false

    @Option(help: ArgumentHelp("How many writes run at once.", valueName: "n"))
    var concurrency = 4

    @Flag(name: .customLong("dry-run"), help: "List what push would write, and write nothing.")
    var dryRun = false

    @Option(help: "Output format: table or json (the summary, failures by UID).")
    var format: OutputFormat = .table

    @Option(
        help: ArgumentHelp(
            "Seconds the whole push may take; then it stops, reports what was and was not written, and exits 2.",
            valueName: "seconds"
        )
    )
    var deadline = 600

    func validate() throws {
        guard calDAV.calendar != nil || calDAV.server != nil else {
            throw ValidationError("give exactly one of --calendar URL and --server URL")
        }
        guard !create || calDAV.server != nil else { throw ValidationError("--create goes with --server") }
        guard (1...32).contains(concurrency) else { throw ValidationError("--concurrency must be between 1 and 32") }
        guard deadline >= 1 else { throw ValidationError("--deadline must be at least 1 second") }
        try ledgerOptions.requireNone(withFolder: configOptions.path)
        if TeamFolder.isFolder(configOptions.path) {
            guard calDAV.server != nil else {
                throw ValidationError(
                    "--config DIR pushes each team into its own calendar: give --server URL (not --calendar), "
                        + "and each team's calendar is found (or, with --create, made) by its feeds.calendar_name"
                )
            }
            guard calDAV.calendarName == nil else {
                throw ValidationError(
                    "--calendar-name would put every team of --config DIR into one calendar; "
                        + "each team's calendar is named by its feeds.calendar_name"
                )
            }
        }
    }

    func run() async throws {
        let started = ContinuousClock.now
        if TeamFolder.isFolder(configOptions.path) {
            return try await pushFolder(
                TeamFolder(path: configOptions.path),
                until: started.advanced(by: .seconds(deadline))
            )
        }
        let plan = try await SyncPlan.load(config: configOptions.path, ledger: ledgerOptions.path, asOf: asOfOptions)
        let summary = try await CalDAVConnection.using(calDAV, output: verbosity) {
            try await push(plan, $0, until: started.advanced(by: .seconds(deadline)))
        }
        try report(summary)
    }

    func push(
        _ plan: SyncPlan,
        _ connection: CalDAVConnection,
        until deadline: ContinuousClock.Instant
    ) async throws -> PushReport {
        if dryRun, create, let missing = try await missingCalendar(plan, connection, until: deadline) {
            return missing
        }
        let (calendar, reconciliation) = try await beforeDeadline(deadline) {
            try await connection.reconcile(plan, calDAV, create: create && !dryRun)
        }
        let work = reconciliation.entries.filter { $0.action != .keep }
        if dryRun {
            return PushReport(
                summary: PushSummary(dryRun: calendar, reconciliation: reconciliation, force: force),
                reconciliation: reconciliation,
                kept: []
            )
        }
        // A calendar that holds none of rota's events is checked before the first write: a calendar home would take
        // the PUTs. One that does has been rota's target before, so a push with k changes still costs k+1 requests.
        if !work.isEmpty, calDAV.calendar != nil, !reconciliation.entries.contains(where: { $0.remote != nil }) {
            try await beforeDeadline(deadline) { try await connection.checkTarget(calendar) }
        }
        let items = PushItems(
            calendar: calendar,
            asOf: plan.asOf,
            zone: plan.config.rotation.timeZone,
            team: plan.config.team,
            uidDomain: plan.config.feeds.uidDomain,
            planned: Dictionary(
                plan.planned.compactMap { event in event.property(.uid).map { ($0.value, event) } },
                uniquingKeysWith: { first, _ in first }
            )
        )
        let clock = ContinuousClock()
        let executor = PushExecutor(
            transport: CalDAVSyncTransport(client: connection.client, calendar: calendar, decide: items.decide),
            clock: clock,
            concurrency: concurrency,
            force: force,
            logger: connection.logger
        )
        var progress = PushProgress(total: verbosity.quiet ? 0 : work.count, isTerminal: isatty(2) == 1)
        let writesBegan = clock.now
        var generator = SystemRandomNumberGenerator()
        let outcomes = await executor.run(work.map(items.item), using: &generator, deadline: deadline) { done in
            guard let text = progress.update(done: done, elapsed: writesBegan.duration(to: clock.now)) else { return }
            var standardError = StandardError()
            print(text, terminator: "", to: &standardError)
        }
        if let finish = progress.finish {
            var standardError = StandardError()
            print(finish, terminator: "", to: &standardError)
        }
        let results = Array(zip(work, outcomes))
        return PushReport(
            summary: PushSummary(calendar: calendar, reconciliation: reconciliation, results: results),
            reconciliation: reconciliation,
            kept: results.filter { $0.1 == .driftKept }.map(\.0)
        )
    }

    /// For `--dry-run --create`: when discovery finds no calendar of that name, what push would do (create it in
    /// the calendar home and write every planned event); nil when the calendar exists.
    private func missingCalendar(
        _ plan: SyncPlan,
        _ connection: CalDAVConnection,
        until deadline: ContinuousClock.Instant
    ) async throws -> PushReport? {
        let name = calDAV.calendarName ?? plan.config.feeds.calendarName
        let discovery = try await beforeDeadline(deadline) { try await connection.client.discover() }
        guard !discovery.calendars.contains(where: { $0.isCalendar && $0.isNamed(name) }) else { return nil }
        let calendar = discovery.calendarHome.appending(path: CalDAVConnection.slug(name) + "/")
        let reconciliation = plan.reconcile([])
        return PushReport(
            summary: PushSummary(dryRun: calendar, reconciliation: reconciliation, force: force),
            reconciliation: reconciliation,
            kept: []
        )
    }

    /// Runs `body` (reading the calendar, before any write), or stops it when `deadline` comes first.
    ///
    /// - Throws: What `body` throws, or a ``CommandFailure`` saying nothing was written when the deadline came.
    private func beforeDeadline<T: Sendable>(
        _ deadline: ContinuousClock.Instant,
        _ body: @escaping @Sendable () async throws -> T
    ) async throws -> T {
        try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask { try await body() }
            group.addTask {
                try await ContinuousClock().sleep(until: deadline, tolerance: nil)
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let value = first else {
                throw CommandFailure(
                    message: "the --deadline of \(self.deadline) s passed before the calendar was read; "
                        + "nothing was written",
                    hint: "check that the server answers (rota push -v logs each request), or give a longer --deadline"
                )
            }
            return value
        }
    }

    /// Prints what the push did (or would do); exit 1 when events edited by hand were left alone or, for a dry run,
    /// when there is anything to write; exit 2 when some events could not be written.
    private func report(_ report: PushReport) throws {
        let outcome = try outcome(of: report)
        print(outcome.text, terminator: "")
        if let note = outcome.note {
            var standardError = StandardError()
            print(note, to: &standardError)
        }
        if let failure = outcome.failure { throw failure }
        if outcome.differs { throw ExitCode(1) }
    }

    /// What a push (or dry run) tells its user, as values: standard output, a note for standard error, the failure
    /// to end with (events not written), and whether to exit 1 (drift left alone, or a dry run with changes).
    struct Outcome: Sendable {
        var text = ""
        var note: String?
        var failure: CommandFailure?
        var differs = false
    }

    func outcome(of report: PushReport) throws -> Outcome {
        let summary = report.summary
        var outcome = Outcome()
        switch format {
        case .json:
            outcome.text = try JSONOutput.encode(summary)
        case .table:
            let colour = Terminal.usesColour(.output)
            var lines: [String] = []
            for entry in report.reconciliation.entries where entry.action != .keep {
                guard entry.action != .drift || summary.dryRun else { continue }
                lines.append(
                    "\(ReconciliationText.marker(entry.action, colour: colour)) \(ReconciliationText.headline(entry))"
                )
                if summary.dryRun { lines += ReconciliationText.changeLines(entry) }
            }
            for entry in report.kept {
                lines.append("! \(ReconciliationText.headline(entry)): edited on the server, left alone")
                lines += ReconciliationText.changeLines(entry)
            }
            lines.append(summary.line)
            outcome.text = lines.joined(separator: "\n") + "\n"
        }
        if !report.kept.isEmpty {
            outcome.note =
                "\(Plural.count(report.kept.count, "event")) edited by hand on the server "
                + "\(report.kept.count == 1 ? "was" : "were") "
                + "left alone\nhint: rota push --force overwrites them with the plan"
        }
        if !summary.failures.isEmpty {
            var lines = [
                "error: \(Plural.count(summary.failures.count, "event")) not written (the others were written):"
            ]
            for failure in summary.failures {
                lines.append("\(failure.uid): \(failure.message)")
                if let hint = failure.hint { lines.append("  hint: \(hint)") }
            }
            outcome.failure = CommandFailure(rendered: lines.joined(separator: "\n"))
        }
        outcome.differs = summary.dryRun ? !summary.inSync : !report.kept.isEmpty
        return outcome
    }
}

/// What ``PushCommand`` reports: the summary, plus the reconciliation and the drift left alone for the table.
struct PushReport {
    let summary: PushSummary
    let reconciliation: Reconciliation
    let kept: [Reconciliation.Entry]
}
