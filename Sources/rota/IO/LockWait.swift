/// How long a `rota plan --record` that finds the ledger locked waits before it tries again, and when
/// it gives up.
///
/// The intervals start short, because a run holds the lock for a fraction of a second, and double up
/// to `longestInterval`; the last one ends at the timeout. A pure value: the caller measures the time
/// and sleeps, and tests walk the schedule without waiting.
struct LockWait: Equatable, Sendable {
    enum Action: Equatable, Sendable {
        /// Sleep this long, then try to take the lock again.
        case retry(after: Duration)
        /// The timeout has passed: stop waiting.
        case giveUp
    }

    static let firstInterval: Duration = .milliseconds(10)
    static let longestInterval: Duration = .milliseconds(100)

    /// How long to wait in all, from the first attempt.
    let timeout: Duration

    /// What to do after attempt number `attempt` (1 for the first) found the lock taken, `elapsed`
    /// after the first attempt.
    func next(afterAttempt attempt: Int, elapsed: Duration) -> Action {
        guard elapsed < timeout else { return .giveUp }
        let doublings = min(max(attempt - 1, 0), 4)
        let interval = min(Self.firstInterval * (1 << doublings), Self.longestInterval)
        return .retry(after: min(interval, timeout - elapsed))
    }
}
