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
