public import Foundation

/// One HTTP request as a value: method, absolute URL, headers and body bytes.
///
/// The builders in ``CalDAVRequests`` make these without any I/O; a transport sends them. Credentials are not part of
/// the request: the client adds `Authorization` just before sending, and only to the request's origin.
public struct CalDAVRequest: Equatable, Sendable {
    /// The method.
    public var method: HTTPMethod
    /// The absolute URL.
    public var url: URL
    /// The header fields, in order.
    public var headers: [HeaderField]
    /// The body, empty for none.
    public var body: [UInt8]

    /// Creates a request.
    ///
    /// - Parameters:
    ///   - method: the method.
    ///   - url: the absolute URL.
    ///   - headers: the header fields.
    ///   - body: the body bytes.
    public init(method: HTTPMethod, url: URL, headers: [HeaderField] = [], body: [UInt8] = []) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }

    /// Whether the client may send this request again after a failure: reads and REPORTs always, PUT and DELETE only
    /// with `If-Match` or `If-None-Match` (a repeat then either does the same thing or fails with 412), MKCALENDAR
    /// never.
    public var isSafeToRetry: Bool {
        switch method {
        case .put, .delete:
            headers.value(for: "If-Match") != nil || headers.value(for: "If-None-Match") != nil
        default:
            method.isIdempotent
        }
    }
}
