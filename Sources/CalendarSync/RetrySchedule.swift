import CalDAV

/// How often and after what waits a write that found the server failing, throttling or locked is sent again.
///
/// Backoff doubles from ``baseDelay`` up to ``maxDelay``, plus jitter of up to a quarter more drawn from the
/// injected generator, so writers that failed together do not come back together. Jitter only adds: a wait is
/// never shorter than the schedule, so a slow server gets at least the pause it got before jitter. A `Retry-After` is honoured
/// as given, up to ``maxRetryAfter``; asking for more makes the event fail rather than stall the push.
package struct RetrySchedule: Equatable, Sendable {
    /// Attempts in all for a write answered 5xx, 429 or not at all, the first included.
    package var maxAttempts: Int
    /// Attempts in all for a write answered 423 Locked, the first included.
    package var maxLockedAttempts: Int
    /// Reads again (after a 412, or to learn a missing ETag) before the event fails.
    package var maxRereads: Int
    /// The first backoff wait.
    package var baseDelay: Duration
    /// The longest backoff wait.
    package var maxDelay: Duration
    /// The wait added per 423 Locked in a row (a locked store frees up quickly).
    package var lockedStep: Duration
    /// The longest `Retry-After` honoured.
    package var maxRetryAfter: Duration

    /// Creates a schedule.
    package init(
        maxAttempts: Int,
        maxLockedAttempts: Int,
        maxRereads: Int,
        baseDelay: Duration,
        maxDelay: Duration,
        lockedStep: Duration,
        maxRetryAfter: Duration
    ) {
        self.maxAttempts = max(1, maxAttempts)
        self.maxLockedAttempts = max(1, maxLockedAttempts)
        self.maxRereads = max(0, maxRereads)
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.lockedStep = lockedStep
        self.maxRetryAfter = maxRetryAfter
    }

    /// The CalDAV client's standard attempts and waits (four attempts, waits about 0.5 s, 1 s, 2 s, `Retry-After` up
    /// to two minutes), plus ten attempts while locked and two re-reads.
    package static let standard = RetrySchedule(
        maxAttempts: RetryPolicy.standard.maxAttempts,
        maxLockedAttempts: 10,
        maxRereads: 2,
        baseDelay: RetryPolicy.standard.baseDelay,
        maxDelay: RetryPolicy.standard.maxDelay,
        lockedStep: .milliseconds(100),
        maxRetryAfter: RetryPolicy.standard.maxRetryAfter
    )

    /// The backoff before jitter after failed attempt `attempt` (from 1): the CalDAV client's rule,
    /// `baseDelay * 2^(attempt-1)`, at most `maxDelay`.
    package func delay(afterAttempt attempt: Int) -> Duration {
        RetryPolicy.backoff(afterAttempt: attempt, baseDelay: baseDelay, maxDelay: maxDelay)
    }

    /// The wait after failed attempt `attempt`: ``delay(afterAttempt:)`` plus up to a quarter of it at random.
    package func backoff(afterAttempt attempt: Int, using generator: inout some RandomNumberGenerator) -> Duration {
        Self.jittered(delay(afterAttempt: attempt), using: &generator)
    }

    /// The wait after the `count`-th 423 in a row: `lockedStep * count`, jittered like backoff.
    package func lockedWait(afterLocked count: Int, using generator: inout some RandomNumberGenerator) -> Duration {
        Self.jittered(lockedStep * max(1, count), using: &generator)
    }

    /// `delay` plus a uniform part of `delay / 4`, in whole microseconds.
    static func jittered(_ delay: Duration, using generator: inout some RandomNumberGenerator) -> Duration {
        let spread = UInt64(max(0, (delay / 4) / .microseconds(1)))
        guard spread > 0 else { return delay }
        return delay + .microseconds(Int64(generator.next(upperBound: spread + 1)))
    }
}
