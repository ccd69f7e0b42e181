import ArgumentParser
import Foundation
import RotaModel
import Runbooks

/// `rota runbooks`: write a runbook per investor-facing pipeline, in Markdown and printable HTML.
struct RunbooksCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "runbooks",
        abstract: "Write a runbook (Markdown and HTML) for every pipeline that reports to investors.",
        discussion: """
            Each runbook holds the pipeline's purpose and consumers, business area, owners and escalation \
            chain (on call, primary, secondary), who is on call at noon of --as-of and next, the holiday \
            backups inside the holiday lead time, upstream sources, the landing deadline, the monitoring \
            points with their thresholds, and the failure modes with their symptoms, the monitoring \
            points that detect them, and remedies when the config gives them.

            Writes <pipeline-id>.md and <pipeline-id>.html plus index.md and index.html to --out. Each \
            file is written atomically (a temporary file, then a rename), and only when its bytes changed. \
            The HTML pages are self-contained (inline CSS, no scripts) and print cleanly. The same --as-of \
            gives byte-identical files. Set runbooks.url_base in the config to where the folder is \
            published, and the feed events link to the pages; rota serve serves them under /runbooks/.

            Examples:
              rota runbooks
              rota runbooks --out site/runbooks --format html --as-of 2026-11-30
              rota runbooks --all --format md
              rota runbooks --config teams/ --out site/runbooks   (each team into site/runbooks/<config name>/)
            """
    )

    /// Which files `--format` asks for.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case md, html, both

        var formats: Set<RunbookFormat> {
            switch self {
            case .md: return [.markdown]
            case .html: return [.html]
            case .both: return Set(RunbookFormat.allCases)
            }
        }
    }

    @OptionGroup var configOptions: ConfigOptions
    @OptionGroup var ledgerOptions: LedgerOptions
    @OptionGroup var asOfOptions: AsOfOptions
    @OptionGroup var verbosity: OutputOptions

    @Option(help: ArgumentHelp("The folder to write the runbooks to (created if missing).", valueName: "dir"))
    var out = "out/runbooks"

    @Option(help: "Markdown, HTML or both.")
    var format: Format = .both

    @Flag(help: "Also write runbooks for pipelines that do not report to investors.")
    var all = false

    func validate() throws {
        try ledgerOptions.requireNone(withFolder: configOptions.path)
    }

    func run() async throws {
        let configPath = configOptions.path
        let (asOfOptions, formats, all, kinds) = (
            asOfOptions, format.formats, all, format == .both ? "md and html" : format.rawValue
        )
        if TeamFolder.isFolder(configPath) {
            let folder = try TeamFolder(path: configPath)
            let results = await TeamRunner.run(folder.teams) { [out] team in
                try await Self.write(
                    team.configPath,
                    ledgerPath: team.ledgerPath,
                    asOfOptions,
                    out: (out.hasSuffix("/") ? out : out + "/") + team.slug,
                    formats: formats,
                    kinds: kinds,
                    all: all
                )
            }
            let failed = FolderOutput.printFailures(results, teams: folder.teams)
            for case let .success(summary) in results { verbosity.note(summary) }
            return try FolderOutput.requireAllUsable(failed: failed, of: folder.teams.count, doing: "written")
        }
        let summary = try await Self.write(
            configPath,
            ledgerPath: ledgerOptions.path(forConfig: configPath),
            asOfOptions,
            out: out,
            formats: formats,
            kinds: kinds,
            all: all
        )
        verbosity.note(summary)
    }

    /// Writes one team's runbooks and index to `out`; returns the summary line.
    ///
    /// - Throws: `CommandFailure` when the config or ledger cannot be used, or a file cannot be written.
    static func write(
        _ configPath: String,
        ledgerPath: String,
        _ asOfOptions: AsOfOptions,
        out: String,
        formats: Set<RunbookFormat>,
        kinds: String,
        all: Bool
    ) async throws -> String {
        let config = try await ConfigFile.load(configPath)
        let asOf = asOfOptions.date(in: config.rotation.timeZone)
        let ledger = try LedgerFile.load(ledgerPath, config: config, asOf: asOf)
        let runbooks = RunbookSet.runbooks(config: config, ledger: ledger, asOf: asOf, includeAll: all)
        let documents = RunbookSet.documents(runbooks, team: config.team, asOf: asOf, formats: formats)
        let report = try RunbookFolder(path: out).write(documents)
        return "\(out): \(Plural.count(report.written, "file")) written, \(report.unchanged) unchanged "
            + "(\(Plural.count(runbooks.count, "runbook")) and an index, \(kinds), as of \(asOf))"
    }
}
