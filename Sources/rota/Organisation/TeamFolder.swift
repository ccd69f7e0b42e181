import Foundation

/// An organisation: a folder whose team configs (`*.yaml`, `*.yml`) are one team each, every ledger beside its config.
///
/// `--config DIR` names such a folder. Ledgers (`*.ledger.yaml`) and hidden files are not teams; subfolders are not
/// read, so a team's outputs or notes can live next to the configs without being taken for teams.
struct TeamFolder: Sendable {
    /// One team of the folder.
    struct Team: Sendable, Equatable {
        /// The config file, as the folder path given plus its name: how every message names the team.
        let configPath: String
        /// The ledger beside it (`payments.yaml` -> `payments.ledger.yaml`).
        let ledgerPath: String
        /// The config's name without `.yaml`/`.yml`: the team's subfolder in `export` and `runbooks` output.
        let slug: String
    }

    /// The folder as given on the command line.
    let path: String
    /// The teams, in file-name order, so every run lists them the same way.
    let teams: [Team]

    /// Whether `path` names a folder (following symbolic links).
    static func isFolder(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// Whether a file name in the folder is a team config.
    static func isTeamConfig(_ name: String) -> Bool {
        guard !name.hasPrefix("."), name.hasSuffix(".yaml") || name.hasSuffix(".yml") else { return false }
        return !name.hasSuffix(".ledger.yaml") && !name.hasSuffix(".ledger.yml")
    }

    /// The teams of the folder at `path`.
    ///
    /// - Throws: `CommandFailure` when the folder cannot be listed or holds no team config.
    init(path: String) throws {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: path)
        } catch {
            throw CommandFailure(
                message: "cannot list the team folder: \((error as NSError).localizedDescription)",
                hint: "check the folder given to --config",
                at: path
            )
        }
        let folder = path.hasSuffix("/") ? path : path + "/"
        let teams = names.filter(Self.isTeamConfig).sorted().compactMap { name -> Team? in
            let configPath = folder + name
            guard !Self.isFolder(configPath) else { return nil }
            let slug = String(name[..<(name.lastIndex(of: ".") ?? name.endIndex)])
            return Team(configPath: configPath, ledgerPath: folder + slug + ".ledger.yaml", slug: slug)
        }
        guard !teams.isEmpty else {
            throw CommandFailure(
                message: "the folder holds no team config (*.yaml or *.yml, other than *.ledger.yaml)",
                hint: "put one YAML file per team in the folder (rota init --out DIR/TEAM.yaml writes a starter), "
                    + "or pass --config FILE for one team",
                at: path
            )
        }
        for (team, next) in zip(teams, teams.dropFirst()) where team.slug == next.slug {
            throw CommandFailure(
                message: "\(team.configPath) and \(next.configPath) would share one ledger (\(team.ledgerPath)) and "
                    + "one output folder (\(team.slug)/)",
                hint: "rename one of them: each team's file name must differ without its .yaml or .yml",
                at: path
            )
        }
        self.path = path
        self.teams = teams
    }
}
