package import RotaModel

/// The names of the feeds rota publishes; each is also the file name without `.ics`.
package enum FeedNames {
    package static let team = "team"

    package static func engineer(_ id: EngineerID) -> String { "engineer-\(id.rawValue)" }

    package static func pipeline(_ id: PipelineID) -> String { "pipeline-\(id.rawValue)" }

    package static func isEngineerFeed(_ name: String) -> Bool { name.hasPrefix("engineer-") }

    /// Every feed of a config, in a fixed order: team, engineers in file order, pipelines in file order.
    package static func all(_ config: TeamConfig) -> [String] {
        [team] + config.engineers.map { engineer($0.id) } + config.pipelines.map { pipeline($0.id) }
    }
}
