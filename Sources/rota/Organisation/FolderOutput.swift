/// How a command over a folder of teams prints its results and ends.
///
/// Each team's output goes to standard output under a `== FILE ==` header, in the folder's order; each broken team's
/// errors go to standard error at its place, already naming its file. When any team failed, the run ends with one
/// error naming them all (exit 2) after every other team was done.
enum FolderOutput {
    /// The line above a team's output.
    static func header(_ team: TeamFolder.Team) -> String { "== \(team.configPath) ==" }

    /// Prints every team's text in folder order (or its failure on standard error) and returns the failed teams.
    static func print(_ results: [Result<String, CommandFailure>], teams: [TeamFolder.Team]) -> [TeamFolder.Team] {
        var failed: [TeamFolder.Team] = []
        for (team, result) in zip(teams, results) {
            switch result {
            case let .success(text):
                Swift.print(
                    header(team) + "\n" + text,
                    terminator: text.hasSuffix("\n") || text.isEmpty ? "\n" : "\n\n"
                )
            case let .failure(failure):
                var standardError = StandardError()
                Swift.print(failure.description, to: &standardError)
                failed.append(team)
            }
        }
        return failed
    }

    /// Prints each broken team's errors on standard error, in folder order, and returns those teams (for JSON output,
    /// where the teams' documents go to standard output as one).
    static func printFailures<Output>(
        _ results: [Result<Output, CommandFailure>],
        teams: [TeamFolder.Team]
    ) -> [TeamFolder.Team] {
        var failed: [TeamFolder.Team] = []
        var standardError = StandardError()
        for (team, result) in zip(teams, results) {
            if case let .failure(failure) = result {
                Swift.print(failure.description, to: &standardError)
                failed.append(team)
            }
        }
        return failed
    }

    /// One JSON document for the whole folder: `{"teams": [{"config": FILE, KEY: ...} or {"config": FILE, "error":
    /// TEXT}, ...]}` plus `extra` members, each team's document as the single-team command prints it.
    ///
    /// Assembled from the teams' own JSON text (valid JSON, re-indented), so each team's part reads exactly as
    /// `--config FILE` prints it; members are in sorted order like every rota JSON.
    static func json(
        _ results: [Result<String, CommandFailure>],
        teams: [TeamFolder.Team],
        key: String,
        extra: [(key: String, json: String)] = []
    ) -> String {
        var entries: [String] = []
        for (team, result) in zip(teams, results) {
            let config = "      \"config\" : \(quoted(team.configPath))"
            switch result {
            case let .success(json):
                entries.append("    {\n\(config),\n      \(quoted(key)) : \(indented(json, by: 6))\n    }")
            case let .failure(failure):
                entries.append("    {\n\(config),\n      \"error\" : \(quoted(failure.description))\n    }")
            }
        }
        var members = extra.map { "  \(quoted($0.key)) : \(indented($0.json, by: 2))" }
        members.append("  \"teams\" : [\n" + entries.joined(separator: ",\n") + "\n  ]")
        return "{\n" + members.sorted().joined(separator: ",\n") + "\n}\n"
    }

    /// Ends the run: nothing when every team worked; otherwise one failure naming the broken teams (exit 2).
    static func requireAllUsable(failed: [TeamFolder.Team], of count: Int, doing what: String) throws {
        guard !failed.isEmpty else { return }
        let names = failed.map(\.configPath).joined(separator: ", ")
        throw CommandFailure(
            message: "\(failed.count) of \(Plural.count(count, "team")) could not be \(what): \(names)",
            hint: "each team's errors are printed above it; the other teams were \(what) in full"
        )
    }

    /// A JSON string literal, escaped as every rota JSON escapes it.
    static func quoted(_ text: String) -> String {
        (try? JSONOutput.encode(text)).map { String($0.dropLast()) } ?? "\"\""
    }

    /// `json` without its final newline, every line after the first indented by `spaces`.
    private static func indented(_ json: String, by spaces: Int) -> String {
        let pad = String(repeating: " ", count: spaces)
        let trimmed = json.hasSuffix("\n") ? String(json.dropLast()) : json
        return trimmed.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            .map { $0.offset == 0 ? String($0.element) : pad + $0.element }.joined(separator: "\n")
    }
}

extension FolderOutput {
    /// The whole of a folder command whose teams only print: runs `body` for every team, prints each team's text
    /// under its header (`--format table`) or one JSON document with each team's under `key`, then ends the run.
    ///
    /// - Throws: `CommandFailure` naming the teams that could not be used, after every team was done.
    static func run(
        _ folder: TeamFolder,
        format: OutputFormat,
        key: String,
        doing what: String,
        _ body: @escaping @Sendable (TeamFolder.Team) async throws -> String
    ) async throws {
        let results = await TeamRunner.run(folder.teams, body)
        let failed: [TeamFolder.Team]
        switch format {
        case .table:
            failed = print(results, teams: folder.teams)
        case .json:
            Swift.print(json(results, teams: folder.teams, key: key), terminator: "")
            failed = printFailures(results, teams: folder.teams)
        }
        try requireAllUsable(failed: failed, of: folder.teams.count, doing: what)
    }
}
