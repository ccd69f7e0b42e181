/// How ``AsyncHTTPClientTransport`` connects: TLS verification, timeouts and the largest body it accepts.
public struct TransportConfiguration: Equatable, Sendable {
    /// Whether to check the server's TLS certificate.
    public enum TLSVerification: Equatable, Sendable {
        /// Verify the certificate chain and host name against the system's trust store (the default).
        case verified
        /// Accept any certificate. Only for a test server with a self-signed certificate, behind an explicit flag.
        case insecure
    }

    /// Certificate verification; ``TLSVerification/verified`` unless the user turned it off explicitly.
    public var tlsVerification: TLSVerification
    /// How long to wait for a connection.
    public var connectTimeout: Duration
    /// How long to wait for the next bytes of a response.
    public var readTimeout: Duration
    /// The most time one request may take in all (send, wait, receive).
    public var requestTimeout: Duration
    /// The largest response body accepted, in bytes.
    public var maxResponseBytes: Int

    /// Creates a configuration.
    ///
    /// - Parameters:
    ///   - tlsVerification: certificate verification.
    ///   - connectTimeout: connection timeout.
    ///   - readTimeout: read timeout.
    ///   - requestTimeout: whole-request timeout.
    ///   - maxResponseBytes: the largest body accepted.
    public init(
        tlsVerification: TLSVerification = .verified,
        connectTimeout: Duration = .seconds(10),
        readTimeout: Duration = .seconds(30),
        requestTimeout: Duration = .seconds(120),
        maxResponseBytes: Int = 64 << 20
    ) {
        self.tlsVerification = tlsVerification
        self.connectTimeout = connectTimeout
        self.readTimeout = readTimeout
        self.requestTimeout = requestTimeout
        self.maxResponseBytes = maxResponseBytes
    }
}
