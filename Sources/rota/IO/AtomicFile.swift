import Foundation

/// Atomic writes that leave unchanged files alone, shared by `rota export` and `rota runbooks`.
enum AtomicFile {
    /// Replaces `file` atomically (a temporary file, then a rename) when `bytes` differ from what it
    /// holds; true when it wrote.
    ///
    /// An unchanged file keeps its modification time, so tools that watch the folder see no change.
    static func writeIfChanged(_ bytes: Data, to file: URL) throws -> Bool {
        if let existing = try? Data(contentsOf: file), existing == bytes { return false }
        try bytes.write(to: file, options: .atomic)
        return true
    }
}

extension AtomicFile {
    /// Writes `bytes` to a new file at `path`, complete or not at all, and never over an existing file:
    /// false when `path` already exists.
    ///
    /// The bytes go to a temporary file beside it, which is then hard-linked to `path`; `link` fails when
    /// `path` exists, so a file created meanwhile by someone else is never replaced.
    ///
    /// - Throws: `CommandFailure` when the folder cannot be written.
    static func createNew(_ bytes: Data, at path: String) throws -> Bool {
        if FileManager.default.fileExists(atPath: path) { return false }
        let file = URL(fileURLWithPath: path)
        let temporary = file.deletingLastPathComponent()
            .appendingPathComponent(".\(file.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        do {
            try bytes.write(to: temporary)
        } catch {
            throw CommandFailure(
                message: "cannot write \(path): \(error.localizedDescription)",
                hint: "check that the folder exists and is writable, or pass --out FILE"
            )
        }
        defer { unlink(temporary.path) }
        guard link(temporary.path, path) == 0 else {
            if errno == EEXIST { return false }
            let reason = String(cString: strerror(errno))
            throw CommandFailure(
                message: "cannot write \(path): \(reason)",
                hint: "check that the folder exists and is writable, or pass --out FILE"
            )
        }
        return true
    }
}
