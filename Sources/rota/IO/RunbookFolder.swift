import Foundation
import Runbooks

/// The folder `rota runbooks` writes: one file per rendered document.
struct RunbookFolder {
    /// The folder, as `--out` gives it.
    let path: String

    /// Writes each document whose bytes changed, atomically; returns how many were written and left alone.
    ///
    /// Files that no document names (a pipeline removed from the config) are left where they are.
    func write(_ documents: [RunbookDocument]) throws -> (written: Int, unchanged: Int) {
        let url = URL(fileURLWithPath: path, isDirectory: true)
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            var written = 0
            for document in documents
            where try AtomicFile.writeIfChanged(
                Data(document.text.utf8),
                to: url.appendingPathComponent(document.fileName)
            ) {
                written += 1
            }
            return (written, documents.count - written)
        } catch {
            throw CommandFailure(
                message: "cannot write the runbooks: \(error.localizedDescription)",
                hint: "check that the folder is writable; runbooks already written are complete files",
                at: path
            )
        }
    }
}
