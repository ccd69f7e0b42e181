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

            --config DIR checks every team config in the folder (docs/organisations.md), each under its \
            file name, then the rules across teams: one person (one email) on call for two teams at \
            overlapping times is a conflict, the same person's PTO given differently in two teams a warning.

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

    func validate() throws {
        try ledgerOptions.requireNone(withFolder: options.path)
    }

    func run() async throws {
        let path = options.path
        if TeamFolder.isFolder(path) { return try await checkFolder(TeamFolder(path: path)) }
        let team = try await Self.check(
            configPath: path,
            ledgerPath: ledgerOptions.path(forConfig: path),
            asOf: asOfOptions,
            format: format
        )
        print(team.text, terminator: "")
        if !team.plan.schedule.conflicts.isEmpty { throw ExitCode(1) }
    }

    /// One team checked: what `rota check` prints for it, and its plan for the rules across teams.
    struct TeamCheck: Sendable {
        let text: String
        let plan: TeamPlan
    }

    /// Loads one team's config and ledger and plans its next 12 months (or its lead time, if longer).
    ///
    /// - Throws: `CommandFailure` when the config or ledger cannot be used.
    static func check(
        configPath path: String,
        ledgerPath: String,
        asOf asOfOptions: AsOfOptions,
        format: OutputFormat
    ) async throws -> TeamCheck {
        let config = try await ConfigFile.load(path)
        let asOf = asOfOptions.date(in: config.rotation.timeZone)
        let ledger = try LedgerFile.load(ledgerPath, config: config, asOf: asOf)
        let year = CalendarSpan(count: 12, unit: .months)
        let until = max(year.added(to: asOf), config.holidayPolicy.leadTime.added(to: asOf))
        let schedule = Planner.plan(config: config, ledger: ledger, asOf: asOf, from: asOf, until: until)
        var text = ""
        switch format {
        case .json:
            text = try CheckJSON.render(
                config: config,
                path: path,
                ledger: ledger,
                ledgerPath: ledgerPath,
                schedule: schedule
            )
        case .table:
            text = OwnershipMatrix(config: config, file: path).render()
            if !ledger.isEmpty {
                text +=
                    "\(ledgerPath): ok. \(Plural.count(ledger.shifts.count, "locked shift")), "
                    + "\(Plural.count(ledger.holidays.count, "holiday decision")), "
                    + Plural.count(ledger.credits.count, "PTO credit")
                    + (ledger.swaps.isEmpty ? "" : ", " + Plural.count(ledger.swaps.count, "swap")) + "\n"
            }
            let problems = PlanTable.problems(schedule, config: config, ledger: ledger)
            if !problems.isEmpty { text += problems.dropFirst().joined(separator: "\n") + "\n" }
        }
        return TeamCheck(text: text, plan: TeamPlan(label: path, config: config, schedule: schedule))
    }

    /// `rota check --config DIR`: every team, then the rules across teams; exit 2 when a team could not be used,
    /// else 1 when a team or the organisation has a conflict.
    private func checkFolder(_ folder: TeamFolder) async throws {
        let (asOf, format) = (asOfOptions, format)
        let results = await TeamRunner.run(folder.teams) { team in
            try await Self.check(configPath: team.configPath, ledgerPath: team.ledgerPath, asOf: asOf, format: format)
        }
        let plans = results.compactMap { try? $0.get().plan }
        let conflicts = CrossTeamCheck.conflicts(plans)
        let mismatches = CrossTeamCheck.ptoMismatches(plans)
        let texts = results.map { $0.map(\.text) }
        let failed: [TeamFolder.Team]
        switch format {
        case .table:
            failed = FolderOutput.print(texts, teams: folder.teams)
            print(
                CrossTeamText.render(conflicts: conflicts, mismatches: mismatches, teams: plans.count),
                terminator: ""
            )
        case .json:
            let across = try CrossTeamText.json(conflicts: conflicts, mismatches: mismatches)
            print(
                FolderOutput.json(texts, teams: folder.teams, key: "check", extra: [("across_teams", across)]),
                terminator: ""
            )
            failed = FolderOutput.printFailures(results, teams: folder.teams)
        }
        try FolderOutput.requireAllUsable(failed: failed, of: folder.teams.count, doing: "checked")
        if !conflicts.isEmpty || plans.contains(where: { !$0.schedule.conflicts.isEmpty }) { throw ExitCode(1) }
    }
}
