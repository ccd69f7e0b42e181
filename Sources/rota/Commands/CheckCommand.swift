import ArgumentParser
import RotaModel

/// `rota check`: validate the config and show who owns what.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate the team config and print the ownership matrix.",
        discussion: """
            Reads the config and reports every problem at once, each as file:line:col with the offending \
            line and a hint: unknown keys, wrong types, unknown engineers, duplicate ids, ownership outside \
            the configured bounds, investor-facing pipelines without a backup, monitoring or failure modes, \
            overlapping PTO, unknown time zones, and more.

            On success prints each engineer's primary and secondary pipelines with counts and exits 0; \
            with problems prints them to standard error and exits 2.

            Examples:
              rota check
              rota check --config team.yaml
            """
    )

    @OptionGroup var options: ConfigOptions

    func run() throws {
        let path = options.path
        let config = try ConfigFile.load(path)
        print(OwnershipMatrix(config: config, file: path).render(), terminator: "")
    }
}
