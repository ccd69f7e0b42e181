import ArgumentParser
import Foundation
import RotaModel

/// `rota init`: write a commented starter config that `rota check` accepts as written.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a commented starter config.",
        discussion: """
            Writes a config for a weekly rotation of the given engineers (alice and bob when none is \
            given), each the primary owner of one placeholder pipeline and the secondary owner of another, \
            with comments on what to change. rota check accepts it as written. An existing file is never \
            overwritten.

            Examples:
              rota init
              rota init --team "Data Engineering" --engineer chen --engineer smith --engineer jones
              rota init --out ~/.config/rota/rota.yaml
            """
    )

    @OptionGroup var verbosity: OutputOptions

    @Option(help: "The team's name.")
    var team = "My team"

    @Option(
        name: .customLong("engineer"),
        help: ArgumentHelp(
            "An engineer's id (lowercase letters, digits and single hyphens); repeat for each engineer.",
            valueName: "id"
        )
    )
    var engineers: [String] = []

    @Option(help: ArgumentHelp("Where to write the config.", valueName: "file"))
    var out = "rota.yaml"

    @Option(
        help: ArgumentHelp(
            "The rotation's first hand-off (YYYY-MM-DD).",
            discussion: "Defaults to the Monday of this week (UTC).",
            valueName: "date"
        )
    )
    var start: DateArgument?

    /// The engineers to write: the ones given, or two placeholders.
    var chosenEngineers: [String] { engineers.isEmpty ? ["alice", "bob"] : engineers }

    func validate() throws {
        if team.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("--team must not be empty.")
        }
        var seen: Set<String> = []
        for id in engineers {
            guard IdentifierSyntax.isValid(id) else {
                throw ValidationError(
                    "--engineer '\(id)' is not a valid id: use lowercase letters, digits and single hyphens, "
                        + "starting with a letter (e.g. 'chen' or 'ana-maria')."
                )
            }
            guard seen.insert(id).inserted else {
                throw ValidationError("--engineer '\(id)' is given twice: each engineer needs their own id.")
            }
        }
    }

    func run() throws {
        let firstDay = start?.date ?? StarterConfig.start(onOrBefore: Today.dateInUTC())
        let text = StarterConfig.text(team: team, engineers: chosenEngineers, start: firstDay)
        try Self.createFolder(of: out)
        guard try AtomicFile.createNew(Data(text.utf8), at: out) else {
            throw CommandFailure(
                message: "\(out) already exists; rota init never overwrites a file",
                hint: "edit it and run rota check, or pass --out with a new file name"
            )
        }
        verbosity.note("Wrote \(out). Edit it, then run: rota check --config \(out)")
    }

    /// Creates the folders above `path` that are missing, as `mkdir -p` would: `rota init --out
    /// ~/.config/rota/rota.yaml` is the documented way to start a personal config, and that folder rarely exists yet.
    ///
    /// - Throws: ``CommandFailure`` naming the folder when it cannot be created (a file in the way, no permission).
    private static func createFolder(of path: String) throws {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw CommandFailure(
                message: "cannot create the folder \(folder.path) for \(path)",
                hint: "check that no file is in the way and that you may write there, or pass --out with another path"
            )
        }
    }
}
