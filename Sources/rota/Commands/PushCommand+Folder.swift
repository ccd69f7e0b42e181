import ArgumentParser
import Foundation
import RotaModel

extension PushCommand {
    /// `rota push --config DIR --server URL`: each team, in file-name order, into its own calendar (found, or with
    /// `--create` made, by its `feeds.calendar_name`) over one connection, under one `--deadline`.
    ///
    /// Teams are pushed one after another, so the server sees one team's writes at a time. A team that cannot be
    /// pushed (a broken config, two teams naming one calendar, a server refusal) is reported at its place and the
    /// others go on; the run then exits 2. Otherwise it exits 1 when any team had drift left alone (or, with
    /// `--dry-run`, anything to write).
    func pushFolder(_ folder: TeamFolder, until deadline: ContinuousClock.Instant) async throws {
        let asOf = asOfOptions
        var results: [Result<Outcome, CommandFailure>] = []
        var calendars: [String: String] = [:]
        try await CalDAVConnection.using(calDAV, output: verbosity) { connection in
            for team in folder.teams {
                do {
                    let plan = try await SyncPlan.load(
                        config: team.configPath,
                        ledger: { _ in team.ledgerPath },
                        asOf: asOf
                    )
                    let name = plan.config.feeds.calendarName
                    if let other = calendars[name.lowercased()] {
                        throw CommandFailure(
                            message: "its calendar \"\(name)\" is also \(other)'s, so push would mix two teams' events",
                            hint: "give each team its own feeds.calendar_name",
                            at: team.configPath
                        )
                    }
                    calendars[name.lowercased()] = team.configPath
                    results.append(.success(try outcome(of: try await push(plan, connection, until: deadline))))
                } catch let failure as CommandFailure {
                    results.append(.failure(failure))
                } catch {
                    results.append(.failure(CommandFailure(unexpected: error, at: team.configPath)))
                }
            }
        }
        let failed: [TeamFolder.Team]
        switch format {
        case .table: failed = FolderOutput.print(results.map { $0.map(\.text) }, teams: folder.teams)
        case .json:
            print(FolderOutput.json(results.map { $0.map(\.text) }, teams: folder.teams, key: "push"), terminator: "")
            failed = FolderOutput.printFailures(results, teams: folder.teams)
        }
        var standardError = StandardError()
        var notWritten: [TeamFolder.Team] = []
        for (team, result) in zip(folder.teams, results) {
            guard case let .success(outcome) = result else { continue }
            if let note = outcome.note { print("\(team.configPath): \(note)", to: &standardError) }
            if let failure = outcome.failure {
                print("\(team.configPath): \(failure.description)", to: &standardError)
                notWritten.append(team)
            }
        }
        try FolderOutput.requireAllUsable(failed: failed + notWritten, of: folder.teams.count, doing: "pushed")
        if results.contains(where: { (try? $0.get().differs) == true }) { throw ExitCode(1) }
    }
}
