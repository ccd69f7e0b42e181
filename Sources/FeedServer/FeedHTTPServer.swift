import HTTPTypes
import Hummingbird
package import Logging
import NIOCore

/// `rota serve`'s HTTP server: answers every request from the catalog the `catalog` closure returns.
///
/// The closure is called once per request, so the caller decides when to rebuild (rota checks whether
/// the config or ledger changed). The server owns only HTTP: routing, validators, tokens and the log.
package struct FeedHTTPServer: Sendable {
    package let host: String
    package let port: Int
    package let catalog: @Sendable () async -> FeedCatalog
    /// The access log: one line per request, `METHOD PATH STATUS BYTES`, tokens replaced by `***`.
    package let accessLog: Logger
    /// Hummingbird's own messages (start, shutdown, errors).
    package let serverLog: Logger

    package init(
        host: String,
        port: Int,
        accessLog: Logger,
        serverLog: Logger,
        catalog: @escaping @Sendable () async -> FeedCatalog
    ) {
        self.host = host
        self.port = port
        self.catalog = catalog
        self.accessLog = accessLog
        self.serverLog = serverLog
    }

    /// Serves until SIGINT or SIGTERM, then finishes open requests and returns.
    ///
    /// - Parameter onRunning: Called once the socket listens, with the port it got (useful with port 0).
    /// - Throws: When the address cannot be bound.
    package func run(onRunning: @escaping @Sendable (Int) async -> Void) async throws {
        let catalog = self.catalog
        let accessLog = self.accessLog
        let responder = CallbackResponder<BasicRequestContext> { request, _ in
            let feedRequest = FeedRequest(
                method: request.method.rawValue,
                target: request.head.path ?? "/",
                ifNoneMatch: request.headers[values: .ifNoneMatch],
                ifModifiedSince: request.headers[.ifModifiedSince]
            )
            let reply = FeedReply.answer(feedRequest, catalog: await catalog())
            accessLog.info(
                "\(feedRequest.method) \(FeedRoute.redacted(feedRequest.target)) \(reply.status) \(reply.body.count)"
            )
            return Self.response(reply)
        }
        let port = self.port
        let app = Application(
            responder: responder,
            configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: "rota"),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? port) },
            logger: serverLog
        )
        try await app.runService()
    }

    private static func response(_ reply: FeedReply) -> Response {
        var headers = HTTPFields()
        for header in reply.headers {
            if let name = HTTPField.Name(header.name) { headers.append(HTTPField(name: name, value: header.value)) }
        }
        let body = reply.body.isEmpty ? ResponseBody() : ResponseBody(byteBuffer: ByteBuffer(bytes: reply.body))
        return Response(status: HTTPResponse.Status(code: reply.status), headers: headers, body: body)
    }
}
