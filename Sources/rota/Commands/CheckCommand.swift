import ArgumentParser
import RotaModel
import Scheduler

/// `rota check`: validate the config and show who owns what.
struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate the team config and print the ownership matrix.",
        discussion: """
            Reads the config and reports every problem at once, each as file:line:col with the offending \
            line and a hint: unknown keys, wrong types, unknown engineers, duplicate ids, ownership outside \
            the configured bounds, investor-facing pipelines without a backup, landing deadline, monitoring \
            or failure modes, unknown catalogue ids, failure modes detected by points the pipeline does not \
            monitor, overlapping PTO, unknown time zones, and more.

            When the ledger beside the config exists (or --ledger names one), it is checked against the \
            config too: recorded shifts on hand-off dates, known holidays, no decision recorded twice, \
            no future commitment for an engineer who left.

            Then it plans the next 12 months (or the lead time, if longer) and lists every scheduling \
            conflict: a locked shift whose engineer is now on PTO, has left or is overridden, and a shift \
            with everyone away; and warnings: a forced back-to-back, a pipeline with no backup on a \
            holiday, a volunteer pledge that came after its holiday was decided.

            Exit codes: 0 when the config is valid and nothing conflicts (warnings allowed); 1 while a \
            conflict is open (rota plan proposes a swap for each, rota plan --record records it); 2 when \
            the config or ledger cannot be used.

            Examples:
              rota check
              rota check --config team.yaml
              rota check --format json
            """
    )

    @OptionGroup var options: ConfigOptions
    @OptionGroup var ledgerOptions: LedgerOptions
    @OptionGroup var asOfOptions: AsOfOptions
    @OptionGroup var verbosity: OutputOptions

    @Option(help: "Output format: table or json (the matrix, the ledger summary, conflicts and warnings).")
    var format: OutputFormat = .table

    func run() async throws {
        let path = options.path
        let config = try await ConfigFile.load(path)
        let ledgerPath = ledgerOptions.path(forConfig: path)
        let asOf = asOfOptions.date(in: config.rotation.timeZone)
        let ledger = try LedgerFile.load(ledgerPath, config: config, asOf: asOf)
        let year = CalendarSpan(count: 12, unit: .months)
        let until = max(year.added(to: asOf), config.holidayPolicy.leadTime.added(to: asOf))
        let schedule = Planner.plan(config: config, ledger: ledger, asOf: asOf, from: asOf, until: until)
        switch format {
        case .json:
            let text = try CheckJSON.render(
                config: config,
                path: path,
                ledger: ledger,
                ledgerPath: ledgerPath,
                schedule: schedule
            )
            print(text, terminator: "")
        case .table:
            print(OwnershipMatrix(config: config, file: path).render(), terminator: "")
            if !ledger.isEmpty {
                print(
                    "\(ledgerPath): ok. \(Plural.count(ledger.shifts.count, "locked shift")), "
                        + "\(Plural.count(ledger.holidays.count, "holiday decision")), "
                        + Plural.count(ledger.credits.count, "PTO credit")
                        + (ledger.swaps.isEmpty ? "" : ", " + Plural.count(ledger.swaps.count, "swap"))
                )
            }
            let problems = PlanTable.problems(schedule, config: config, ledger: ledger)
            if !problems.isEmpty { print(problems.dropFirst().joined(separator: "\n")) }
        }
        if !schedule.conflicts.isEmpty { throw ExitCode(1) }
    }
}
