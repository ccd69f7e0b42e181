import Foundation
import RotaModel

/// The state file of `rota notify`, `<ledger>.notified.json` beside the ledger: the key of every message the
/// receiver accepted, with the `--at` moment it went out.
///
/// JSON, keys sorted, one entry per message; written to a temporary file and renamed over the old one after every
/// accepted message, so a run that is killed loses nothing it marked. `rota notify` holds the lock
/// `.<ledger>.notified.json.lock` from reading it to its last write.
struct NotifiedFile: Codable, Equatable {
    struct Entry: Codable, Equatable {
        let key: String
        let at: String
    }

    var sent: [Entry]

    /// The state file that belongs to the ledger at `ledgerPath`.
    static func path(forLedger ledgerPath: String) -> String { ledgerPath + ".notified.json" }

    /// Whether a message with `key` went out already.
    func contains(_ key: String) -> Bool { sent.contains { $0.key == key } }

    /// Reads the file; an absent file is an empty one.
    ///
    /// - Throws: `CommandFailure` when it cannot be read or is not a state file.
    static func load(_ path: String) throws -> NotifiedFile {
        guard FileManager.default.fileExists(atPath: path) else { return NotifiedFile(sent: []) }
        guard case let .success(bytes) = BoundedFileReader.read(path, limit: 16 << 20),
            let state = try? JSONDecoder().decode(NotifiedFile.self, from: Data(bytes))
        else {
            throw CommandFailure(
                message: "cannot read the notify state file",
                hint: "it should hold {\"sent\": [{\"key\": ..., \"at\": ...}]}; move it away to start afresh "
                    + "(every due message then goes out again)",
                at: path
            )
        }
        return state
    }

    /// Adds `keys` sent at `moment` and writes the file atomically, once for all of them.
    ///
    /// - Throws: `CommandFailure` when the folder cannot be written.
    mutating func mark(_ keys: [String], at moment: LocalDateTime, path: String) throws {
        guard !keys.isEmpty else { return }
        sent += keys.map { Entry(key: $0, at: moment.description) }
        sent.sort { ($0.key, $0.at) < ($1.key, $1.at) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        do {
            try (encoder.encode(self) + Data("\n".utf8)).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw CommandFailure(
                message: "cannot write the notify state file: \(error.localizedDescription)",
                hint: "check that the ledger's folder is writable; the message went out and may go out again",
                at: path
            )
        }
    }
}
