import ArgumentParser
import Foundation

/// `--config FILE`, shared by every command that reads the team config.
struct ConfigOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The team config (YAML).",
            discussion: "Defaults to $ROTA_CONFIG when set, else the bundled fixtures/team.yaml.",
            valueName: "file"
        )
    )
    var config: String?

    /// The path to read: the flag, then `ROTA_CONFIG`, then the bundled config.
    var path: String {
        if let config { return config }
        if let fromEnvironment = ProcessInfo.processInfo.environment["ROTA_CONFIG"], !fromEnvironment.isEmpty {
            return fromEnvironment
        }
        return ConfigFile.bundledPath
    }
}
