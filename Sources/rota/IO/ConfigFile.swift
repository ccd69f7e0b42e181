import ArgumentParser
import Foundation
import RotaModel

/// Finds, reads and validates the team config named on the command line.
enum ConfigFile {
    /// The config rota uses when none is given: the team from the brief, bundled with the repository.
    static let bundledPath = "fixtures/team.yaml"

    /// Loads the config at `path`, or prints every problem to standard error and throws exit code 2.
    static func load(_ path: String) throws -> TeamConfig {
        var standardError = StandardError()
        if path == ConfigLookup.nothingFound {
            let places = ConfigLookup.places(environment: ProcessInfo.processInfo.environment)
            let listed = places.map { "  \($0.path) (\($0.note))" }.joined(separator: "\n")
            print(
                "error: no config found; rota looked for --config, $ROTA_CONFIG, then:\n\(listed)\n"
                    + "hint: run rota init to write a starter ./rota.yaml, or pass --config FILE (or set ROTA_CONFIG)",
                to: &standardError
            )
            throw ExitCode.rotaError
        }
        let bytes: [UInt8]
        switch BoundedFileReader.read(path, limit: ConfigLoader.maximumBytes) {
        case let .success(read):
            bytes = read
        case let .failure(.tooLarge(byteCount)):
            let error = ConfigLoader.tooLargeError(byteCount: byteCount, file: path)
            DiagnosticPrinter.print(error.diagnostics, file: path, to: &standardError)
            throw ExitCode.rotaError
        case let .failure(.cannotOpen(reason)):
            let hint =
                path == bundledPath
                ? "pass --config FILE (or set ROTA_CONFIG), or run rota init to write a starter ./rota.yaml"
                : "check the path given to --config"
            print("\(path): error: cannot read config: \(reason)\nhint: \(hint)", to: &standardError)
            throw ExitCode.rotaError
        case .failure(.isDirectory):
            print(
                "\(path): error: is a directory, not a config file\nhint: pass the YAML file itself, e.g. \(path)/team.yaml",
                to: &standardError
            )
            throw ExitCode.rotaError
        }
        let config: TeamConfig
        do {
            config = try ConfigLoader.load(bytes: bytes, file: path)
        } catch {
            DiagnosticPrinter.print(error.diagnostics, file: path, to: &standardError)
            throw ExitCode.rotaError
        }
        return try HolidayCalendarFiles.resolve(config, configPath: path)
    }
}
