import CalDAV
import Foundation
import Notifications
import Testing

/// A clock whose sleeps end at once and are written down, so waits are checked without waiting.
final class SkippingClock: Clock, @unchecked Sendable {
    // @unchecked: `current` and `waits` are read and written only under `lock`.
    struct Instant: InstantProtocol {
        var offset: Duration
        func advanced(by duration: Duration) -> Instant { Instant(offset: offset + duration) }
        func duration(to other: Instant) -> Duration { other.offset - offset }
        static func < (lhs: Instant, rhs: Instant) -> Bool { lhs.offset < rhs.offset }
    }

    private let lock = NSLock()
    private var current = Instant(offset: .zero)
    private var recorded: [Duration] = []

    var now: Instant { lock.withLock { current } }
    var minimumResolution: Duration { .zero }
    var waits: [Duration] { lock.withLock { recorded } }

    func sleep(until deadline: Instant, tolerance: Duration?) async throws {
        lock.withLock {
            recorded.append(current.duration(to: deadline))
            current = max(current, deadline)
        }
    }
}

/// Answers each request with the next scripted response (a status and headers), or fails to connect for nil, and
/// keeps what it was sent.
final class ScriptedTransport: HTTPTransport, @unchecked Sendable {
    // @unchecked: every field is read and written only under `lock`.
    private let lock = NSLock()
    private var script: [CalDAVResponse?]
    private var received: [CalDAVRequest] = []

    init(_ script: [CalDAVResponse?]) { self.script = script }

    var requests: [CalDAVRequest] { lock.withLock { received } }

    func send(_ request: CalDAVRequest) async throws -> CalDAVResponse {
        let next: CalDAVResponse? = lock.withLock {
            received.append(request)
            return script.isEmpty ? CalDAVResponse(status: 200) : script.removeFirst()
        }
        guard let response = next else {
            throw CalDAVError(.connection, url: request.url, detail: "refused", hint: "start it")
        }
        return response
    }
}

@Suite struct WebhookDeliveryTests {
    let url = URL(string: "https://hooks.example.com/services/T000/B000/SECRET") ?? URL(fileURLWithPath: "/")

    @Test func a2xxIsAcceptedAtOnceAsJSON() async throws {
        let transport = ScriptedTransport([CalDAVResponse(status: 200)])
        let clock = SkippingClock()
        let outcome = await WebhookDelivery(url: url, transport: transport, clock: clock).post(
            Array("{}".utf8),
            userAgent: "rota/test"
        )
        #expect(outcome == .accepted(status: 200))
        #expect(clock.waits.isEmpty)
        let request = try #require(transport.requests.first)
        #expect(request.method.rawValue == "POST")
        #expect(request.headers.value(for: "Content-Type") == "application/json")
    }

    @Test func serverErrorsAreSentAgainAfterGrowingWaits() async {
        let transport = ScriptedTransport([CalDAVResponse(status: 500), CalDAVResponse(status: 502), nil])
        let clock = SkippingClock()
        let outcome = await WebhookDelivery(url: url, transport: transport, clock: clock).post([], userAgent: "t")
        #expect(outcome == .accepted(status: 200))
        #expect(transport.requests.count == 4)
        #expect(clock.waits == [.seconds(1), .seconds(2), .seconds(4)])
    }

    @Test func retryAfterSetsTheWait() async {
        let limited = CalDAVResponse(status: 429, headers: [HeaderField("Retry-After", "5")])
        let transport = ScriptedTransport([limited])
        let clock = SkippingClock()
        let outcome = await WebhookDelivery(url: url, transport: transport, clock: clock).post([], userAgent: "t")
        #expect(outcome == .accepted(status: 200))
        #expect(clock.waits == [.seconds(5)])
    }

    @Test func itGivesUpAfterTheLastAttemptWithTheStatus() async {
        let transport = ScriptedTransport(Array(repeating: CalDAVResponse(status: 503), count: 10))
        let clock = SkippingClock()
        let outcome = await WebhookDelivery(url: url, transport: transport, clock: clock).post([], userAgent: "t")
        #expect(outcome == .refused(status: 503, attempts: 4))
        #expect(transport.requests.count == 4)
    }

    @Test func aRefusalIsNotSentAgain() async {
        let transport = ScriptedTransport([CalDAVResponse(status: 404)])
        let outcome = await WebhookDelivery(url: url, transport: transport, clock: SkippingClock()).post(
            [],
            userAgent: "t"
        )
        #expect(outcome == .refused(status: 404, attempts: 1))
        #expect(transport.requests.count == 1)
    }

    @Test func anOutcomeNeverHoldsTheURL() async {
        let transport = ScriptedTransport([nil, nil, nil, nil])
        let outcome = await WebhookDelivery(url: url, transport: transport, clock: SkippingClock()).post(
            [],
            userAgent: "t"
        )
        #expect(!String(describing: outcome).contains("SECRET"))
        #expect(!String(describing: outcome).contains("hooks.example.com"))
    }
}
