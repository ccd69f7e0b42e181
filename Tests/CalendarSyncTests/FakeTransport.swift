import CalendarSync
import Foundation

/// A scripted server: answers per URL in order (then a default), and a log of every request with the number of
/// requests in flight when it started.
final class FakeTransport: SyncTransport, @unchecked Sendable {
    // @unchecked: every mutable field is read and written only under `lock`.
    enum Request: Equatable, Sendable {
        case put(URL, SyncPrecondition)
        case delete(URL, SyncPrecondition)
        case reread(URL)
    }

    private let lock = NSLock()
    private var writeAnswers: [URL: [ServerAnswer]]
    private var rereadResults: [URL: [RereadResult]]
    private var inFlight = 0
    private var log: [(request: Request, inFlight: Int)] = []

    /// Like Xandikos' store lock: a write that starts while another request is in flight answers 423 Locked.
    private let locksWhenBusy: Bool

    init(writes: [URL: [ServerAnswer]] = [:], rereads: [URL: [RereadResult]] = [:], locksWhenBusy: Bool = false) {
        writeAnswers = writes
        rereadResults = rereads
        self.locksWhenBusy = locksWhenBusy
    }

    /// Every request, in the order they started.
    var requests: [Request] { lock.withLock { log.map(\.request) } }
    /// The requests to one URL, in order.
    func requests(to url: URL) -> [Request] {
        requests.filter {
            switch $0 {
            case .put(let target, _), .delete(let target, _), .reread(let target): target == url
            }
        }
    }

    /// For each request, how many were in flight (itself included) when it started.
    var inFlightAtStart: [Int] { lock.withLock { log.map(\.inFlight) } }

    func put(_ body: [UInt8], at url: URL, precondition: SyncPrecondition) async -> ServerAnswer {
        await serve(.put(url, precondition)) {
            $0.writeAnswers[url]?.isEmpty == false ? $0.writeAnswers[url]?.removeFirst() : nil
        } ?? .written(etag: "\"new\"")
    }

    func delete(at url: URL, precondition: SyncPrecondition) async -> ServerAnswer {
        await serve(.delete(url, precondition)) {
            $0.writeAnswers[url]?.isEmpty == false ? $0.writeAnswers[url]?.removeFirst() : nil
        } ?? .written(etag: nil)
    }

    func reread(_ item: SyncItem) async -> RereadResult {
        await serve(.reread(item.url)) {
            $0.rereadResults[item.url]?.isEmpty == false ? $0.rereadResults[item.url]?.removeFirst() : nil
        } ?? .decided(.keep, exists: true)
    }

    /// Logs the request, lets other tasks run (so concurrent requests overlap), then answers.
    private func serve<Answer>(_ request: Request, _ next: (FakeTransport) -> Answer?) async -> Answer? {
        let busy = lock.withLock {
            inFlight += 1
            log.append((request, inFlight))
            return inFlight > 1
        }
        for _ in 0..<5 { await Task.yield() }
        return lock.withLock {
            inFlight -= 1
            if locksWhenBusy, busy, case .reread = request {
            } else if locksWhenBusy, busy, let locked = ServerAnswer.locked as? Answer {
                return locked
            }
            return next(self)
        }
    }
}
