import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL

/// ``HTTPTransport`` on AsyncHTTPClient: the one file of the library that knows which HTTP client it uses.
///
/// AsyncHTTPClient speaks WebDAV's methods, hands a 401 back as a plain response (FoundationNetworking's URLSession
/// on Linux hangs on a 401 carrying `WWW-Authenticate`), and takes a custom TLS configuration. Its own redirect
/// handling is off: ``CalDAVClient`` follows redirects itself so it can decide where credentials go.
///
/// Call ``shutdown()`` when done; the transport owns a connection pool.
public final class AsyncHTTPClientTransport: HTTPTransport {
    private let client: HTTPClient
    private let configuration: TransportConfiguration

    /// Creates a transport with its own connection pool on the shared event loop group.
    ///
    /// - Parameter configuration: TLS verification, timeouts and the body size cap.
    public init(configuration: TransportConfiguration = TransportConfiguration()) {
        var tls = TLSConfiguration.makeClientConfiguration()
        if configuration.tlsVerification == .insecure {
            tls.certificateVerification = .none
        }
        let timeout = HTTPClient.Configuration.Timeout(
            connect: TimeAmount(configuration.connectTimeout),
            read: TimeAmount(configuration.readTimeout)
        )
        var clientConfiguration = HTTPClient.Configuration(
            tlsConfiguration: tls,
            redirectConfiguration: .disallow,
            timeout: timeout,
            decompression: .disabled
        )
        // The client's RetryPolicy retries failed connections itself, bounded and with backoff; the pool's own
        // retrying would keep re-trying a refused TLS handshake until the connect timeout and then report either
        // the TLS error or a timeout, depending on timing. Failing at once makes the error the real one.
        clientConfiguration.connectionPool.retryConnectionEstablishment = false
        self.client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: clientConfiguration)
        self.configuration = configuration
    }

    /// Closes every connection; call once, when no request is in flight.
    ///
    /// - Throws: AsyncHTTPClient's error when the pool was already shut down.
    public func shutdown() async throws {
        try await client.shutdown()
    }

    /// Sends a request once.
    ///
    /// - Parameter request: the request.
    /// - Returns: the response with its whole body.
    /// - Throws: ``CalDAVError`` (connection, timeout, TLS, response too large).
    public func send(_ request: CalDAVRequest) async throws -> CalDAVResponse {
        var outgoing = HTTPClientRequest(url: request.url.absoluteString)
        outgoing.method = NIOHTTP1.HTTPMethod(rawValue: request.method.rawValue)
        for field in request.headers {
            outgoing.headers.add(name: field.name, value: field.value)
        }
        if !request.body.isEmpty {
            outgoing.body = .bytes(ByteBuffer(bytes: request.body))
        }
        // AsyncHTTPClient's own deadline ends with the response head, and its read timeout is between bytes: a
        // server that sends a byte a second would hold the body forever. The whole exchange, to the last byte,
        // races the request timeout instead.
        let limit = configuration.requestTimeout
        let client = self.client
        let prepared = outgoing
        let maxResponseBytes = configuration.maxResponseBytes
        do {
            return try await withThrowingTaskGroup(of: CalDAVResponse?.self) { group in
                group.addTask {
                    let response = try await client.execute(prepared, timeout: TimeAmount(limit))
                    let body = try await response.body.collect(upTo: maxResponseBytes)
                    return CalDAVResponse(
                        status: Int(response.status.code),
                        headers: response.headers.map { HeaderField($0.name, $0.value) },
                        body: Array(body.readableBytesView)
                    )
                }
                group.addTask {
                    try await Task.sleep(for: limit)
                    return nil
                }
                defer { group.cancelAll() }
                guard let first = try await group.next(), let response = first else {
                    throw CalDAVError(
                        .timeout,
                        url: request.url,
                        detail: "no complete answer within \(limit.components.seconds) s",
                        hint: "the server is too slow or stalled; --timeout sets how long one request may take"
                    )
                }
                return response
            }
        } catch let error as CalDAVError {
            throw error
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            throw Self.classify(error, url: request.url, limit: configuration.maxResponseBytes)
        }
    }

    /// Turns AsyncHTTPClient's and NIO's errors into error values; the description never includes headers.
    private static func classify(_ error: any Error, url: URL, limit: Int) -> CalDAVError {
        if let httpError = error as? HTTPClientError {
            switch httpError {
            case .connectTimeout, .readTimeout, .writeTimeout, .deadlineExceeded, .getConnectionFromPoolTimeout:
                return CalDAVError(
                    .timeout,
                    url: url,
                    detail: "the request timed out (\(httpError))",
                    hint: "check that the server is reachable; rota retries a few times before giving up"
                )
            case .tlsHandshakeTimeout:
                return CalDAVError(.timeout, url: url, detail: "the TLS handshake timed out", hint: "retry later")
            case .remoteConnectionClosed:
                return connectionError(url, "the server closed the connection")
            default:
                break
            }
        }
        if error is NIOTooManyBytesError {
            return CalDAVError(
                .responseTooLarge,
                url: url,
                detail: "the response is larger than \(limit) bytes",
                hint: "raise the transport's maxResponseBytes if the calendar really is this large"
            )
        }
        if error is NIOSSLError || error is BoringSSLError || error is NIOSSLExtraError {
            return CalDAVError(
                .tls,
                url: url,
                detail: "TLS failed: \(error)",
                hint: "check the server's certificate; only for a test server, turn verification off explicitly"
            )
        }
        if let reason = refusal(error) {
            return CalDAVError(
                .connection,
                url: url,
                detail: reason,
                hint: "check the URL, and that the CalDAV server is running and listening there"
            )
        }
        if error is NIOConnectionError || error is IOError || error is ChannelError {
            return connectionError(url, "could not connect or the connection dropped: \(error)")
        }
        return connectionError(url, "the request failed: \(error)")
    }

    /// Why no connection could be made, in words (`connection refused`); nil for other failures.
    ///
    /// Read from the errno the system gave; NIO's own descriptions are enum dumps no user should have to read.
    private static func refusal(_ error: any Error) -> String? {
        let errors: [any Error] =
            if let connection = error as? NIOConnectionError {
                connection.connectionErrors.map(\.error)
            } else {
                [error]
            }
        for error in errors {
            guard let io = error as? IOError else { continue }
            switch io.errnoCode {
            case ECONNREFUSED: return "connection refused"
            case EHOSTUNREACH: return "host unreachable"
            case ENETUNREACH: return "network unreachable"
            case ETIMEDOUT: return "the connection timed out"
            default: continue
            }
        }
        if let connection = error as? NIOConnectionError, connection.dnsAError != nil || connection.dnsAAAAError != nil,
            connection.connectionErrors.isEmpty
        {
            return "the host name could not be resolved"
        }
        return nil
    }

    private static func connectionError(_ url: URL, _ detail: String) -> CalDAVError {
        CalDAVError(
            .connection,
            url: url,
            detail: detail,
            hint: "check the URL and that the server is running and reachable"
        )
    }
}
