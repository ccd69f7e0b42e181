package import Foundation

/// The conditional-GET decision for a representation (RFC 9110 §13.1.2, §13.1.3 and §13.2.2).
package enum ConditionalRequest {
    /// Whether a GET or HEAD may be answered 304 Not Modified.
    ///
    /// If-None-Match, when present, decides alone: `*` or any listed tag equal to `etag` under the weak
    /// comparison (`W/"x"` matches `"x"`) means not modified. Only without it is If-Modified-Since used:
    /// a valid date at or after `lastModified` (both in whole seconds) means not modified; an invalid
    /// date is ignored.
    package static func isNotModified(
        ifNoneMatch: [String],
        ifModifiedSince: String?,
        etag: String,
        lastModified: Date
    ) -> Bool {
        if !ifNoneMatch.isEmpty {
            let tags = ifNoneMatch.flatMap(entityTags(in:))
            return tags.contains("*") || tags.contains { weakOpaque($0) == weakOpaque(etag) }
        }
        guard let text = ifModifiedSince,
            let since = HTTPDate.parse(text.trimmingCharacters(in: .whitespaces), reference: lastModified)
        else { return false }
        return lastModified.timeIntervalSince1970.rounded(.down) <= since.timeIntervalSince1970
    }

    /// The entity tags of one If-None-Match field value.
    ///
    /// The value is `*` or a comma-separated list of `"opaque"` / `W/"opaque"`. A malformed list yields
    /// no tags, so it never causes a 304.
    package static func entityTags(in field: String) -> [String] {
        var tags: [String] = []
        var rest = Substring(field)
        while true {
            rest = rest.drop { $0 == " " || $0 == "\t" || $0 == "," }
            if rest.isEmpty { return tags }
            if rest.first == "*" {
                tags.append("*")
                rest = rest.dropFirst()
                continue
            }
            var prefix = ""
            if rest.hasPrefix("W/") {
                prefix = "W/"
                rest = rest.dropFirst(2)
            }
            guard rest.first == "\"", let close = rest.dropFirst().firstIndex(of: "\"") else { return [] }
            tags.append(prefix + String(rest[rest.startIndex...close]))
            rest = rest[rest.index(after: close)...]
            guard rest.isEmpty || rest.first == "," || rest.first == " " || rest.first == "\t" else { return [] }
        }
    }

    /// The opaque part (quotes included) that the weak comparison looks at.
    private static func weakOpaque(_ tag: String) -> Substring {
        tag.hasPrefix("W/") ? tag.dropFirst(2) : Substring(tag)
    }
}
