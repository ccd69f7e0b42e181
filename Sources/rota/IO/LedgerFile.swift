import ArgumentParser
import Foundation
import RotaModel

/// Reads and writes the ledger file next to the config.
enum LedgerFile {
    /// The ledger at `path` checked against `config`, or `Ledger.empty` when the file does not exist yet.
    ///
    /// Prints every problem and throws exit code 2 when it cannot be used.
    static func load(_ path: String, config: TeamConfig, asOf: LocalDate) throws -> Ledger {
        var standardError = StandardError()
        guard FileManager.default.fileExists(atPath: path) else { return .empty }
        let bytes: [UInt8]
        switch BoundedFileReader.read(path, limit: LedgerLoader.maximumBytes) {
        case let .success(read):
            bytes = read
        case let .failure(.cannotOpen(reason)):
            print(
                "\(path): error: cannot read ledger: \(reason)\nhint: check the path given to --ledger",
                to: &standardError
            )
            throw ExitCode.rotaError
        case .failure(.isDirectory):
            print(
                "\(path): error: is a directory, not a ledger file\nhint: pass the ledger's YAML file",
                to: &standardError
            )
            throw ExitCode.rotaError
        case let .failure(.tooLarge(byteCount)):
            let error = LedgerLoader.tooLargeError(byteCount: byteCount, file: path)
            DiagnosticPrinter.print(error.diagnostics, file: path, to: &standardError, what: "ledger")
            throw ExitCode.rotaError
        }
        do {
            return try LedgerLoader.load(bytes: bytes, file: path, config: config, asOf: asOf)
        } catch {
            DiagnosticPrinter.print(error.diagnostics, file: path, to: &standardError, what: "ledger")
            throw ExitCode.rotaError
        }
    }

    /// Writes `ledger` to `path` atomically: a temporary file in the same folder, then a rename, so a
    /// crash or a full disk never leaves half a ledger.
    static func write(_ ledger: Ledger, team: String, to path: String) throws {
        do {
            try Data(LedgerWriter.text(ledger, team: team).utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            var standardError = StandardError()
            print(
                "\(path): error: cannot write ledger: \(error.localizedDescription)\n"
                    + "hint: check that the folder exists and is writable; nothing was recorded",
                to: &standardError
            )
            throw ExitCode.rotaError
        }
    }
}
