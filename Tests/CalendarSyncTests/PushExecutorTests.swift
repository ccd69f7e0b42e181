import CalendarSync
import Foundation
import InMemoryLogging
import Logging
import RotaTestSupport
import Testing

/// The executor with a scripted transport and a manual clock: every scenario runs in milliseconds, and waits are
/// measured by what the executor asked the clock for, never by wall time.
struct PushExecutorTests {
    static let body: [UInt8] = Array("BEGIN:VCALENDAR".utf8)

    static func url(_ name: String) -> URL {
        URL(string: "https://dav.example.com/cal/\(name).ics") ?? URL(filePath: "/\(name).ics")
    }

    static func creates(_ count: Int) -> [SyncItem] {
        (0..<count).map { SyncItem(id: "e\($0)", url: url("e\($0)"), decision: .create(body: body)) }
    }

    /// An executor that logs nothing, for tests that drive the clock themselves.
    static func quietExecutor(
        _ transport: FakeTransport,
        _ clock: ManualClock,
        concurrency: Int
    ) -> PushExecutor<ManualClock, FakeTransport> {
        PushExecutor(
            transport: transport,
            clock: clock,
            concurrency: concurrency,
            force: false,
            logger: Logger(label: "push", factory: { _ in SwiftLogNoOpLogHandler() })
        )
    }

    /// Runs the executor, advancing the clock to each deadline asked for; the outcomes and every wait asked for.
    static func run(
        _ items: [SyncItem],
        over transport: FakeTransport,
        concurrency: Int = 4,
        force: Bool = false,
        seed: UInt64 = 42,
        logs: InMemoryLogHandler = InMemoryLogHandler()
    ) async -> (outcomes: [PushOutcome], waits: [Duration]) {
        let clock = ManualClock()
        var logger = Logger(label: "push", factory: { _ in logs })
        logger.logLevel = .debug
        let executor = PushExecutor(
            transport: transport,
            clock: clock,
            concurrency: concurrency,
            force: force,
            logger: logger
        )
        let driver = Task {
            var waits: [Duration] = []
            for await sleep in clock.sleeps {
                waits.append(sleep.wait)
                clock.advance(to: sleep.deadline)
            }
            return waits
        }
        var generator = SeededGenerator(seed: seed)
        let outcomes = await executor.run(items, using: &generator)
        clock.finish()
        return (outcomes, await driver.value)
    }

    @Test func a412IsRereadAndDecidedAgain() async {
        let a = Self.url("a")
        let b = Self.url("b")
        let transport = FakeTransport(
            writes: [a: [.preconditionFailed], b: [.preconditionFailed]],
            rereads: [
                a: [.decided(.update(body: Self.body, etag: "\"2\""), exists: true)],
                b: [.decided(.keep, exists: true)],
            ]
        )
        let items = [
            SyncItem(id: "a", url: a, decision: .update(body: Self.body, etag: "\"1\"")),
            SyncItem(id: "b", url: b, decision: .create(body: Self.body)),
        ]
        let (outcomes, waits) = await Self.run(items, over: transport, concurrency: 1)
        #expect(outcomes == [.updated, .unchanged])
        #expect(waits.isEmpty)
        #expect(transport.requests(to: a) == [.put(a, .ifMatch("\"1\"")), .reread(a), .put(a, .ifMatch("\"2\""))])
        #expect(transport.requests(to: b) == [.put(b, .ifNoneMatch), .reread(b)])
    }

    @Test func aLockedServerGetsOneRequestAtATime() async {
        let items = Self.creates(12)
        let transport = FakeTransport(writes: Dictionary(uniqueKeysWithValues: items.map { ($0.url, [.locked]) }))
        let (outcomes, waits) = await Self.run(items, over: transport, concurrency: 4)
        #expect(outcomes == Array(repeating: .created, count: 12))
        #expect(transport.requests.count == 24)
        let inFlight = transport.inFlightAtStart
        #expect(inFlight.prefix(4).max() ?? 0 <= 4)
        // Once the first answers (all 423) are in, never more than one request at a time.
        #expect(inFlight.dropFirst(4).allSatisfy { $0 == 1 }, "\(inFlight)")
        #expect(waits.count == 12)
        let step = RetrySchedule.standard.lockedStep
        #expect(waits.allSatisfy { $0 >= step && $0 <= step + step / 4 }, "\(waits)")
    }

    @Test func serverErrorsAndThrottlingBackOffAndHonourRetryAfter() async {
        let a = Self.url("a")
        let transport = FakeTransport(
            writes: [
                a: [
                    .serverError(status: 503, retryAfter: nil),
                    .serverError(status: 429, retryAfter: .seconds(7)),
                    .unreachable(message: "connection reset"),
                ]
            ]
        )
        let (outcomes, waits) = await Self.run(
            [SyncItem(id: "a", url: a, decision: .create(body: Self.body))],
            over: transport,
            seed: 9
        )
        #expect(outcomes == [.created])
        var replay = SeededGenerator(seed: 9)
        let first = RetrySchedule.standard.backoff(afterAttempt: 1, using: &replay)
        let third = RetrySchedule.standard.backoff(afterAttempt: 3, using: &replay)
        #expect(waits == [first, .seconds(7), third])
        #expect(transport.requests == Array(repeating: .put(a, .ifNoneMatch), count: 4))
    }

