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

            Credentials: ROTA_CALDAV_USERNAME and ROTA_CALDAV_PASSWORD, or --password-stdin, or a netrc \
            file (--netrc, default ~/.netrc), or a bearer token in ROTA_CALDAV_TOKEN. Never on the \
            command line.

            Exit status: 0 when the calendar matches the plan, 1 when edited events were left alone, \
            2 on an error.

            Examples:
              ROTA_CALDAV_USERNAME=chen ROTA_CALDAV_PASSWORD=... rota push --calendar https://dav.example.com/chen/oncall/
              rota push --server https://dav.example.com/ --create
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

    func validate() throws {
        guard calDAV.calendar != nil || calDAV.server != nil else {
            throw ValidationError("give exactly one of --calendar URL and --server URL")
        }
        guard !create || calDAV.server != nil else { throw ValidationError("--create goes with --server") }
        guard (1...32).contains(concurrency) else { throw ValidationError("--concurrency must be between 1 and 32") }
    }

    func run() async throws {
        let plan = try SyncPlan.load(config: configOptions.path, ledger: ledgerOptions.path, asOf: asOfOptions)
        let (calendar, reconciliation, results) = try await CalDAVConnection.using(calDAV, output: verbosity) {
            try await push(plan, $0)
        }
        let leftDriftAlone = try report(calendar, reconciliation, results)
        if leftDriftAlone { throw ExitCode(1) }
    }

    private func push(
        _ plan: SyncPlan,
        _ connection: CalDAVConnection
    ) async throws -> (URL, Reconciliation, [(Reconciliation.Entry, PushOutcome)]) {
        let (calendar, reconciliation) = try await connection.reconcile(plan, calDAV, create: create)
        let items = PushItems(
            calendar: calendar,
            asOf: plan.asOf,
            zone: plan.config.rotation.timeZone,
            team: plan.config.team,
            uidDomain: plan.config.feeds.uidDomain,
            planned: Dictionary(
                plan.planned.compactMap { event in event.property("UID").map { ($0.value, event) } },
                uniquingKeysWith: { first, _ in first }
            )
        )
        let executor = PushExecutor(
            transport: CalDAVSyncTransport(client: connection.client, calendar: calendar, decide: items.decide),
            clock: ContinuousClock(),
            concurrency: concurrency,
            force: force
        )
        let work = reconciliation.entries.filter { $0.action != .keep }
        let progress = Progress(total: verbosity.quiet ? 0 : work.count)
        var generator = SystemRandomNumberGenerator()
        let outcomes = await executor.run(work.map(items.item), using: &generator) { progress.show($0) }
        progress.finish()
        return (calendar, reconciliation, Array(zip(work, outcomes)))
    }

    /// Prints what the push did; returns whether events edited by hand were left alone (exit status 1).
    ///
    /// - Throws: Exit code 2, with the problems printed, when some events could not be written.
    private func report(
        _ calendar: URL,
        _ reconciliation: Reconciliation,
        _ results: [(Reconciliation.Entry, PushOutcome)]
    ) throws -> Bool {
        let tally = PushTally(results.map(\.1))
        let kept = results.filter { $0.1 == .driftKept }.map(\.0)
        let failures = results.compactMap { result -> SyncFailure? in
            if case .failed(let failure) = result.1 { return failure }
            return nil
        }
        let unchanged = reconciliation.entries(.keep).count + tally.unchanged
        let colour = Terminal.usesColour(.output)
        for entry in reconciliation.entries where entry.action != .keep && entry.action != .drift {
            print("\(ReconciliationText.marker(entry.action, colour: colour)) \(ReconciliationText.headline(entry))")
        }
        for entry in kept {
            print("! \(ReconciliationText.headline(entry)): edited on the server, left alone")
            for line in ReconciliationText.changeLines(entry) { print(line) }
        }
        print(
            "\(calendar.absoluteString): \(tally.created) created, \(tally.updated) updated, "
                + "\(tally.deleted) deleted, \(unchanged) unchanged, \(tally.driftOverwritten) drift overwritten"
                + (tally.failed > 0 ? ", \(tally.failed) failed" : "")
                + ReconciliationText.othersLeftAlone(reconciliation)
        )
        if !kept.isEmpty {
            var standardError = StandardError()
            print(
                "\(Plural.count(kept.count, "event")) edited by hand on the server \(kept.count == 1 ? "was" : "were") "
                    + "left alone\nhint: rota push --force overwrites them with the plan",
                to: &standardError
            )
        }
        if !failures.isEmpty {
            var standardError = StandardError()
            for failure in failures { print(String(describing: failure), to: &standardError) }
            throw ExitCode.rotaError
        }
        return !kept.isEmpty
    }
}

/// A `push: 12/120` line on standard error, redrawn in place, only when standard error is a terminal.
final class Progress: Sendable {
    let total: Int
    let isTerminal: Bool

    init(total: Int) {
        self.total = total
        isTerminal = isatty(2) == 1 && total > 0
    }

    func show(_ done: Int) {
        guard isTerminal else { return }
        var standardError = StandardError()
        print("\rpush: \(done)/\(total) written", terminator: "", to: &standardError)
    }

    func finish() {
        guard isTerminal else { return }
        var standardError = StandardError()
        print("\r\u{1B}[K", terminator: "", to: &standardError)
    }
}
