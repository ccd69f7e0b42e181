import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The password `--password-stdin` reads: one line of standard input, at most 4 KiB of UTF-8.
///
/// Reading stops at the first newline or after the limit, so a pipe that never ends (`< /dev/zero`) costs
/// 4 KiB, not the machine's memory; bytes that are not UTF-8 are refused rather than replaced, since a
/// replaced character would silently send a different password.
enum PasswordInput {
    static let maximumBytes = 4096

    /// Why the line cannot be used.
    enum Failure: Error, Equatable {
        case empty
        case tooLong
        case notUTF8
    }

    /// Reads one line from file descriptor `descriptor` (standard input by default).
    static func readLine(from descriptor: Int32 = 0) -> Result<String, Failure> {
        var bytes: [UInt8] = []
        var byte: UInt8 = 0
        while bytes.count <= maximumBytes {
            let count = read(descriptor, &byte, 1)
            if count <= 0 || byte == UInt8(ascii: "\n") { break }
            bytes.append(byte)
        }
        guard bytes.count <= maximumBytes else { return .failure(.tooLong) }
        if bytes.last == UInt8(ascii: "\r") { bytes.removeLast() }
        guard !bytes.isEmpty else { return .failure(.empty) }
        guard let text = String(validating: bytes, as: UTF8.self) else { return .failure(.notUTF8) }
        return .success(text)
    }
}
