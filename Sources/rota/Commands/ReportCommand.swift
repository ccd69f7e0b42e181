import ArgumentParser
import ICalendar
import RotaModel
import Scheduler

/// `rota report`: how fairly on-call duty falls on each engineer.
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Show how fairly on-call duty is shared.",
        discussion: """
            For each engineer over a period: weeks on call, shifts, holiday shifts (volunteered and \
            assigned), holiday backup duty (the holiday shifts on which they back up a pipeline, and \
            those shifts' days), weekend days on call, PTO credit earned, and the longest stretch without \
            being on call; then a balance score: the mean over every pair of engineers of min(hours) / max(hours), \
            1.00 being perfectly even (the pairwise ratio Grafana OnCall uses).

            The period defaults to the 52 weeks before --as-of (from the rotation's start if later). \
            Periods in the future are projections of the current plan.

            --config DIR reports on every team config in the folder (docs/organisations.md).

            Examples:
              rota report
              rota report --from 2027-01-01 --to 2028-01-01 --format json
            """
    )

    @OptionGroup var configOptions: ConfigOptions
    @OptionGroup var ledgerOptions: LedgerOptions
    @OptionGroup var asOfOptions: AsOfOptions
    @OptionGroup var verbosity: OutputOptions

    @Option(help: ArgumentHelp("First day of the period (YYYY-MM-DD).", valueName: "date"))
    var from: DateArgument?

    @Option(help: ArgumentHelp("Day after the period (YYYY-MM-DD); defaults to --as-of.", valueName: "date"))
    var to: DateArgument?

    @Option(help: "Output format: table or json.")
    var format: OutputFormat = .table

    func validate() throws {
        try ledgerOptions.requireNone(withFolder: configOptions.path)
    }

    func run() async throws {
        let configPath = configOptions.path
        let (asOf, from, to, format) = (asOfOptions, from?.date, to?.date, format)
        if TeamFolder.isFolder(configPath) {
            return try await FolderOutput.run(
                TeamFolder(path: configPath),
                format: format,
                key: "report",
                doing: "reported on"
            ) { team in
                try await Self.report(team.configPath, ledgerPath: team.ledgerPath, asOf, from, to, format)
            }
        }
        let text = try await Self.report(
            configPath,
            ledgerPath: ledgerOptions.path(forConfig: configPath),
            asOf,
            from,
            to,
            format
        )
        print(text, terminator: "")
    }

    /// One team's fairness report, as text or JSON.
    ///
    /// - Throws: `CommandFailure` when the config or ledger cannot be used, or the period is empty or too long.
    static func report(
        _ configPath: String,
        ledgerPath: String,
        _ asOfOptions: AsOfOptions,
        _ from: LocalDate?,
        _ to: LocalDate?,
        _ format: OutputFormat
    ) async throws -> String {
        let config = try await ConfigFile.load(configPath)
        let asOf = asOfOptions.date(in: config.rotation.timeZone)
        let ledger = try LedgerFile.load(ledgerPath, config: config, asOf: asOf)
        let until = to ?? asOf
        let start = from ?? max(config.rotation.start, until.adding(days: -364))
        guard start.days(until: until) <= 3653 else {
            throw CommandFailure(
                message: "the period \(start) to \(until) is longer than 10 years",
                hint: "report on at most 10 years at a time"
            )
        }
        guard start < until else {
            throw CommandFailure(
                message: "the period is empty: --from \(start) is not before --to \(until)",
                hint: "give --from a date before --to"
            )
        }
        let schedule = Planner.plan(config: config, ledger: ledger, asOf: asOf, from: start, until: until)
        let report = FairnessReport.compute(schedule, config: config, ledger: ledger, from: start, until: until)
        switch format {
        case .table: return ReportText.render(report, config: config)
        case .json: return try ReportText.json(report, config: config)
        }
    }
}
