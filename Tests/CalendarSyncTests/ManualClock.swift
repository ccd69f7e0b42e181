import Foundation

/// A clock that moves only when the test advances it, after hummingbird's `MockClock`.
///
/// Every `sleep` is announced on ``sleeps`` (what was asked for and until when); the test advances the clock, which
/// wakes the sleepers whose deadline has come.
final class ManualClock: Clock, @unchecked Sendable {
    // @unchecked: every mutable field is read and written only under `lock`.
    struct Instant: InstantProtocol {
        var offset: Duration

        func advanced(by duration: Duration) -> Instant { Instant(offset: offset + duration) }
        func duration(to other: Instant) -> Duration { other.offset - offset }
        static func < (lhs: Instant, rhs: Instant) -> Bool { lhs.offset < rhs.offset }
    }

    /// One sleep: the wait asked for, and its deadline.
    struct Sleep: Sendable {
        let wait: Duration
        let deadline: Instant
    }

    private let lock = NSLock()
    private var current = Instant(offset: .zero)
    private var sleepers: [(deadline: Instant, continuation: CheckedContinuation<Void, Never>)] = []
    private let announce: AsyncStream<Sleep>.Continuation
    /// Every sleep, as it starts.
    let sleeps: AsyncStream<Sleep>

    init() {
        (sleeps, announce) = AsyncStream.makeStream()
    }

    var now: Instant { lock.withLock { current } }
    var minimumResolution: Duration { .zero }

    func sleep(until deadline: Instant, tolerance: Duration?) async throws {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let wait: Duration? = lock.withLock {
                guard current < deadline else { return nil }
                sleepers.append((deadline, continuation))
                return current.duration(to: deadline)
            }
            announce.yield(Sleep(wait: wait ?? .zero, deadline: deadline))
            if wait == nil { continuation.resume() }
        }
    }

    /// Moves the clock to `instant` (never back) and wakes the sleepers due by then.
    func advance(to instant: Instant) {
        let due: [CheckedContinuation<Void, Never>] = lock.withLock {
            current = max(current, instant)
            let due = sleepers.filter { $0.deadline <= current }.map(\.continuation)
            sleepers.removeAll { $0.deadline <= current }
            return due
        }
        for continuation in due { continuation.resume() }
    }

    /// Ends ``sleeps``.
    func finish() {
        announce.finish()
    }
}
