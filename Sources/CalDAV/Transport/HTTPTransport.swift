/// Sends one HTTP request and returns the whole response; the only place the CalDAV client touches the network.
///
/// The client's logic (authorization, redirects, retries, the CalDAV operations) runs on top of this protocol, so it
/// can be driven by ``AsyncHTTPClientTransport`` against a real server or by a scripted transport in tests.
/// Implementations return every HTTP status as a response and throw only when no response arrived.
public protocol HTTPTransport: Sendable {
    /// Sends a request exactly once, without following redirects or retrying.
    ///
    /// - Parameter request: the request, with every header it needs (including `Authorization`).
    /// - Returns: the response, whatever its status.
    /// - Throws: ``CalDAVError`` with code ``CalDAVError/Code/connection``, ``CalDAVError/Code/timeout``,
    ///   ``CalDAVError/Code/tls`` or ``CalDAVError/Code/responseTooLarge``.
    func send(_ request: CalDAVRequest) async throws -> CalDAVResponse
}
