public import Foundation

/// A failure of a CalDAV exchange, with the context a user needs to act on it.
///
/// One error type for the whole library, as a value: what went wrong (``code``), where (``url``, ``status``), the
/// server's or parser's own words (``detail``) and what the user can do (``hint``). The set of codes is open (a struct
/// over a private enum, as in AsyncHTTPClient's `HTTPClientError`), so adding one breaks no `switch` in callers.
public struct CalDAVError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What kind of failure this is; compare with the static members (`error.code == .preconditionFailed`).
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Hashable, Sendable {
            case xmlMalformed = "malformed XML"
            case xmlDoctype = "XML with a DOCTYPE"
            case xmlTooLarge = "XML document too large"
            case xmlUnexpected = "unexpected XML"
            case httpStatus = "unexpected HTTP status"
            case unauthorized = "not authorized"
            case notFound = "not found"
            case preconditionFailed = "precondition failed"
            case redirectLoop = "too many redirects"
            case connection = "connection failed"
            case timeout = "timed out"
            case tls = "TLS failed"
            case invalidURL = "invalid URL"
            case responseTooLarge = "response too large"
            case discovery = "discovery failed"
            case otherOrigin = "another origin"
            case notACalendar = "not a calendar"
            case precondition = "refused"
        }

        private let base: Base

        private init(_ base: Base) {
            self.base = base
        }

        /// The bytes are not well-formed XML.
        public static let xmlMalformed = Code(.xmlMalformed)
        /// The document declares a DOCTYPE, which no CalDAV server sends; refused so no entity is ever expanded.
        public static let xmlDoctype = Code(.xmlDoctype)
        /// The document is larger than the parser's size cap.
        public static let xmlTooLarge = Code(.xmlTooLarge)
        /// Well-formed XML that is not what the protocol says (a missing `href`, a wrong root element).
        public static let xmlUnexpected = Code(.xmlUnexpected)
        /// The server answered with a status the operation does not expect.
        public static let httpStatus = Code(.httpStatus)
        /// 401 or 403: the credentials are missing, wrong, or lack the right.
        public static let unauthorized = Code(.unauthorized)
        /// 404 or 410 on a resource the operation needs.
        public static let notFound = Code(.notFound)
        /// 412: an `If-Match`/`If-None-Match` condition failed, so someone else changed the resource.
        public static let preconditionFailed = Code(.preconditionFailed)
        /// Redirects went on longer than the client's bound, or in a circle.
        public static let redirectLoop = Code(.redirectLoop)
        /// The connection could not be made or was dropped.
        public static let connection = Code(.connection)
        /// The connection or a read timed out.
        public static let timeout = Code(.timeout)
        /// The TLS handshake or certificate check failed; not retried.
        public static let tls = Code(.tls)
        /// A URL could not be built or parsed.
        public static let invalidURL = Code(.invalidURL)
        /// The response body is larger than the client accepts.
        public static let responseTooLarge = Code(.responseTooLarge)
        /// Discovery found no principal or no calendar home.
        public static let discovery = Code(.discovery)
        /// The server pointed somewhere outside the calendar's origin (scheme, host, port): a redirect or an href
        /// the client refuses to follow, or a redirect answering a write.
        public static let otherOrigin = Code(.otherOrigin)
        /// The URL is a collection that is not a calendar taking events (a calendar home, an address book).
        public static let notACalendar = Code(.notACalendar)

        /// The server refused the request and named the WebDAV/CalDAV precondition it broke (``DAVPrecondition``).
        public static let precondition = Code(.precondition)

        /// A short name for the kind of failure.
        public var description: String { base.rawValue }
    }

    /// What kind of failure this is.
    public let code: Code
    /// The URL the failing request went to, when there was one.
    public let url: URL?
    /// The HTTP status of the failing response, when there was one.
    public let status: Int?
    /// What happened, in the server's or parser's words; never contains credentials.
    public let detail: String
    /// What the user can do about it.
    public let hint: String

    /// Whether no answer arrived (the connection dropped or a timeout passed), so sending the request again may
    /// work: the one test the client's RetryPolicy and CalendarSync's transport both use.
    public var isTransient: Bool { code == .connection || code == .timeout }

    /// Creates an error value.
    ///
    /// - Parameters:
    ///   - code: the kind of failure.
    ///   - url: the URL of the failing request, if any.
    ///   - status: the HTTP status, if any.
    ///   - detail: what happened.
    ///   - hint: what the user can do.
    public init(_ code: Code, url: URL? = nil, status: Int? = nil, detail: String, hint: String) {
        self.code = code
        self.url = url
        self.status = status
        self.detail = detail
        self.hint = hint
    }

    /// `URL: error: what happened (HTTP status)` then `hint: what to do`, as rota prints diagnostics.
    public var description: String {
        var text = ""
        if let url { text += "\(url.absoluteString): " }
        text += "error: \(code): \(detail)"
        if let status { text += " (HTTP \(status))" }
        return text + "\nhint: \(hint)"
    }

    /// The same error, placed at a URL and status (parsers know neither; the client adds them).
    func located(url: URL?, status: Int?) -> CalDAVError {
        CalDAVError(code, url: self.url ?? url, status: self.status ?? status, detail: detail, hint: hint)
    }
}
