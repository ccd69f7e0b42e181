public import Foundation
public import Logging

/// A CalDAV client for one account: sends requests with credentials, follows redirects, retries with backoff, and
/// offers the CalDAV operations on top (discovery, listing, sync, conditional writes).
///
/// The protocol work happens in pure functions (``CalDAVRequests`` builds, ``Multistatus`` and friends parse); this
/// type adds only the effects: the transport, the clock for backoff waits, and a logger. Credentials go only to the
/// origin (scheme, host, port) of ``baseURL``, also across redirects, and never into log messages.
public struct CalDAVClient: Sendable {
    /// The URL the user gave: a server root, principal, home or calendar.
    public let baseURL: URL
    /// When to retry failed requests.
    public var retryPolicy: RetryPolicy
    /// Redirects followed per request before giving up.
    public var maxRedirects: Int
    /// The XML parser's size cap for responses.
    public var xmlLimits: DAVXML.Limits

    private let credentials: Credentials
    private let transport: any HTTPTransport
    let logger: Logger
    private let sleep: @Sendable (Duration) async throws -> Void

    /// Creates a client.
    ///
    /// - Parameters:
    ///   - baseURL: the URL the user gave.
    ///   - credentials: how to authenticate; sent only to `baseURL`'s origin.
    ///   - transport: sends the requests, usually an ``AsyncHTTPClientTransport``.
    ///   - retryPolicy: when to retry.
    ///   - maxRedirects: redirects followed per request.
    ///   - xmlLimits: the XML size cap.
    ///   - logger: where requests are logged at debug level (method, URL, status; never headers or bodies).
    ///   - clock: the clock backoff waits run on; tests pass a manual one.
    public init(
        baseURL: URL,
        credentials: Credentials,
        transport: any HTTPTransport,
        retryPolicy: RetryPolicy = .standard,
        maxRedirects: Int = 5,
        xmlLimits: DAVXML.Limits = .standard,
        logger: Logger,
        clock: some Clock<Duration> = ContinuousClock()
    ) {
        self.baseURL = baseURL
        self.credentials = credentials
        self.transport = transport
        self.retryPolicy = retryPolicy
        self.maxRedirects = maxRedirects
        self.xmlLimits = xmlLimits
        self.logger = logger
        self.sleep = { try await clock.sleep(for: $0) }
    }

    /// Sends a request with credentials, following redirects and retrying per ``retryPolicy``.
    ///
    /// Every status comes back as a response (a 412, a 404, a 5xx after the last retry); only a failure to get any
    /// response throws.
    ///
    /// - Parameter request: the request, without `Authorization`.
    /// - Returns: the final response.
    /// - Throws: ``CalDAVError`` (connection, timeout, TLS, redirect loop) after the retries are spent.
    public func send(_ request: CalDAVRequest) async throws -> CalDAVResponse {
        try requireSameOrigin(request.url, what: "\(request.method) of")
        var attempt = 1
        while true {
            let outcome: RetryPolicy.Outcome
            do {
                outcome = .response(try await sendFollowingRedirects(request))
            } catch let error as CalDAVError {
                outcome = .failure(error)
            }
            switch retryPolicy.decision(afterAttempt: attempt, request: request, outcome: outcome) {
            case .retry(let wait):
                logger.debug(
                    "retrying CalDAV request",
                    metadata: [
                        "method": "\(request.method)", "url": "\(request.url.absoluteString)",
                        "attempt": "\(attempt)", "wait": "\(wait)",
                    ]
                )
                try await sleep(wait)
                attempt += 1
            case .stop:
                switch outcome {
                case .response(let response): return response
                case .failure(let error): throw error
                }
            }
        }
    }

    /// Whether a URL shares scheme, host and port with ``baseURL``: the only place credentials go.
    ///
    /// - Parameter url: the URL.
    /// - Returns: true for the same origin.
    public func isSameOrigin(_ url: URL) -> Bool {
        Self.origin(url) == Self.origin(baseURL)
    }

