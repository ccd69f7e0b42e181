/// The largest iCalendar feed `rota diff --ics` reads, from a file or a URL.
///
/// rota must read back what it writes: an organisation's feed of 100,000 events is about 100 MiB, so the limit sits
/// well above that (issue 17), while still refusing a log of gigabytes or `/dev/zero` named by mistake. The limit is
/// checked before reading: a file's size comes from `fstat`, a download's from its `Content-Length` (and the body is
/// counted as it streams in, for a server that sends none or lies).
enum FeedSizeLimit {
    /// 256 MiB.
    static let maximumBytes = 256 << 20

    /// Why a file was refused, naming its size and the limit.
    ///
    /// For example `it has 314572800 bytes (300 MiB), more than 256 MiB, the most rota reads`; a device or pipe has
    /// no size, so only the limit is named.
    static func refusal(byteCount: Int?) -> String {
        let limit = "\(maximumBytes >> 20) MiB, the most rota reads"
        guard let byteCount else { return "it is larger than \(limit)" }
        return "it has \(byteCount) bytes (\(byteCount >> 20) MiB), more than \(limit)"
    }
}
