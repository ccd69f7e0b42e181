public import Foundation

/// A parsed `207 Multi-Status` body (RFC 4918 §13): one entry per resource, plus the sync token if any (RFC 6578).
public struct Multistatus: Equatable, Sendable {
    /// One `<response>`: a resource, its own status if it has one, and its properties grouped by status.
    public struct Response: Equatable, Sendable {
        /// The resource's URL: the `href` percent-decoded where needed and resolved against the request URL.
        public var url: URL
        /// The status of the resource as a whole (`<response><status>`), such as 404 for a member removed since the
        /// last sync (RFC 6578 §3.5.2) or a missing href in a multiget; nil when the response has propstats instead.
        public var status: Int?
        /// The property groups, each with its own status.
        public var propstats: [Propstat]

        /// Creates a response entry.
        ///
        /// - Parameters:
        ///   - url: the resource URL.
        ///   - status: the resource-level status, if any.
        ///   - propstats: the property groups.
        public init(url: URL, status: Int?, propstats: [Propstat]) {
            self.url = url
            self.status = status
            self.propstats = propstats
        }

        /// A property the server returned with a 2xx status, if any.
        ///
        /// - Parameter name: the property's namespace URI and local name.
        /// - Returns: the property element.
        public func property(_ name: DAVXML.Name) -> DAVXML.Element? {
            for propstat in propstats where (200..<300).contains(propstat.status) {
                if let element = propstat.properties.first(where: { $0.name == name }) { return element }
            }
            return nil
        }

        /// The `getetag` property, as sent (quotes included).
        public var etag: String? {
            property(.dav("getetag")).map { $0.text.trimmingCharacters(in: .whitespacesAndNewlines) }
        }
    }

    /// One `<propstat>`: properties sharing a status.
    public struct Propstat: Equatable, Sendable {
        /// The status code of this group (200, 404 for properties the resource lacks, 403...).
        public var status: Int
        /// The property elements.
        public var properties: [DAVXML.Element]

        /// Creates a property group.
        ///
        /// - Parameters:
        ///   - status: its status code.
        ///   - properties: its properties.
        public init(status: Int, properties: [DAVXML.Element]) {
            self.status = status
            self.properties = properties
        }
    }

    /// The entries, in document order.
    public var responses: [Response]
    /// The `<sync-token>` directly under `<multistatus>`, present in sync-collection answers.
    public var syncToken: String?

    /// Creates a multistatus value.
    ///
    /// - Parameters:
    ///   - responses: the entries.
    ///   - syncToken: the sync token, if any.
    public init(responses: [Response], syncToken: String?) {
        self.responses = responses
        self.syncToken = syncToken
    }

    /// Parses a multistatus body.
    ///
    /// - Parameters:
    ///   - bytes: the response body.
    ///   - requestURL: the URL the request went to; relative hrefs resolve against it.
    ///   - limits: the XML size cap.
    /// - Returns: the parsed value.
    /// - Throws: ``CalDAVError`` for malformed or hostile XML (see ``DAVXML/parse(_:limits:)``), or
    ///   ``CalDAVError/Code/xmlUnexpected`` when the root is not `multistatus` or an entry has no usable href.
    public static func parse(_ bytes: [UInt8], requestURL: URL, limits: DAVXML.Limits = .standard) throws -> Multistatus
    {
        let root = try DAVXML.parse(bytes, limits: limits)
        guard root.name == .dav("multistatus") else {
            throw CalDAVError(
                .xmlUnexpected,
                url: requestURL,
                detail: "expected a DAV: multistatus document, got \(root.name)",
                hint: "check that the URL points at a CalDAV server"
            )
        }
        var responses: [Response] = []
        let resolver = HrefResolver(base: requestURL)
        for response in root.children(.dav("response")) {
            guard let hrefText = response.child(.dav("href"))?.text,
                let url = resolver.resolve(hrefText)
            else {
                throw CalDAVError(
                    .xmlUnexpected,
                    url: requestURL,
                    detail: "a multistatus response has no usable href",
                    hint: "the server's answer is not valid WebDAV; report it to the server's operator"
                )
            }
            let status = response.child(.dav("status")).flatMap { statusCode($0.text) }
            let propstats = response.children(.dav("propstat")).map { propstat in
                Propstat(
                    status: propstat.child(.dav("status")).flatMap { statusCode($0.text) } ?? 0,
                    properties: propstat.child(.dav("prop"))?.children ?? []
                )
            }
            responses.append(Response(url: url, status: status, propstats: propstats))
        }
        let token = root.child(.dav("sync-token")).map { $0.text.trimmingCharacters(in: .whitespacesAndNewlines) }
        return Multistatus(responses: responses, syncToken: token)
    }

