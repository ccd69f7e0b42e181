/// An HTTP method by name, including the WebDAV and CalDAV extension methods.
public struct HTTPMethod: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// The method's name as sent on the request line.
    public let rawValue: String

    /// Creates a method from its name.
    ///
    /// - Parameter rawValue: the name, such as `PROPFIND`.
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// `GET`.
    public static let get = HTTPMethod(rawValue: "GET")
    /// `PUT`.
    public static let put = HTTPMethod(rawValue: "PUT")
    /// `DELETE`.
    public static let delete = HTTPMethod(rawValue: "DELETE")
    /// `PROPFIND` (RFC 4918 §9.1).
    public static let propfind = HTTPMethod(rawValue: "PROPFIND")
    /// `REPORT` (RFC 3253 §3.6, used by RFC 4791 and RFC 6578).
    public static let report = HTTPMethod(rawValue: "REPORT")
    /// `MKCALENDAR` (RFC 4791 §5.3.1).
    public static let mkcalendar = HTTPMethod(rawValue: "MKCALENDAR")

    /// Whether the method only reads (GET, PROPFIND, REPORT): the only requests a redirect is followed for.
    public var isRead: Bool {
        self == .get || self == .propfind || self == .report || rawValue == "OPTIONS" || rawValue == "HEAD"
    }

    /// Whether repeating the request has the same effect as sending it once (RFC 9110 §9.2.2); PUT and DELETE are,
    /// but this client also retries them only when they carry a precondition (``CalDAVRequest/isSafeToRetry``).
    public var isIdempotent: Bool {
        self != .mkcalendar
    }

    /// The method name.
    public var description: String { rawValue }
}
