import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Downloads a public document (a holiday calendar, a feed) for commands that read one from a URL.
enum HTTPGet {
    /// Why a download failed, in words for the error message.
    struct Failure: Error {
        let reason: String
        init(_ reason: String) { self.reason = reason }
    }

    /// The body of a 200 answer to a GET of `address`, at most `limit` bytes, within 25 seconds.
    static func fetch(_ address: String, accept: String, limit: Int) -> Result<[UInt8], Failure> {
        guard let url = URL(string: address), url.scheme == "http" || url.scheme == "https" else {
            return .failure(Failure("not an http(s) URL"))
        }
        var request = URLRequest(url: url, timeoutInterval: 20)
        request.setValue(accept, forHTTPHeaderField: "Accept")
        let outcome = Outcome()
        let done = DispatchSemaphore(value: 0)
        URLSession.shared.dataTask(with: request) { data, response, error in
            outcome.set(data: data, status: (response as? HTTPURLResponse)?.statusCode, error: error)
            done.signal()
        }.resume()
        guard done.wait(timeout: .now() + 25) == .success else {
            return .failure(Failure("no answer within 25 seconds"))
        }
        return outcome.result(limit: limit)
    }

    /// The download's result, handed from URLSession's queue to the waiting thread.
    private final class Outcome: @unchecked Sendable {
        // Safe: written once on URLSession's queue before the semaphore is signalled, read after the wait.
        private var data: Data?
        private var status: Int?
        private var error: (any Error)?

        func set(data: Data?, status: Int?, error: (any Error)?) {
            self.data = data
            self.status = status
            self.error = error
        }

        func result(limit: Int) -> Result<[UInt8], Failure> {
            if let error { return .failure(Failure(error.localizedDescription)) }
            guard let status, status == 200 else {
                return .failure(Failure("HTTP status \(status.map(String.init) ?? "none")"))
            }
            guard let data, data.count <= limit else { return .failure(Failure("larger than \(limit >> 20) MiB")) }
            return .success(Array(data))
        }
    }
}
