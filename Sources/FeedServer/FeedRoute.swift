/// What a request path asks for: the index page, a feed (with the token segment it carried), or nothing.
package enum FeedRoute: Equatable, Sendable {
    /// `/`: the HTML index page.
    case index
    /// `/feeds/NAME.ics` or `/feeds/TOKEN/NAME.ics`.
    case feed(name: String, token: String?)
    /// A runbook document by file name; `/runbooks/` is `index.html`.
    case runbook(name: String)
    /// Anything else: 404.
    case unknown

    /// Parses the path of a request target; the query string, if any, is ignored.
    ///
    /// `/` is the index, `/feeds/NAME.ics` a feed and `/feeds/TOKEN/NAME.ics` a feed with its token;
    /// `/runbooks/` is the runbook index and `/runbooks/NAME.html` or `/runbooks/NAME.md` a runbook document.
    /// Anything else, including empty segments and percent-escapes, is `.unknown`: feed names and tokens
    /// are plain ASCII, so nothing legitimate needs decoding.
    package init(path target: String) {
        let path = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        if path == "/" {
            self = .index
            return
        }
        let segments = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        if path.hasPrefix("/runbooks/") {
            self = Self.runbook(segments)
            return
        }
        guard path.hasPrefix("/feeds/"), segments.allSatisfy({ !$0.isEmpty && !$0.contains("%") }),
            let file = segments.last, file.hasSuffix(".ics"), file.count > 4
        else {
            self = .unknown
            return
        }
        let name = String(file.dropLast(4))
        switch segments.count {
        case 2: self = .feed(name: name, token: nil)
        case 3: self = .feed(name: name, token: String(segments[segments.startIndex + 1]))
        default: self = .unknown
        }
    }

    /// `/runbooks/` or `/runbooks/NAME.html|.md`: exactly one more segment, plain ASCII, with one of the two extensions.
    private static func runbook(_ segments: ArraySlice<Substring>) -> FeedRoute {
        guard segments.count == 2, let file = segments.last else { return .unknown }
        if file.isEmpty { return .runbook(name: "index.html") }
        let plain = file.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "."
        }
        guard plain, !file.hasPrefix("."), file.hasSuffix(".html") || file.hasSuffix(".md") else { return .unknown }
        return .runbook(name: String(file))
    }

    /// `target` as the access log may print it: under `/feeds/` every segment but the file name becomes
    /// `***`, and a query string becomes `?***`, so no token, right or wrong, ever reaches the log.
    package static func redacted(_ target: String) -> String {
        let parts = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        var path = String(parts.first ?? "")
        if path.hasPrefix("/feeds/") {
            var segments = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            if segments.count > 3 {
                for index in 2..<(segments.count - 1) { segments[index] = "***" }
            }
            path = segments.joined(separator: "/")
        }
        return parts.count > 1 ? path + "?***" : path
    }
}

/// Token comparison that takes the same time wherever the first difference is.
package enum SecretToken {
    /// Whether `given` equals `expected`, comparing every byte of `expected` whatever `given` holds.
    ///
    /// The time depends only on the expected token's length, which a secret of fixed format does not reveal.
    package static func matches(_ given: String, _ expected: String) -> Bool {
        let lhs = Array(given.utf8)
        let rhs = Array(expected.utf8)
        var difference = UInt8(lhs.count == rhs.count ? 0 : 1)
        for index in rhs.indices {
            difference |= rhs[index] ^ (index < lhs.count ? lhs[index] : ~rhs[index])
        }
        return difference == 0
    }
}
