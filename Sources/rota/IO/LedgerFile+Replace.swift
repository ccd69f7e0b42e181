import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension LedgerFile {
    /// Replaces the ledger at `location` with `bytes`: writes `.<name>.rota-tmp-<pid>` in the same
    /// folder, flushes it to disk, and renames it over the ledger, so a crash, a kill or a full disk
    /// leaves either the old ledger or the new one, never half of one.
    ///
    /// An existing ledger keeps its permission bits (and its owner, where the process may set it).
    /// The temporary file is removed on any failure. Call it holding the `LedgerLock`.
    ///
    /// - Throws: `LedgerFileError` `.cannotWrite`, naming `displayPath`; the old ledger is unchanged.
    static func replace(
        _ location: LedgerLocation,
        with bytes: [UInt8],
        displayPath: String
    ) throws(LedgerFileError) {
        var existing = stat()
        let keeps = stat(location.path, &existing) == 0 ? existing : nil
        let temporary = location.temporaryPath(pid: getpid())
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else {
            throw .cannotWrite(displayPath, reason: "cannot create \(temporary): \(String(cString: strerror(errno)))")
        }
        let failure = fill(descriptor, with: bytes, keeping: keeps)
        let closeFailure = close(descriptor) == 0 ? nil : String(cString: strerror(errno))
        if let reason = failure ?? closeFailure {
            _ = unlink(temporary)
            throw .cannotWrite(displayPath, reason: "\(reason) (writing \(temporary))")
        }
        guard rename(temporary, location.path) == 0 else {
            let reason = String(cString: strerror(errno))
            _ = unlink(temporary)
            throw .cannotWrite(displayPath, reason: "\(reason) (renaming \(temporary) over it)")
        }
        // The rename is durable once the folder's entry is on disk; the ledger is correct either way.
        let folder = open(location.folder.isEmpty ? "." : location.folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if folder >= 0 {
            _ = fsync(folder)
            _ = close(folder)
        }
    }

    /// Removes the temporary files a killed `--record` left beside the ledger at `location`.
    ///
    /// Every writer holds the lock while its temporary file exists, so under the lock any such file
    /// is a leftover. Files that cannot be removed are left; the next write does not need them gone.
    static func removeLeftoverTemporaryFiles(_ location: LedgerLocation) {
        let folder = location.folder.isEmpty ? "." : location.folder
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in location.temporaryNames(in: names) {
            _ = unlink(location.folder + name)
        }
    }

    /// Sets the kept owner and mode, writes every byte and flushes; the failure's reason, or nil.
    private static func fill(_ descriptor: Int32, with bytes: [UInt8], keeping existing: stat?) -> String? {
        if let existing {
            // Owner first: changing it clears set-id bits that the mode then restores.
            _ = fchown(descriptor, existing.st_uid, existing.st_gid)
            guard fchmod(descriptor, existing.st_mode & 0o7777) == 0 else { return String(cString: strerror(errno)) }
        }
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer in
                write(descriptor, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                return String(cString: strerror(errno))
            }
            offset += written
        }
        guard fsync(descriptor) == 0 else { return String(cString: strerror(errno)) }
        return nil
    }
}
