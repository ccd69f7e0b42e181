import RotaModel
import Scheduler

extension PlanCommand {
    /// One team's plan as shown, and what `--record` added to its ledger.
    struct TeamPlanOutput: Sendable {
        let text: String
        let recorded: String?
    }

    /// `rota plan --config DIR`: every team's plan under its header; with `--record`, each team's due decisions
    /// recorded in its own ledger (under that ledger's lock), one note per team that recorded something.
    func planFolder(_ folder: TeamFolder) async throws {
        let (asOfOptions, horizon, format, record) = (asOfOptions, horizon.span, format, record)
        let results = await TeamRunner.run(folder.teams) { team in
            let config = try await ConfigFile.load(team.configPath)
            let asOf = asOfOptions.date(in: config.rotation.timeZone)
            let ledger = try LedgerFile.load(team.ledgerPath, config: config, asOf: asOf)
            let schedule = Planner.plan(config: config, ledger: ledger, asOf: asOf, horizon: horizon)
            let text = try Self.show(
                schedule,
                config: config,
                ledgerPath: team.ledgerPath,
                ledger: ledger,
                format: format
            )
            guard record else { return TeamPlanOutput(text: text, recorded: nil) }
            let recorded = try Self.record(
                schedule,
                config: config,
                ledger: ledger,
                ledgerPath: team.ledgerPath,
                asOf: asOf,
                horizon: horizon
            )
            return TeamPlanOutput(text: text, recorded: recorded)
        }
        let texts = results.map { $0.map(\.text) }
        let failed: [TeamFolder.Team]
        switch format {
        case .table: failed = FolderOutput.print(texts, teams: folder.teams)
        case .json:
            print(FolderOutput.json(texts, teams: folder.teams, key: "plan"), terminator: "")
            failed = FolderOutput.printFailures(results, teams: folder.teams)
        }
        for case let .success(output) in results { if let recorded = output.recorded { verbosity.note(recorded) } }
        if record, failed.isEmpty, results.allSatisfy({ (try? $0.get().recorded) == nil }) {
            verbosity.note("Nothing to record: every team's ledger already holds every due decision.")
        }
        try FolderOutput.requireAllUsable(failed: failed, of: folder.teams.count, doing: "planned")
    }
}
