import Foundation

extension ExportCommand {
    /// Writes every team of `rota export --config DIR`, then the organisation's page.
    ///
    /// Each team's feeds, index and schedule page go into `OUT/<team file name>/`, then `OUT/index.html` links every
    /// team's (a team that could not be exported is listed with the command that shows why). Exit 2 after every
    /// other team was written when a team failed.
    func exportFolder(_ folder: TeamFolder, base: String?) async throws {
        let (asOfOptions, out) = (asOfOptions, out)
        // Twice as many teams as cores: a team spends a fifth of its time in the kernel creating files, and the
        // other team on a core keeps it busy meanwhile (measured: 68% of two cores with one team per core).
        let results = await TeamRunner.run(folder.teams, width: 2 * ProcessInfo.processInfo.activeProcessorCount) {
            team in
            try await Self.export(
                team.configPath,
                ledgerPath: team.ledgerPath,
                asOf: asOfOptions,
                out: Self.teamFolder(out, team),
                base: base.map { $0 + team.slug + "/" }
            )
        }
        let failed = FolderOutput.printFailures(results, teams: folder.teams)
        let entries = zip(folder.teams, results).map { team, result in
            OrganisationPage.Entry(
                slug: team.slug,
                configPath: team.configPath,
                exported: try? result.get(),
                base: base
            )
        }
        do {
            try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
            _ = try AtomicFile.writeIfChanged(
                Data(OrganisationPage.render(entries).utf8),
                to: URL(fileURLWithPath: out).appendingPathComponent(OrganisationPage.fileName)
            )
        } catch {
            throw CommandFailure(
                message: "cannot write the organisation page: \(error.localizedDescription)",
                hint: "check that the folder is writable; the teams' feeds are written",
                at: out
            )
        }
        var totals = (written: 0, unchanged: 0, events: 0)
        for case let .success(exported) in results {
            verbosity.detail(exported.summary)
            totals = (
                totals.written + exported.written, totals.unchanged + exported.unchanged,
                totals.events + exported.events
            )
        }
        verbosity.note(
            "\(out): \(Plural.count(results.count - failed.count, "team")) exported, \(totals.written) feed"
                + "\(totals.written == 1 ? "" : "s") written, \(totals.unchanged) unchanged (\(totals.events) events); "
                + "\(out)/\(OrganisationPage.fileName) links every team's schedule page"
        )
        try FolderOutput.requireAllUsable(failed: failed, of: folder.teams.count, doing: "exported")
    }

    /// Where one team's files go: a subfolder named after its config file.
    static func teamFolder(_ out: String, _ team: TeamFolder.Team) -> String {
        (out.hasSuffix("/") ? out : out + "/") + team.slug
    }
}
