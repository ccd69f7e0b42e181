import ArgumentParser
import Foundation

/// `--config FILE`, shared by every command that reads the team config.
struct ConfigOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The team config (YAML), or a folder of team configs.",
            discussion: "Defaults to $ROTA_CONFIG when set, else ./rota.yaml, else $XDG_CONFIG_HOME/rota/rota.yaml "
                + "(~/.config/rota/rota.yaml), else the bundled fixtures/team.yaml inside rota's repository. "
                + "A folder is an organisation: every *.yaml in it is one team, its ledger beside it "
                + "(docs/organisations.md).",
            valueName: "file"
        )
    )
    var config: String?

    /// The path to read (`ConfigLookup`), or `ConfigLookup.nothingFound`, which `ConfigFile.load` reports.
    var path: String {
        ConfigLookup.path(flag: config, environment: ProcessInfo.processInfo.environment)
    }
}
