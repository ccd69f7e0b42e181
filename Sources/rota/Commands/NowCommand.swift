import ArgumentParser
import RotaModel
import Scheduler

/// `rota now`: who is on call at this moment, until when, who backs each pipeline up, and who is next.
struct NowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "now",
        abstract: "Show who is on call now, today's backups and the next hand-off.",
        discussion: """
            Plans around the moment (the same plan as rota plan, with the ledger beside the config) and \
            prints the engineer on call, the start and end of the current piece of the shift in the \
            rotation's time zone, each pipeline's backup today (its secondary owner, or its primary when \
            the secondary is on call or away), the next hand-off, and the holidays in the current shift. \
            A shift with everyone away says UNCOVERED.

            --config DIR shows every team config in the folder (docs/organisations.md).

            Examples:
              rota now
              rota now --at 2026-12-24T18:00
              rota now --format json
            """
    )

    @OptionGroup var configOptions: ConfigOptions
    @OptionGroup var ledgerOptions: LedgerOptions
    @OptionGroup var verbosity: OutputOptions

    @Option(
        help: ArgumentHelp(
            "The moment to look at (YYYY-MM-DDTHH:MM in the rotation's time zone).",
            discussion: "Defaults to now.",
            valueName: "datetime"
        )
    )
    var at: DateTimeArgument?

    @Option(help: "Output format: table or json.")
    var format: OutputFormat = .table

    func validate() throws {
        try ledgerOptions.requireNone(withFolder: configOptions.path)
    }

    func run() async throws {
        let configPath = configOptions.path
        let (at, format) = (at, format)
        if TeamFolder.isFolder(configPath) {
            return try await FolderOutput.run(
                TeamFolder(path: configPath),
                format: format,
                key: "now",
                doing: "shown"
            ) { team in
                try await Self.now(
                    MomentPlan.load(team.configPath, ledgerPath: team.ledgerPath, at: at, window: Self.window),
                    format
                )
            }
        }
        let plan = try await MomentPlan.load(configOptions, ledgerOptions, at: at, window: Self.window)
        print(try Self.now(plan, format), terminator: "")
    }

    @Sendable private static func window(
        _ config: TeamConfig,
        _ moment: LocalDateTime
    ) -> (from: LocalDate, until: LocalDate) {
        OnCallNow.planningWindow(for: moment, rotation: config.rotation)
    }

    /// Who is on call at the plan's moment, as a table or JSON.
    ///
    /// - Throws: `CommandFailure` when the moment is before the rotation starts.
    static func now(_ plan: MomentPlan, _ format: OutputFormat) throws -> String {
        let (config, moment) = (plan.config, plan.moment)
        guard let now = OnCallNow.at(moment, in: plan.schedule, config: config) else {
            throw CommandFailure(
                message: "nobody is on call at \(moment): the rotation starts on \(config.rotation.start)",
                hint: "pass --at with a moment on or after the rotation's start"
            )
        }
        switch format {
        case .table: return NowText.table(now, config: config)
        case .json: return try NowText.json(now, config: config)
        }
    }
}
