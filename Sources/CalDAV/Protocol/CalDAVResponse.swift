/// One HTTP response as a value: status, headers and the whole body.
public struct CalDAVResponse: Equatable, Sendable {
    /// The status code.
    public var status: Int
    /// The header fields, in order.
    public var headers: [HeaderField]
    /// The body bytes.
    public var body: [UInt8]

    /// Creates a response.
    ///
    /// - Parameters:
    ///   - status: the status code.
    ///   - headers: the header fields.
    ///   - body: the body bytes.
    public init(status: Int, headers: [HeaderField] = [], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// Whether the status is 2xx.
    public var isSuccess: Bool { (200..<300).contains(status) }

    /// The `ETag` header, as sent (quotes included), if any.
    public var etag: String? { headers.value(for: "ETag") }
}