    /// Refuses a URL outside ``baseURL``'s origin: nothing is ever sent there, whatever a server says.
    ///
    /// - Throws: ``CalDAVError`` with code ``CalDAVError/Code/otherOrigin``.
    func requireSameOrigin(_ url: URL, what: String) throws {
        guard !isSameOrigin(url) else { return }
        throw CalDAVError(
            .otherOrigin,
            url: baseURL,
            detail: "refused the \(what) \(Self.displayed(url)): it is outside \(Self.origin(baseURL)), the origin "
                + "of the calendar rota was given",
            hint: "a server that names another host or port is misconfigured or hostile; nothing was sent there"
        )
    }

    /// A URL as messages show it: without any user name or password.
    public static func displayed(_ url: URL) -> String {
        guard url.user != nil || url.password != nil,
            var parts = URLComponents(url: url, resolvingAgainstBaseURL: false)
        else { return url.absoluteString }
        parts.user = nil
        parts.password = nil
        return parts.string ?? url.absoluteString
    }

    private static func origin(_ url: URL) -> String {
        let scheme = url.scheme?.lowercased() ?? ""
        let port = url.port ?? (scheme == "https" ? 443 : 80)
        return "\(scheme)://\(url.host?.lowercased() ?? ""):\(port)"
    }

    private func sendFollowingRedirects(_ request: CalDAVRequest) async throws -> CalDAVResponse {
        var current = request
        var visited: [URL] = [request.url]
        while true {
            var outgoing = current
            outgoing.headers.removeAll { $0.name.lowercased() == "authorization" }
            if isSameOrigin(current.url), let authorization = credentials.authorization {
                outgoing.headers.append(HeaderField("Authorization", authorization))
            }
            let response = try await transport.send(outgoing)
            logger.debug(
                "CalDAV request",
                metadata: [
                    "method": "\(current.method)", "url": "\(current.url.absoluteString)",
                    "status": "\(response.status)",
                ]
            )
            guard [301, 302, 303, 307, 308].contains(response.status),
                let location = response.headers.value(for: "Location")
            else { return response }
            guard let next = Multistatus.resolve(href: location, against: current.url) else {
                throw CalDAVError(
                    .invalidURL,
                    url: current.url,
                    status: response.status,
                    detail: "the server redirected to an unusable Location",
                    hint: "check the server URL"
                )
            }
            // A redirect is followed only for a read and only within the calendar's origin: a write is never
            // sent again somewhere the user did not name, and nothing at all goes to another host or port.
            guard current.method.isRead else {
                throw CalDAVError(
                    .otherOrigin,
                    url: current.url,
                    status: response.status,
                    detail: "the server answered a \(current.method) with a redirect to \(Self.displayed(next)); "
                        + "rota never follows a redirect for a write",
                    hint: "give the calendar's own URL (the one the redirect names, if you trust it)"
                )
            }
            guard isSameOrigin(next) else {
                throw CalDAVError(
                    .otherOrigin,
                    url: current.url,
                    status: response.status,
                    detail:
                        "the server redirected to another origin, \(Self.displayed(next)), which rota does not follow",
                    hint: "give a URL on the server that holds the calendar; rota only follows redirects within "
                        + Self.origin(baseURL)
                )
            }
            guard visited.count <= maxRedirects, !visited.contains(next) else {
                throw CalDAVError(
                    .redirectLoop,
                    url: request.url,
                    status: response.status,
                    detail: "more than \(maxRedirects) redirects, or a redirect loop, ending at \(next.absoluteString)",
                    hint: "check the server URL; give the calendar's own URL to skip discovery"
                )
            }
            visited.append(next)
            current.url = next
            if response.status == 303 {
                current.method = .get
                current.body = []
                current.headers.removeAll { $0.name.lowercased() == "content-type" }
            }
        }
    }

    /// Logs a notable but expected event (a sync fallback, a write without an ETag) at info level.
    func note(_ message: Logger.Message, _ url: URL, status: Int) {
        logger.info(message, metadata: ["url": "\(url.absoluteString)", "status": "\(status)"])
    }

    /// Sends a request and parses a 207 answer, or throws the error the status calls for.
    func multistatus(_ request: CalDAVRequest, operation: String) async throws -> Multistatus {
        let response = try await send(request)
        guard response.status == 207 else {
            throw CalDAVError.unexpected(response, url: request.url, operation: operation)
        }
        return try Multistatus.parse(response, requestURL: request.url, limits: xmlLimits)
    }
}
