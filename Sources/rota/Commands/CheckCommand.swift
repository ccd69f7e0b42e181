import ArgumentParser
import RotaModel

/// `rota check`: validate the config and show who owns what.
struct CheckCommand: ParsableCommand {
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

            On success prints each engineer's primary and secondary pipelines with counts and exits 0; \
            with problems prints them to standard error and exits 2.

            Examples:
              rota check
              rota check --config team.yaml
            """
    )

    @OptionGroup var options: ConfigOptions
    @OptionGroup var ledgerOptions: LedgerOptions
    @OptionGroup var asOfOptions: AsOfOptions
    @OptionGroup var verbosity: OutputOptions

    func run() throws {
        let path = options.path
        let config = try ConfigFile.load(path)
        let ledgerPath = ledgerOptions.path(forConfig: path)
        let ledger = try LedgerFile.load(
            ledgerPath,
            config: config,
            asOf: asOfOptions.date(in: config.rotation.timeZone)
        )
        print(OwnershipMatrix(config: config, file: path).render(), terminator: "")
        if !ledger.isEmpty {
            print(
                "\(ledgerPath): ok. \(Plural.count(ledger.shifts.count, "locked shift")), "
                    + "\(Plural.count(ledger.holidays.count, "holiday decision")), "
                    + Plural.count(ledger.credits.count, "PTO credit")
            )
        }
    }
}
