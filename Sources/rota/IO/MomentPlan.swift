import ICalendar
import RotaModel
import Scheduler

/// The schedule around one moment, for the commands that answer "what is true at `--at`" (now, notify): the config,
/// the ledger beside it as of that day, and a plan over the window the command needs.
struct MomentPlan {
    let config: TeamConfig
    /// `--at`, else now in the rotation's time zone.
    let moment: LocalDateTime
    let ledgerPath: String
    let schedule: Schedule

    /// Loads the config and ledger and plans the days `window` picks around the moment.
    ///
    /// - Throws: `CommandFailure` when the config or ledger cannot be used.
    static func load(
        _ configOptions: ConfigOptions,
        _ ledgerOptions: LedgerOptions,
        at: DateTimeArgument?,
        window: (TeamConfig, LocalDateTime) -> (from: LocalDate, until: LocalDate)
    ) async throws -> MomentPlan {
        let configPath = configOptions.path
        return try await load(configPath, ledgerPath: ledgerOptions.path(forConfig: configPath), at: at, window: window)
    }

    /// Loads the config at `configPath` and the ledger at `ledgerPath` and plans the days `window` picks around the
    /// moment (one team of a folder).
    ///
    /// - Throws: `CommandFailure` when the config or ledger cannot be used.
    static func load(
        _ configPath: String,
        ledgerPath: String,
        at: DateTimeArgument?,
        window: (TeamConfig, LocalDateTime) -> (from: LocalDate, until: LocalDate)
    ) async throws -> MomentPlan {
        let config = try await ConfigFile.load(configPath)
        let moment = at?.moment ?? Today.moment(in: config.rotation.timeZone)
        let ledger = try LedgerFile.load(ledgerPath, config: config, asOf: moment.date)
        let days = window(config, moment)
        let schedule = Planner.plan(
            config: config,
            ledger: ledger,
            asOf: moment.date,
            from: days.from,
            until: days.until
        )
        return MomentPlan(config: config, moment: moment, ledgerPath: ledgerPath, schedule: schedule)
    }
}
