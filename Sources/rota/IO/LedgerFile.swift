import Foundation
import RotaModel

/// Reads and writes the ledger file next to the config.
enum LedgerFile {
    /// The ledger at `path` checked against `config`, or `Ledger.empty` when the file does not exist yet.
    ///
    /// - Throws: `CommandFailure` with every problem found, when it cannot be used.
    static func load(_ path: String, config: TeamConfig, asOf: LocalDate) throws -> Ledger {
        guard FileManager.default.fileExists(atPath: path) else { return .empty }
        let bytes: [UInt8]
        switch BoundedFileReader.read(path, limit: LedgerLoader.maximumBytes) {
        case let .success(read):
            bytes = read
        case let .failure(.cannotOpen(reason)):
            throw CommandFailure(
                message: "cannot read ledger: \(reason)",
                hint: "check the path given to --ledger",
                at: path
            )
        case .failure(.isDirectory):
            throw CommandFailure(
                message: "is a directory, not a ledger file",
                hint: "pass the ledger's YAML file",
                at: path
            )
        case let .failure(.tooLarge(byteCount)):
            let error = LedgerLoader.tooLargeError(byteCount: byteCount, file: path)
            throw CommandFailure(diagnostics: error.diagnostics, file: path, what: "ledger")
        }
        do {
            return try LedgerLoader.load(bytes: bytes, file: path, config: config, asOf: asOf)
        } catch {
            throw CommandFailure(diagnostics: error.diagnostics, file: path, what: "ledger")
        }
    }

    /// Reads, changes and writes the ledger at `path` under the ledger lock, so concurrent
    /// `rota plan --record` runs take turns and none loses another's records.
    ///
    /// Takes the lock (waiting up to `ROTA_LEDGER_LOCK_TIMEOUT` seconds, default 30), removes the
    /// temporary files of killed runs, reads the ledger inside the lock, applies `transform`, writes
    /// the result atomically only when it differs, and releases the lock. A symbolic link is followed:
    /// the file it names is locked and replaced, and the link stays.
    ///
    /// - Returns: the ledger as read inside the lock, and as transformed (equal when nothing was written).
    /// - Throws: `CommandFailure`: the lock cannot be taken in time, the ledger
    ///   cannot be read or used, or it cannot be written (then the old ledger is unchanged). Whatever
    ///   `transform` throws.
    static func update(
        _ path: String,
        config: TeamConfig,
        asOf: LocalDate,
        _ transform: (Ledger) throws -> Ledger
    ) throws -> (before: Ledger, after: Ledger) {
        do {
            let timeout = try LedgerLock.timeout(in: ProcessInfo.processInfo.environment)
            let location = LedgerLocation(resolving: path)
            return try LedgerLock.withLock(location, timeout: timeout) {
                removeLeftoverTemporaryFiles(location)
                let before = try load(path, config: config, asOf: asOf)
                let after = try transform(before)
                if after != before {
                    try replace(
                        location,
                        with: Array(LedgerWriter.text(after, team: config.team).utf8),
                        displayPath: path
                    )
                }
                return (before, after)
            }
        } catch let error as LedgerFileError {
            throw CommandFailure(rendered: String(describing: error))
        }
    }
}
