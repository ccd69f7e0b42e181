extension String {
    /// The same as `uppercased()`, without allocating when the text is ASCII with no lower-case letter.
    ///
    /// Names and keywords are almost always upper-case ASCII already, so the common case only scans
    /// the bytes; other ASCII text is upper-cased byte by byte, and anything else goes to `uppercased()`.
    var asciiFastUppercased: String {
        let kind =
            utf8.withContiguousStorageIfAvailable { bytes -> Int in
                var hasLower = false
                for byte in bytes {
                    if byte >= 0x80 { return 2 }
                    if byte >= 0x61, byte <= 0x7A { hasLower = true }
                }
                return hasLower ? 1 : 0
            } ?? 2
        switch kind {
        case 0: return self
        case 1: return String(decoding: utf8.map { $0 >= 0x61 && $0 <= 0x7A ? $0 - 0x20 : $0 }, as: UTF8.self)
        default: return uppercased()
        }
    }
}
