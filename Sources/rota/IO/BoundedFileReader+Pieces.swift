#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension BoundedFileReader {
    /// The size of the pieces ``read(_:limit:pieceSize:_:)`` hands over: large enough that a read costs little,
    /// small next to a feed of 100 MiB.
    static let pieceSize = 1 << 20

    /// Reads a file in pieces of at most `pieceSize` bytes, handing each to `body`, but never more than a limit.
    ///
    /// A feed read whole sits in memory as its bytes and then as what they are read into; read in pieces, only one
    /// piece of the bytes is held at a time (issue 17: reading a feed takes at most twice its size). The limit is
    /// checked as ``read(_:limit:)`` checks it: a regular file's size before a byte is read, and the bytes counted
    /// as they arrive.
    ///
    /// - Returns: `.success` once `body` has had every piece; a failure to open or read, or `.tooLarge`.
    /// - Throws: What `body` throws, which ends the reading.
    static func read<BodyFailure: Error>(
        _ path: String,
        limit: Int,
        pieceSize: Int = pieceSize,
        _ body: (UnsafeBufferPointer<UInt8>) throws(BodyFailure) -> Void
    ) throws(BodyFailure) -> Result<Void, Failure> {
        let descriptor: Int32
        let regularSize: Int?
        switch open(path, limit: limit) {
        case let .success(opened): (descriptor, regularSize) = opened
        case let .failure(failure): return .failure(failure)
        }
        defer { close(descriptor) }
        let piece = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(1, pieceSize))
        defer { piece.deallocate() }
        var total = 0
        while true {
            let count = Glibc.read(descriptor, piece.baseAddress, piece.count)
            if count < 0 {
                if errno == EINTR { continue }
                return .failure(.cannotOpen(reason: String(cString: strerror(errno))))
            }
            if count == 0 { return .success(()) }
            total += count
            if total > limit { return .failure(.tooLarge(byteCount: regularSize)) }
            try body(UnsafeBufferPointer(rebasing: piece[..<count]))
        }
    }
}
