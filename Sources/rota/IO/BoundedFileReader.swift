#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a whole file, but never more than a limit: a config named by mistake may be a log of gigabytes
/// or `/dev/zero`, and reading must stop instead of filling memory or hanging.
enum BoundedFileReader {
    enum Failure: Error, Equatable {
        case cannotOpen(reason: String)
        case isDirectory
        /// More than the limit; `byteCount` is the size of a regular file, nil for a device or pipe.
        case tooLarge(byteCount: Int?)
    }

    /// Returns the file's bytes, or `.tooLarge` before reading or as soon as more than `limit` bytes have been read.
    static func read(_ path: String, limit: Int) -> Result<[UInt8], Failure> {
        let descriptor: Int32
        let regularSize: Int?
        switch open(path, limit: limit) {
        case let .success(opened): (descriptor, regularSize) = opened
        case let .failure(failure): return .failure(failure)
        }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        // Room for the whole file up front: growing by doubling would hold up to twice a large feed in memory.
        if let regularSize { bytes.reserveCapacity(regularSize) }
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return .failure(.cannotOpen(reason: String(cString: strerror(errno))))
            }
            if count == 0 { return .success(bytes) }
            bytes.append(contentsOf: chunk[..<count])
            if bytes.count > limit { return .failure(.tooLarge(byteCount: regularSize)) }
        }
    }

    /// Opens the file at `path` for reading, refusing a directory and a regular file larger than `limit` before
    /// any byte is read.
    ///
    /// - Returns: The open descriptor, which the caller closes, and the size of a regular file (nil for a device
    ///   or pipe).
    static func open(_ path: String, limit: Int) -> Result<(descriptor: Int32, regularSize: Int?), Failure> {
        let descriptor = Glibc.open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return .failure(.cannotOpen(reason: String(cString: strerror(errno)))) }
        var info = stat()
        let hasInfo = fstat(descriptor, &info) == 0
        let regularSize = hasInfo && (info.st_mode & S_IFMT) == S_IFREG ? Int(info.st_size) : nil
        let refusal: Failure? =
            if hasInfo, (info.st_mode & S_IFMT) == S_IFDIR {
                .isDirectory
            } else if let regularSize, regularSize > limit {
                .tooLarge(byteCount: regularSize)
            } else {
                nil
            }
        if let refusal {
            close(descriptor)
            return .failure(refusal)
        }
        return .success((descriptor, regularSize))
    }
}
