import CalDAV
import Foundation

/// Downloads a public document (a holiday calendar, a feed) for commands that read one from a URL.
///
/// It goes through the CalDAV library's one transport, so rota has a single HTTP GET path: AsyncHTTPClient, TLS
/// verified, a 10-second connect and 20-second read timeout, 60 seconds for the whole download, and the size limit
/// checked twice: a `Content-Length` over it fails before any of the body is read, and a body without one (or one
/// that lies) is counted while it streams in and abandoned as soon as it passes the limit. Redirects are followed
/// here (at most 5, no cycles, to any origin: no credentials are ever sent). Foundation's URLSession is not used: it
/// hangs on a 401 carrying `WWW-Authenticate` on this platform, and it would tie a static build to libcurl.
enum HTTPGet {
    /// Why a download failed, in words for the error message.
    struct Failure: Error {
        let reason: String
        init(_ reason: String) { self.reason = reason }
    }

    /// Redirects followed before giving up.
    static let maxRedirects = 5

    /// The body of a 200 answer to a GET of `address`, at most `limit` bytes.
    static func fetch(_ address: String, accept: String, limit: Int) async -> Result<[UInt8], Failure> {
        guard let url = URL(string: address), url.scheme == "http" || url.scheme == "https", url.host != nil else {
            return .failure(Failure("not an http(s) URL"))
        }
        let transport = AsyncHTTPClientTransport(
            configuration: TransportConfiguration(
                connectTimeout: .seconds(10),
                readTimeout: .seconds(20),
                requestTimeout: .seconds(60),
                maxResponseBytes: limit
            )
        )
        let result = await follow(url, accept: accept, limit: limit, transport: transport)
        try? await transport.shutdown()
        return result
    }

    private static func follow(
        _ start: URL,
        accept: String,
        limit: Int,
        transport: AsyncHTTPClientTransport
    ) async -> Result<[UInt8], Failure> {
        var visited = [start]
        var url = start
        while true {
            let request = CalDAVRequest(
                method: .get,
                url: url,
                headers: [HeaderField("Accept", accept), HeaderField("User-Agent", "rota/\(RotaVersion.current)")]
            )
            let response: CalDAVResponse
            do {
                response = try await transport.send(request)
            } catch let error as CalDAVError where error.code == .responseTooLarge {
                return .failure(
                    Failure("larger than \(megabytes(limit)), the most rota reads; the download was stopped")
                )
            } catch let error as CalDAVError {
                return .failure(Failure(error.detail))
            } catch {
                return .failure(Failure(String(describing: error)))
            }
            guard [301, 302, 303, 307, 308].contains(response.status) else {
                guard response.status == 200 else { return .failure(Failure("HTTP status \(response.status)")) }
                return .success(response.body)
            }
            guard let location = response.headers.value(for: "Location"),
                let next = Multistatus.resolve(href: location, against: url),
                next.scheme == "http" || next.scheme == "https"
            else {
                return .failure(Failure("HTTP status \(response.status) without a usable Location"))
            }
            guard visited.count <= maxRedirects, !visited.contains(next) else {
                return .failure(Failure("more than \(maxRedirects) redirects, or a redirect loop"))
            }
            visited.append(next)
            url = next
        }
    }

    /// `8 MiB`, or the byte count when the limit is not a whole number of MiB (tests use small limits).
    private static func megabytes(_ bytes: Int) -> String {
        bytes % (1 << 20) == 0 ? "\(bytes >> 20) MiB" : "\(bytes) bytes"
    }
}