    @Test func aServerStillFailingAfterTheBoundFailsThatEventOnly() async {
        let items = Self.creates(3)
        let transport = FakeTransport(
            writes: [items[0].url: Array(repeating: .serverError(status: 503, retryAfter: nil), count: 4)]
        )
        let (outcomes, waits) = await Self.run(items, over: transport, concurrency: 1)
        let failure = SyncFailure(
            url: items[0].url,
            reason: .gaveUp(.serverError(status: 503, retryAfter: nil), attempts: 4)
        )
        #expect(outcomes == [.failed(failure), .created, .created])
        #expect(waits.count == 3)
        #expect(failure.description.contains("503"))
    }

    @Test(arguments: [403, 409])
    func aRefusedWriteFailsThatEventAndTheOthersGoOn(_ status: Int) async {
        let items = Self.creates(3)
        let transport = FakeTransport(writes: [items[1].url: [.refused(status: status, message: "refused")]])
        let (outcomes, _) = await Self.run(items, over: transport)
        let failure = SyncFailure(url: items[1].url, reason: .refused(status: status, message: "refused"))
        #expect(outcomes == [.created, .failed(failure), .created])
    }

    @Test func aMissingETagIsRereadAndNoRequestEverCarriesAStar() async {
        let a = Self.url("a")
        let b = Self.url("b")
        let c = Self.url("c")
        let transport = FakeTransport(
            rereads: [
                a: [.decided(.update(body: Self.body, etag: "\"7\""), exists: true)],
                b: [.decided(.delete(etag: nil), exists: true)],
                c: [.decided(.drift(replacement: nil, etag: "\"8\""), exists: true)],
            ]
        )
        let items = [
            SyncItem(id: "a", url: a, decision: .update(body: Self.body, etag: nil)),
            SyncItem(id: "b", url: b, decision: .delete(etag: nil)),
            SyncItem(id: "c", url: c, decision: .drift(replacement: nil, etag: nil)),
        ]
        let (outcomes, _) = await Self.run(items, over: transport, concurrency: 1, force: true)
        #expect(outcomes == [.updated, .failed(SyncFailure(url: b, reason: .missingETag)), .driftOverwritten])
        #expect(transport.requests(to: a) == [.reread(a), .put(a, .ifMatch("\"7\""))])
        #expect(transport.requests(to: b) == [.reread(b)])
        #expect(transport.requests(to: c) == [.reread(c), .delete(c, .ifMatch("\"8\""))])
        for request in transport.requests {
            switch request {
            case .put(_, let precondition), .delete(_, let precondition):
                #expect(precondition != .ifMatch("*"))
            case .reread:
                break
            }
        }
    }

    @Test(arguments: [1, 3, 8])
    func concurrencyNeverExceedsTheBound(_ bound: Int) async {
        let transport = FakeTransport()
        let (outcomes, _) = await Self.run(Self.creates(40), over: transport, concurrency: bound)
        #expect(outcomes == Array(repeating: .created, count: 40))
        #expect(transport.inFlightAtStart.allSatisfy { $0 <= bound })
    }

    @Test func theTallyCountsEachOutcome() {
        let failure = SyncFailure(url: Self.url("x"), reason: .occupied)
        let tally = PushTally([.created, .created, .updated, .deleted, .unchanged, .driftOverwritten, .failed(failure)])
        var expected = PushTally()
        expected.created = 2
        expected.updated = 1
        expected.deleted = 1
        expected.unchanged = 1
        expected.driftOverwritten = 1
        expected.failed = 1
        #expect(tally == expected)
    }
}

