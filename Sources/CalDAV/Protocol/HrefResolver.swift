import Foundation

/// Resolves the hrefs of one multistatus against its request URL, as ``Multistatus/resolve(href:against:)``
/// does, but the common href (an absolute path of plain ASCII) is canonicalised on its bytes.
///
/// A calendar listing holds one href per event, and resolving each through `URL` and `URLComponents`
/// cost more than the rest of reading the listing. The fast path produces exactly what the Foundation
/// path does; anything it is unsure of (whitespace, non-ASCII, dot segments, a query, a bad escape)
/// goes the Foundation way.
struct HrefResolver {
    let base: URL
    /// `scheme://authority` of the base as Foundation writes it, which an absolute-path href keeps.
    private let origin: String?

    init(base: URL) {
        self.base = base
        let root = URL(string: "/", relativeTo: base)?.absoluteURL.absoluteString
        origin = root.flatMap { $0.hasSuffix("/") ? String($0.dropLast()) : nil }
    }

    /// The absolute URL of `href` in canonical form, or nil when it cannot be made into one.
    func resolve(_ href: String) -> URL? {
        if let origin, let path = Self.canonicalAbsolutePath(href) {
            return URL(string: origin + path)
        }
        return Multistatus.resolveWithFoundation(href: href, against: base)
    }

    /// The bytes a path segment keeps unescaped in canonical form: what Foundation's `urlPathAllowed`
    /// without `/` keeps (`;` is not among them).
    static func isCanonicalSegmentByte(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: true
        case UInt8(ascii: "!"), UInt8(ascii: "$"), UInt8(ascii: "&"), UInt8(ascii: "'"), UInt8(ascii: "("),
            UInt8(ascii: ")"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: ","), UInt8(ascii: "-"),
            UInt8(ascii: "."), UInt8(ascii: ":"), UInt8(ascii: "="), UInt8(ascii: "@"), UInt8(ascii: "_"),
            UInt8(ascii: "~"):
            true
        default: false
        }
    }

    /// `href` in canonical form when it is an absolute path (`/...`, not `//...`) of canonical bytes,
    /// `/` and valid `%XX` escapes of UTF-8, with no `.` or `..` segment; nil for anything else.
    static func canonicalAbsolutePath(_ href: String) -> String? {
        var href = href
        return href.withUTF8 { bytes -> String? in
            guard bytes.count >= 1, bytes[0] == UInt8(ascii: "/"), bytes.count == 1 || bytes[1] != UInt8(ascii: "/")
            else { return nil }
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count + 8)
            var start = 1
            output.append(UInt8(ascii: "/"))
            while start <= bytes.count {
                var end = start
                while end < bytes.count, bytes[end] != UInt8(ascii: "/") {
                    end += 1
                }
                let segment = UnsafeBufferPointer(rebasing: bytes[start..<end])
                guard appendCanonical(segment, to: &output) else { return nil }
                if end < bytes.count { output.append(UInt8(ascii: "/")) }
                start = end + 1
            }
            return String(decoding: output, as: UTF8.self)
        }
    }

    /// Appends one path segment in canonical form; false when the fast path must not decide it.
    private static func appendCanonical(_ segment: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) -> Bool {
        if segment.count == 1, segment[0] == UInt8(ascii: ".") { return false }
        if segment.count == 2, segment[0] == UInt8(ascii: "."), segment[1] == UInt8(ascii: ".") { return false }
        var escaped = false
        for byte in segment {
            if byte == UInt8(ascii: "%") {
                escaped = true
            } else if !isCanonicalSegmentByte(byte) {
                return false
            }
        }
        guard escaped else {
            output.append(contentsOf: segment)
            return true
        }
        var decoded: [UInt8] = []
        decoded.reserveCapacity(segment.count)
        var index = 0
        while index < segment.count {
            guard segment[index] == UInt8(ascii: "%") else {
                decoded.append(segment[index])
                index += 1
                continue
            }
            guard index + 2 < segment.count, let high = hexValue(segment[index + 1]),
                let low = hexValue(segment[index + 2])
            else { return false }
            decoded.append(high << 4 | low)
            index += 3
        }
        // Foundation keeps a segment whose escapes are not UTF-8 as it is; leave that to it.
        guard String(validating: decoded, as: UTF8.self) != nil else { return false }
        for byte in decoded {
            if isCanonicalSegmentByte(byte) {
                output.append(byte)
            } else {
                output.append(UInt8(ascii: "%"))
                output.append(hexDigit(byte >> 4))
                output.append(hexDigit(byte & 0x0F))
            }
        }
        return true
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: byte - 0x30
        case 0x41...0x46: byte - 0x41 + 10
        case 0x61...0x66: byte - 0x61 + 10
        default: nil
        }
    }

    private static func hexDigit(_ value: UInt8) -> UInt8 {
        value < 10 ? 0x30 + value : 0x41 + value - 10
    }
}
