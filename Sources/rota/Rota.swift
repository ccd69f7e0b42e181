import ArgumentParser
import Foundation

/// The `rota` command: one reviewed config file in, a fair on-call schedule and everything derived
/// from it out.
@main
struct Rota: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rota",
        abstract: "Fair on-call schedules, calendars and runbooks from one team config.",
        discussion: """
            rota reads a team config (YAML: engineers, pipelines, owners, rotation, holidays) and derives \
            the on-call schedule and everything built from it. Without --config it reads $ROTA_CONFIG, \
            ./rota.yaml, ~/.config/rota/rota.yaml, or, inside rota's repository, the bundled \
            fixtures/team.yaml; rota init writes a starter config.

            Exit codes: 0 success, 1 differences found (diff, push) or an open scheduling conflict (check), \
            2 errors (bad config, bad usage, I/O).
            """,
        version: RotaVersion.current,
        subcommands: [
            CheckCommand.self, PlanCommand.self, ExportCommand.self, ReportCommand.self, HolidaysCommand.self,
            ServeCommand.self, RunbooksCommand.self, PushCommand.self, DiffCommand.self, SwapCommand.self,
            NowCommand.self, NotifyCommand.self, InitCommand.self,
        ]
    )

    /// Runs the command line.
    ///
    /// Unlike argument-parser's default, usage errors exit with 2, as every rota error does, so scripts can tell errors
    /// (2) from differences (1). A misspelt subcommand gets a did-you-mean before anything is parsed.
    static func main() async {
        do {
            if let misspelt = misspeltSubcommand(in: Array(CommandLine.arguments.dropFirst())) {
                throw CommandFailure(
                    message: "unknown command '\(misspelt.given)'; did you mean '\(misspelt.suggestion)'?",
                    hint: "rota --help lists the commands"
                )
            }
            var command = try parseAsRoot()
            if var asynchronous = command as? any AsyncParsableCommand {
                try await asynchronous.run()
            } else {
                try command.run()
            }
        } catch let exit as ExitCode {
            Foundation.exit(exit.rawValue)
        } catch let failure as CommandFailure {
            var standardError = StandardError()
            print(failure.description, to: &standardError)
            Foundation.exit(ExitCode.rotaError.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code.isSuccess { Self.exit(withError: error) }
            var standardError = StandardError()
            print(fullMessage(for: error), to: &standardError)
            Foundation.exit(ExitCode.rotaError.rawValue)
        }
    }
}

extension ExitCode {
    /// Every error exits with 2; 1 is kept for "differences found".
    static let rotaError = ExitCode(2)
}