extension PushExecutorTests {
    @Test func anEventKeepsItsSlotThroughItsBackoffSoOneAtATimeMeansOneEventAtATime() async {
        let items = Self.creates(3)
        let transport = FakeTransport(
            writes: [items[0].url: Array(repeating: .serverError(status: 503, retryAfter: nil), count: 3)]
        )
        let (outcomes, _) = await Self.run(items, over: transport, concurrency: 1)
        #expect(outcomes == [.created, .created, .created])
        #expect(
            transport.requests
                == Array(repeating: .put(items[0].url, .ifNoneMatch), count: 4) + [
                    .put(items[1].url, .ifNoneMatch), .put(items[2].url, .ifNoneMatch),
                ]
        )
    }

    /// What `rota push -v` shows: each request at debug level, each wait before a retry and each 412 re-read at info,
    /// with the URL's user name and password left out.
    @Test func requestsAreLoggedAtDebugAndWaitsAndRereadsAtInfoWithoutCredentials() async throws {
        let url = try #require(URL(string: "https://alice:S3CRET@dav.example.com/cal/a.ics"))
        let transport = FakeTransport(
            writes: [url: [.serverError(status: 503, retryAfter: .seconds(7)), .preconditionFailed]],
            rereads: [url: [.decided(.create(body: Self.body), exists: false)]]
        )
        let logs = InMemoryLogHandler()
        let (outcomes, _) = await Self.run(
            [SyncItem(id: "a", url: url, decision: .create(body: Self.body))],
            over: transport,
            logs: logs
        )
        #expect(outcomes == [.created])
        let info = logs.entries.filter { $0.level == .info }.map(\.message.description)
        #expect(
            info == [
                "waiting 7.0 s before trying a https://dav.example.com/cal/a.ics again after HTTP 503 with Retry-After 7.0 s",
                "a https://dav.example.com/cal/a.ics changed on the server since it was listed (412); reading it again",
            ]
        )
        let debug = logs.entries.filter { $0.level == .debug }.map(\.message.description)
        #expect(debug.filter { $0.hasPrefix("PUT a https://dav.example.com/cal/a.ics (If-None-Match: *)") }.count >= 2)
        let everything = logs.entries.map { "\($0.message) \($0.metadata)" }.joined(separator: "\n")
        #expect(!everything.contains("S3CRET"), "\(everything)")
    }
}

extension PushExecutorTests {
    /// A store that locks for each write (Xandikos) refuses only the first pair of writes that meet: the gate starts
    /// with one write in flight, widens while writes go through, and the first 423 makes the rest one at a time.
    @Test(arguments: [2, 4, 8])
    func onALockingServerKChangesCostKWritesPlusTheFirstRefusal(_ concurrency: Int) async {
        let items = Self.creates(12)
        let transport = FakeTransport(locksWhenBusy: true)
        let (outcomes, _) = await Self.run(items, over: transport, concurrency: concurrency)
        #expect(outcomes == Array(repeating: .created, count: 12))
        #expect(transport.requests.count == 12 + 1, "\(transport.requests)")
    }

    @Test func aServerThatNeverLocksReachesTheBound() async {
        let transport = FakeTransport()
        let (outcomes, _) = await Self.run(Self.creates(20), over: transport, concurrency: 4)
        #expect(outcomes == Array(repeating: .created, count: 20))
        #expect(transport.inFlightAtStart.max() == 4, "\(transport.inFlightAtStart)")
    }

    /// A Retry-After that would end after the deadline is not slept through: the run ends there, the rest unsent.
    @Test func theDeadlineStopsTheRunAndALongRetryAfterIsNotWaitedFor() async {
        let items = Self.creates(3)
        let transport = FakeTransport(
            writes: [items[0].url: [.serverError(status: 503, retryAfter: .seconds(120))]]
        )
        let clock = ManualClock()
        let executor = Self.quietExecutor(transport, clock, concurrency: 1)
        var generator = SeededGenerator(seed: 1)
        let outcomes = await executor.run(items, using: &generator, deadline: clock.now.advanced(by: .seconds(60)))
        clock.finish()
        #expect(outcomes.first == .failed(SyncFailure(url: items[0].url, reason: .deadline(wait: .seconds(120)))))
        #expect(
            Array(outcomes.dropFirst())
                == items.dropFirst().map { PushOutcome.failed(SyncFailure(url: $0.url, reason: .deadline(wait: nil))) }
        )
        #expect(transport.requests == [.put(items[0].url, .ifNoneMatch)])
        let message = String(describing: SyncFailure(url: items[0].url, reason: .deadline(wait: .seconds(120))))
        #expect(message.contains("wait 120 s") && message.contains("--deadline"), "\(message)")
    }

    @Test func nothingIsSentOnceTheDeadlineHasPassed() async {
        let items = Self.creates(3)
        let transport = FakeTransport()
        let clock = ManualClock()
        let executor = Self.quietExecutor(transport, clock, concurrency: 2)
        var generator = SeededGenerator(seed: 1)
        let outcomes = await executor.run(items, using: &generator, deadline: clock.now)
        clock.finish()
        #expect(transport.requests.isEmpty)
        #expect(outcomes == items.map { .failed(SyncFailure(url: $0.url, reason: .deadline(wait: nil))) })
    }
}

extension PushExecutorTests {
    /// A server failing with 5xx is flaky, not locking: the gate stops probing and spreads the events over the
    /// bound, so one event does not meet every fault alone.
    @Test func aServerErrorWhileProbingOpensTheGate() async {
        let items = Self.creates(8)
        let transport = FakeTransport(writes: [items[0].url: [.serverError(status: 503, retryAfter: .zero)]])
        let (outcomes, _) = await Self.run(items, over: transport, concurrency: 4)
        #expect(outcomes == Array(repeating: .created, count: 8))
        #expect(transport.inFlightAtStart.max() == 4, "\(transport.inFlightAtStart)")
        #expect(transport.inFlightAtStart.first == 1, "the first event probes alone")
    }
}
