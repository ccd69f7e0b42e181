import ArgumentParser
import RotaModel
import Scheduler

/// `rota plan`: who is on call when, and why; records due decisions with `--record`.
struct PlanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Show the on-call schedule, and record the decisions that are due.",
        discussion: """
            Computes who is on call for each shift from --as-of over --horizon: round robin in the \
            configured order, PTO covered by the fairest available engineer (and made up later), major \
            holidays decided a lead time ahead (volunteers first, then fair rotation across years), and \
            overrides over everything. Each row says why (holiday, volunteer, PTO swap, override, locked).

            Holiday decisions and shifts inside the lead-time window (holiday_policy.lead_time) are due: \
            --record appends them to the ledger, which locks those shifts so later config changes do not \
            move them. Nothing is written without --record.

            --what-if OTHER.yaml plans the same period with another config and lists exactly whose \
            shifts move, and why, before anything is recorded.

            --config DIR plans every team config in the folder (docs/organisations.md), each under its \
            file name; --record records into each team's own ledger.

            Examples:
              rota plan
              rota plan --as-of 2026-12-01 --horizon 6m
              rota plan --format json
              rota plan --record
              rota plan --what-if team-with-new-pto.yaml
            """
    )

    @OptionGroup var configOptions: ConfigOptions
    @OptionGroup var ledgerOptions: LedgerOptions
    @OptionGroup var asOfOptions: AsOfOptions
    @OptionGroup var verbosity: OutputOptions

    @Option(help: ArgumentHelp("How far ahead to show: e.g. 12w, 6m, 1y.", valueName: "span"))
    var horizon = SpanArgument(CalendarSpan(count: 12, unit: .weeks))

    @Option(help: "Output format: table or json.")
    var format: OutputFormat = .table

    @Flag(help: "Append the due holiday decisions and shift locks to the ledger.")
    var record = false

    @Option(
        name: .customLong("what-if"),
        help: ArgumentHelp("Compare with the plan of another config and list the shifts that move.", valueName: "file")
    )
    var whatIf: String?

    func validate() throws {
        let span = horizon.span
        if span.unit == .years && span.count > 10 || span.unit == .months && span.count > 120
            || span.unit == .weeks && span.count > 522 || span.unit == .days && span.count > 3653
        {
            throw ValidationError("--horizon \(span) is longer than 10 years, the longest plan rota shows.")
        }
        if record, whatIf != nil {
            throw ValidationError("--record and --what-if do not go together: compare first, then record.")
        }
        try ledgerOptions.requireNone(withFolder: configOptions.path)
        if whatIf != nil, TeamFolder.isFolder(configOptions.path) {
            throw ValidationError("--what-if compares one team's config: pass --config FILE, the team's current config")
        }
    }

    func run() async throws {
        let configPath = configOptions.path
        if TeamFolder.isFolder(configPath) { return try await planFolder(TeamFolder(path: configPath)) }
        let config = try await ConfigFile.load(configPath)
        let ledgerPath = ledgerOptions.path(forConfig: configPath)
        let asOf = asOfOptions.date(in: config.rotation.timeZone)
        let ledger = try LedgerFile.load(ledgerPath, config: config, asOf: asOf)
        let schedule = Planner.plan(config: config, ledger: ledger, asOf: asOf, horizon: horizon.span)

        if let whatIf {
            let other = try await ConfigFile.load(whatIf)
            let otherLedger = try LedgerFile.load(ledgerPath, config: other, asOf: asOf)
            let otherSchedule = Planner.plan(config: other, ledger: otherLedger, asOf: asOf, horizon: horizon.span)
            let changes = PlanComparison.changes(from: schedule, to: otherSchedule)
            switch format {
            case .table: print(WhatIfText.render(changes, config: other, otherPath: whatIf), terminator: "")
            case .json: print(try WhatIfText.json(changes), terminator: "")
            }
            return
        }
        let shown = try Self.show(schedule, config: config, ledgerPath: ledgerPath, ledger: ledger, format: format)
        print(shown, terminator: "")
        if record {
            let recorded = try Self.record(
                schedule,
                config: config,
                ledger: ledger,
                ledgerPath: ledgerPath,
                asOf: asOf,
                horizon: horizon.span
            )
            verbosity.note(
                recorded ?? "Nothing to record: the ledger \(ledgerPath) already holds every due decision."
            )
        }
    }

    /// Appends the due decisions of `schedule` to the ledger, under its lock; returns what was recorded, as the note
    /// says it, or nil when the ledger already held everything.
    ///
    /// Under the lock, plans again from the ledger as it is now if another run recorded meanwhile (the planner is a
    /// pure function of its inputs, so an unchanged ledger gives the schedule already shown).
    static func record(
        _ schedule: Schedule,
        config: TeamConfig,
        ledger: Ledger,
        ledgerPath: String,
        asOf: LocalDate,
        horizon: CalendarSpan
    ) throws -> String? {
        let (before, updated) = try LedgerFile.update(ledgerPath, config: config, asOf: asOf) { current in
            let currentSchedule =
                current == ledger
                ? schedule : Planner.plan(config: config, ledger: current, asOf: asOf, horizon: horizon)
            return Recorder.record(currentSchedule, into: current, policy: config.holidayPolicy)
        }
        guard updated != before else { return nil }
        let shifts = updated.shifts.count - before.shifts.count
        let holidays = updated.holidays.count - before.holidays.count
        let credits = updated.credits.count - before.credits.count
        return "Recorded in \(ledgerPath): \(Plural.count(shifts, "shift lock")), "
            + "\(Plural.count(holidays, "holiday decision")), \(Plural.count(credits, "PTO credit"))."
    }

    /// The plan as a table or JSON.
    static func show(
        _ schedule: Schedule,
        config: TeamConfig,
        ledgerPath: String,
        ledger: Ledger,
        format: OutputFormat
    ) throws -> String {
        switch format {
        case .table: return PlanTable.render(schedule, config: config, ledgerPath: ledgerPath, ledger: ledger)
        case .json: return try PlanJSON.render(schedule, config: config)
        }
    }
}
