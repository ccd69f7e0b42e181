import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// Downloads a public document (a holiday calendar, a feed) for commands that read one from a URL.
///
/// AsyncHTTPClient, as for CalDAV: TLS verified, redirects followed (at most 5), a 10-second connect
/// and 20-second read timeout. Foundation's URLSession is not used: it hangs on a 401 carrying
/// `WWW-Authenticate` on this platform, and it would tie a static build to libcurl.
enum HTTPGet {
    /// Why a download failed, in words for the error message.
    struct Failure: Error {
        let reason: String
        init(_ reason: String) { self.reason = reason }
    }

    /// The body of a 200 answer to a GET of `address`, at most `limit` bytes.
    ///
    /// Synchronous: it waits on the request's future, which is allowed off NIO's event loops (commands
    /// run on the main thread).
    static func fetch(_ address: String, accept: String, limit: Int) -> Result<[UInt8], Failure> {
        guard let url = URL(string: address), url.scheme == "http" || url.scheme == "https", url.host != nil else {
            return .failure(Failure("not an http(s) URL"))
        }
        var configuration = HTTPClient.Configuration()
        configuration.timeout = .init(connect: .seconds(10), read: .seconds(20))
        configuration.redirectConfiguration = .follow(max: 5, allowCycles: false)
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        defer { try? client.syncShutdown() }
        do {
            var request = try HTTPClient.Request(url: address, method: .GET)
            request.headers.add(name: "Accept", value: accept)
            request.headers.add(name: "User-Agent", value: "rota/\(RotaVersion.current)")
            let response = try client.execute(request: request, deadline: .now() + .seconds(60)).wait()
            guard response.status == .ok else {
                return .failure(Failure("HTTP status \(response.status.code)"))
            }
            guard let body = response.body, body.readableBytes <= limit else {
                return response.body == nil ? .success([]) : .failure(Failure("larger than \(limit >> 20) MiB"))
            }
            return .success(Array(buffer: body))
        } catch {
            return .failure(Failure(String(describing: error)))
        }
    }
}
