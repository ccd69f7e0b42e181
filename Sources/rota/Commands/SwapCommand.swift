import ArgumentParser
import RotaModel
import Scheduler

/// `rota swap`: record a swap two engineers agreed on, after checking it against the rules.
struct SwapCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "swap",
        abstract: "Record a swap two engineers agreed on (checked against PTO and the rest rule).",
        discussion: """
            rota swap SHIFT OTHER exchanges the engineers of two shifts (given by their hand-off dates): \
            whoever is on call for SHIFT takes OTHER, and the other way round, so both keep their counts. \
            rota swap SHIFT --to ENGINEER hands one shift to ENGINEER (no shift back). With --volunteer, \
            SHIFT must hold a major holiday, and whoever takes it earns the volunteer PTO credit \
            (holiday_policy.volunteer_credit_days), as a pledge made before the decision would have; \
            rota check names the command that accepts a late pledge.

            The swap is refused, and nothing is written, when a shift is over or is not a hand-off date, \
            when someone would be on call during their PTO or outside their time on the team, or when \
            the rest rule would break (policy.min_gap) against a shift that cannot move. Otherwise it is \
            appended to the ledger's swaps: (with the credit under credits:), which fixes both shifts.

            Examples:
              rota swap 2027-01-04 2027-01-18
              rota swap 2026-12-21 --to kim --volunteer
              rota swap 2027-02-01 --to chen --reason "Smith's conference moved"
            """
    )

    @OptionGroup var configOptions: ConfigOptions
    @OptionGroup var ledgerOptions: LedgerOptions
    @OptionGroup var asOfOptions: AsOfOptions
    @OptionGroup var verbosity: OutputOptions

    @Argument(help: ArgumentHelp("The hand-off date of the shift to swap (YYYY-MM-DD).", valueName: "shift"))
    var shift: DateArgument

    @Argument(help: ArgumentHelp("The hand-off date of the shift to exchange it with.", valueName: "other"))
    var other: DateArgument?

    @Option(help: ArgumentHelp("Hand the shift to this engineer instead (their id).", valueName: "engineer"))
    var to: String?

    @Flag(help: "Whoever takes the (holiday) SHIFT volunteered for it and earns the PTO credit.")
    var volunteer = false

    @Option(help: ArgumentHelp("Why, as the ledger records it (default: who agreed).", valueName: "text"))
    var reason: String?

    func validate() throws {
        switch (other, to) {
        case (nil, nil): throw ValidationError("Name a second shift to exchange with, or --to ENGINEER.")
        case (.some, .some): throw ValidationError("Give either a second shift or --to, not both.")
        default: break
        }
    }

    func run() async throws {
        let configPath = configOptions.path
        let config = try await ConfigFile.load(configPath)
        let ledgerPath = ledgerOptions.path(forConfig: configPath)
        let asOf = asOfOptions.date(in: config.rotation.timeZone)
        let request: AgreedSwap.Request
        if let other {
            request = .exchange(shift.date, other.date)
        } else if let to {
            guard config.engineer(EngineerID(to)) != nil else {
                let known = config.engineers.map(\.id.rawValue)
                let hint =
                    DidYouMean.suggestion(for: to, among: known).map { "did you mean '\($0)'?" }
                    ?? "engineers are: \(known.joined(separator: ", "))"
                throw CommandFailure(message: "--to \(to): not an engineer in \(configPath)", hint: hint)
            }
            request = .handOver(shift.date, to: EngineerID(to))
        } else {
            return
        }
        // Checked and written under the ledger lock, against the ledger as it is now.
        var recorded: AgreedSwap.Entries?
        _ = try LedgerFile.update(ledgerPath, config: config, asOf: asOf) { ledger in
            switch AgreedSwap.entries(
                for: request,
                volunteer: volunteer,
                cause: reason,
                config: config,
                ledger: ledger,
                asOf: asOf
            ) {
            case let .success(entries):
                recorded = entries
                var updated = ledger
                updated.swaps.append(entries.swap)
                if let credit = entries.credit { updated.credits.append(credit) }
                return updated
            case let .failure(refusal):
                throw CommandFailure(message: refusal.message, hint: refusal.hint)
            }
        }
        guard let recorded else { return }
        let credit = recorded.credit.map { " (+\($0.days) PTO credit)" } ?? ""
        print("Recorded in \(ledgerPath): \(recorded.summary)\(credit).")
    }
}
