/// A request as the feed server looks at it: nothing but what decides the answer.
package struct FeedRequest: Sendable, Equatable {
    package var method: String
    /// The request target: path plus any query string.
    package var target: String
    /// Every If-None-Match field line.
    package var ifNoneMatch: [String]
    package var ifModifiedSince: String?

    package init(method: String, target: String, ifNoneMatch: [String] = [], ifModifiedSince: String? = nil) {
        self.method = method
        self.target = target
        self.ifNoneMatch = ifNoneMatch
        self.ifModifiedSince = ifModifiedSince
    }
}

/// The answer to a `FeedRequest`: status, header fields in a fixed order, and the body to send.
package struct FeedReply: Sendable, Equatable {
    package var status: Int
    package var headers: [Header]
    package var body: [UInt8]

    package struct Header: Sendable, Equatable {
        package let name: String
        package let value: String

        package init(_ name: String, _ value: String) {
            self.name = name
            self.value = value
        }
    }

    package func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    /// The one body every 404 has, whether the name is unknown, the token wrong or missing, or the path odd.
    package static let notFoundBody = Array("Not Found\n".utf8)

    /// Answers `request` from `catalog`: a pure function, so every decision is testable without a socket.
    ///
    /// GET and HEAD get the same status and header fields; HEAD gets no body. Other methods get 405.
    package static func answer(_ request: FeedRequest, catalog: FeedCatalog) -> FeedReply {
        let isHead = request.method == "HEAD"
        guard isHead || request.method == "GET" else {
            return FeedReply(
                status: 405,
                headers: [Header("Allow", "GET, HEAD"), Header("Content-Type", "text/plain; charset=utf-8")],
                body: Array("Method Not Allowed\n".utf8)
            )
        }
        let entry: FeedCatalog.Entry
        let contentType: String
        switch FeedRoute(path: request.target) {
        case .index:
            entry = catalog.index
            contentType = "text/html; charset=utf-8"
        case let .feed(name, token):
            guard let feed = catalog.feeds[name], tokenAccepted(given: token, expected: feed.token) else {
                return notFound(head: isHead)
            }
            entry = feed
            contentType = "text/calendar; charset=utf-8"
        case let .runbook(name):
            guard let document = catalog.runbooks[name] else { return notFound(head: isHead) }
            entry = document
            contentType = name.hasSuffix(".md") ? "text/markdown; charset=utf-8" : "text/html; charset=utf-8"
        case .unknown:
            return notFound(head: isHead)
        }
        let validators = [
            Header("ETag", entry.etag),
            Header("Last-Modified", HTTPDate.format(entry.lastModified)),
            Header("Cache-Control", "no-cache"),
        ]
        if ConditionalRequest.isNotModified(
            ifNoneMatch: request.ifNoneMatch,
            ifModifiedSince: request.ifModifiedSince,
            etag: entry.etag,
            lastModified: entry.lastModified
        ) {
            // RFC 9110 §8.6: a 304 may carry Content-Length only as the 200 would; it keeps HTTP/1.1 framing exact.
            return FeedReply(
                status: 304,
                headers: [Header("Content-Length", "\(entry.bytes.count)")] + validators,
                body: []
            )
        }
        return FeedReply(
            status: 200,
            headers: [Header("Content-Type", contentType), Header("Content-Length", "\(entry.bytes.count)")]
                + validators,
            body: isHead ? [] : entry.bytes
        )
    }

    /// A feed with a token needs exactly that token; a feed without one accepts no token segment.
    private static func tokenAccepted(given: String?, expected: String?) -> Bool {
        switch (given, expected) {
        case (nil, nil): return true
        case let (given?, expected?): return SecretToken.matches(given, expected)
        default: return false
        }
    }

    private static func notFound(head: Bool) -> FeedReply {
        FeedReply(
            status: 404,
            headers: [
                Header("Content-Type", "text/plain; charset=utf-8"),
                Header("Content-Length", "\(notFoundBody.count)"),
            ],
            body: head ? [] : notFoundBody
        )
    }
}