    /// Parses the body of a 207 answer, with any error placed at the request and the answer's status.
    ///
    /// - Parameters:
    ///   - response: the answer.
    ///   - requestURL: the URL the request went to; relative hrefs resolve against it.
    ///   - limits: the XML size cap.
    /// - Returns: the parsed value.
    /// - Throws: the errors of ``parse(_:requestURL:limits:)``, located at `requestURL` with the status.
    public static func parse(
        _ response: CalDAVResponse,
        requestURL: URL,
        limits: DAVXML.Limits = .standard
    ) throws -> Multistatus {
        do {
            return try parse(response.body, requestURL: requestURL, limits: limits)
        } catch let error as CalDAVError {
            throw error.located(url: requestURL, status: response.status)
        }
    }

    /// The code in a status line such as `HTTP/1.1 404 Not Found`.
    ///
    /// - Parameter line: the status line.
    /// - Returns: the code, or nil when the line has none.
    public static func statusCode(_ line: String) -> Int? {
        let parts = line.split(separator: " ", omittingEmptySubsequences: true)
        guard parts.count >= 2, let code = Int(parts[1]), (100..<600).contains(code) else { return nil }
        return code
    }

    /// Resolves an href against the request URL, in the canonical percent-encoding of ``canonicalURL(_:)``.
    ///
    /// Absolute paths and full URLs alike; characters a server left unescaped (a space, say) are encoded first so
    /// the result is a valid URL.
    ///
    /// - Parameters:
    ///   - href: the `<href>` text.
    ///   - base: the request URL.
    /// - Returns: the absolute URL, or nil when the href cannot be made into one.
    public static func resolve(href: String, against base: URL) -> URL? {
        HrefResolver(base: base).resolve(href)
    }

    /// ``resolve(href:against:)`` done entirely by Foundation: the reference that ``HrefResolver``'s fast
    /// path must agree with, and the way for every href that path does not take.
    static func resolveWithFoundation(href: String, against base: URL) -> URL? {
        let trimmed = href.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return nil }
        if let url = URL(string: trimmed, relativeTo: base) { return canonicalURL(url.absoluteURL) }
        var allowed = CharacterSet.urlPathAllowed
        allowed.insert(charactersIn: "%:?#")
        guard let encoded = trimmed.addingPercentEncoding(withAllowedCharacters: allowed),
            let url = URL(string: encoded, relativeTo: base)
        else { return nil }
        return canonicalURL(url.absoluteURL)
    }

    /// What a path segment may hold unescaped: RFC 3986 `pchar`s (the path's allowed set without `/`).
    private static let pathSegmentAllowed: CharacterSet = {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove("/")
        return allowed
    }()

    /// The URL with each path segment percent-decoded and re-encoded the way `URL.appending(path:)` encodes it:
    /// letters, digits and `-._~!$&'()*+,=:@` as they are, everything else (`;` included) escaped.
    ///
    /// Servers escape differently: Radicale sends `@` as `%40` and `+` as `%2B`, Xandikos `+` as `%2B`. Hrefs read
    /// back from a server then equal the URLs the client wrote to, so callers can key resources by URL.
    ///
    /// - Parameter url: an absolute URL.
    /// - Returns: the same resource's URL in canonical form (the URL itself if it has no path to rewrite).
    public static func canonicalURL(_ url: URL) -> URL {
        guard var components = URLComponents(url: url, resolvingAgainstBaseURL: true) else { return url }
        let path = components.percentEncodedPath
        // A valid path holds only pchars, `/` and `%`: without a `%` there is nothing to re-encode.
        guard path.utf8.contains(0x25) else { return url }
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        let canonical = segments.map { segment -> String in
            guard segment.utf8.contains(0x25) else { return String(segment) }
            guard let decoded = String(segment).removingPercentEncoding,
                let encoded = decoded.addingPercentEncoding(withAllowedCharacters: pathSegmentAllowed)
            else { return String(segment) }
            return encoded
        }
        components.percentEncodedPath = canonical.joined(separator: "/")
        return components.url ?? url
    }
}
