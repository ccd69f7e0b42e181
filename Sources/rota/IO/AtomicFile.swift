import Foundation

/// Atomic writes that leave unchanged files alone, shared by `rota export` and `rota runbooks`.
enum AtomicFile {
    /// Replaces `file` atomically (a temporary file, then a rename) when `bytes` differ from what it
    /// holds; true when it wrote.
    ///
    /// An unchanged file keeps its modification time, so tools that watch the folder see no change.
    ///
    /// The files are what rota derives (feeds, pages, runbooks), written again by the next run, so they are not
    /// flushed to disk one by one: Foundation's atomic write calls fsync for each, which made an export of 500 teams
    /// (6,500 files) wait on the disk for a third of its time. A reader still sees the old file or the new one, never
    /// part of one; after a crash, a file may be empty, and `rota export` then writes it again (its record of inputs
    /// compares every file's size).
    static func writeIfChanged(_ bytes: Data, to file: URL) throws -> Bool {
        try bytes.withUnsafeBytes { try writeIfChanged($0, to: file.path) }
    }

    /// ``writeIfChanged(_:to:)`` for bytes an export made as an array (feeds, the state): no copy into `Data`.
    static func writeIfChanged(_ bytes: [UInt8], to path: String) throws -> Bool {
        try bytes.withUnsafeBytes { try writeIfChanged($0, to: path) }
    }

    private static func writeIfChanged(_ bytes: UnsafeRawBufferPointer, to path: String) throws -> Bool {
        if holds(path, bytes) { return false }
        try replace(path, with: bytes)
        return true
    }

    /// Whether the file at `path` holds exactly `bytes`; false when it cannot be read.
    ///
    /// The size is compared first (from `fstat`), so a changed feed is not read at all, and a missing one costs
    /// one failed `open`.
    private static func holds(_ path: String, _ bytes: UnsafeRawBufferPointer) -> Bool {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, Int(status.st_size) == bytes.count else { return false }
        guard let expected = bytes.baseAddress, !bytes.isEmpty else { return true }
        let chunk = 1 << 16
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: chunk, alignment: 16)
        defer { buffer.deallocate() }
        var offset = 0
        while offset < bytes.count {
            let count = read(descriptor, buffer, min(chunk, bytes.count - offset))
            if count < 0, errno == EINTR { continue }
            guard count > 0, memcmp(buffer, expected + offset, count) == 0 else { return false }
            offset += count
        }
        // A file that grew since fstat holds more than `bytes`.
        return read(descriptor, buffer, 1) == 0
    }

    /// Why a file could not be written, as `strerror` says it.
    struct WriteFailure: LocalizedError {
        let path: String
        let reason: String

        var errorDescription: String? { "\(path): \(reason)" }
    }

    /// Writes `bytes` to a temporary file beside `path` (named after it and this process), then renames it over `path`.
    private static func replace(_ path: String, with buffer: UnsafeRawBufferPointer) throws {
        let slash = path.lastIndex(of: "/").map { path.index(after: $0) } ?? path.startIndex
        let temporary = String(path[..<slash]) + "." + String(path[slash...]) + ".rota-tmp-\(getpid())"
        func failure(_ at: String) -> WriteFailure { WriteFailure(path: at, reason: String(cString: strerror(errno))) }
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw failure(temporary) }
        var written = 0
        var complete = true
        while written < buffer.count {
            let count = write(descriptor, buffer.baseAddress?.advanced(by: written), buffer.count - written)
            if count < 0, errno == EINTR { continue }
            guard count > 0 else {
                complete = false
                break
            }
            written += count
        }
        let closed = close(descriptor) == 0
        guard complete, closed else {
            let error = failure(temporary)
            unlink(temporary)
            throw error
        }
        guard rename(temporary, path) == 0 else {
            let error = failure(path)
            unlink(temporary)
            throw error
        }
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
