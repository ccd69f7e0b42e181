import Foundation
import RotaModel

/// Finds, reads and validates the team config named on the command line.
enum ConfigFile {
    /// The config rota uses when none is given: the team from the brief, bundled with the repository.
    static let bundledPath = "fixtures/team.yaml"

    /// Loads the config at `path`, with the holidays of the calendars it names (which may be URLs, hence async).
    ///
    /// - Throws: `CommandFailure` with every problem found, when the config cannot be used.
    static func load(_ path: String) async throws -> TeamConfig {
        try await loadWithBytes(path).config
    }

    /// Loads the config at `path` like ``load(_:)``, and hands back the bytes it read, so that a caller that needs
    /// them too (the export's input fingerprint) neither reads the file again nor sees a different version of it.
    ///
    /// - Throws: `CommandFailure` with every problem found, when the config cannot be used.
    static func loadWithBytes(_ path: String) async throws -> (config: TeamConfig, bytes: [UInt8]) {
        if path == ConfigLookup.nothingFound {
            let places = ConfigLookup.places(environment: ProcessInfo.processInfo.environment)
            let listed = places.map { "  \($0.path) (\($0.note))" }.joined(separator: "\n")
            throw CommandFailure(
                message: "no config found; rota looked for --config, $ROTA_CONFIG, then:\n\(listed)",
                hint: "run rota init to write a starter ./rota.yaml, or pass --config FILE (or set ROTA_CONFIG)"
            )
        }
        let bytes: [UInt8]
        switch BoundedFileReader.read(path, limit: ConfigLoader.maximumBytes) {
        case let .success(read):
            bytes = read
        case let .failure(.tooLarge(byteCount)):
            let error = ConfigLoader.tooLargeError(byteCount: byteCount, file: path)
            throw CommandFailure(diagnostics: error.diagnostics, file: path)
        case let .failure(.cannotOpen(reason)):
            let hint =
                path == bundledPath
                ? "pass --config FILE (or set ROTA_CONFIG), or run rota init to write a starter ./rota.yaml"
                : "check the path given to --config"
            throw CommandFailure(message: "cannot read config: \(reason)", hint: hint, at: path)
        case .failure(.isDirectory):
            let example = (try? TeamFolder(path: path))?.teams.first?.configPath ?? "\(path)/team.yaml"
            throw CommandFailure(
                message: "is a directory, and this command works on one team's config",
                hint: "pass one team's YAML file, e.g. \(example) (check, plan, report, now, export, runbooks "
                    + "and push take a folder of teams)",
                at: path
            )
        }
        let config: TeamConfig
        do {
            config = try ConfigLoader.load(bytes: bytes, file: path)
        } catch {
            throw CommandFailure(diagnostics: error.diagnostics, file: path)
        }
        return (try await HolidayCalendarFiles.resolve(config, configPath: path), bytes)
    }
}
