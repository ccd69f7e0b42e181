/// When and how long to wait before sending a failed request again: exponential backoff with a bound.
///
/// Pure: ``decision(afterAttempt:request:outcome:)`` looks at the request and what came back and returns a
/// ``Decision``; ``CalDAVClient`` performs the wait on its clock. Retried: 5xx, 429 (honouring `Retry-After`), 423
/// Locked (Xandikos answers it when two writes reach its git store at once), dropped connections and timeouts, and
/// only for requests safe to repeat (``CalDAVRequest/isSafeToRetry``). A 412 is an answer, never retried.
public struct RetryPolicy: Equatable, Sendable {
    /// What to do after an attempt.
    public enum Decision: Equatable, Sendable {
        /// Send the request again after this wait.
        case retry(after: Duration)
        /// Hand the outcome to the caller.
        case stop
    }

    /// What one attempt produced.
    public enum Outcome: Equatable, Sendable {
        /// A response arrived (any status).
        case response(CalDAVResponse)
        /// No response arrived.
        case failure(CalDAVError)
    }

    /// Attempts in all, the first included; 1 means never retry.
    public var maxAttempts: Int
    /// The wait after the first failure; each later wait doubles, up to ``maxDelay``.
    public var baseDelay: Duration
    /// The longest backoff wait.
    public var maxDelay: Duration
    /// The longest `Retry-After` honoured; a server asking for more is not retried (the caller sees the 429/503).
    public var maxRetryAfter: Duration

    /// Creates a policy.
    ///
    /// - Parameters:
    ///   - maxAttempts: attempts in all, at least 1.
    ///   - baseDelay: the first wait.
    ///   - maxDelay: the longest backoff wait.
    ///   - maxRetryAfter: the longest `Retry-After` honoured.
    public init(maxAttempts: Int, baseDelay: Duration, maxDelay: Duration, maxRetryAfter: Duration) {
        self.maxAttempts = max(1, maxAttempts)
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.maxRetryAfter = maxRetryAfter
    }

    /// Four attempts, waits of 0.5 s, 1 s, 2 s (up to 8 s), `Retry-After` up to two minutes.
    public static let standard = RetryPolicy(
        maxAttempts: 4,
        baseDelay: .milliseconds(500),
        maxDelay: .seconds(8),
        maxRetryAfter: .seconds(120)
    )

    /// Never retry.
    public static let never = RetryPolicy(maxAttempts: 1, baseDelay: .zero, maxDelay: .zero, maxRetryAfter: .zero)

    /// The backoff wait after a given failed attempt: `baseDelay * 2^(attempt-1)`, at most ``maxDelay``.
    ///
    /// - Parameter attempt: the attempt that failed, from 1.
    /// - Returns: the wait.
    public func backoff(afterAttempt attempt: Int) -> Duration {
        Self.backoff(afterAttempt: attempt, baseDelay: baseDelay, maxDelay: maxDelay)
    }

    /// The backoff rule on its own, for a caller that keeps its own retry state (a push retrying each event):
    /// `baseDelay * 2^(attempt-1)`, at most `maxDelay`.
    ///
    /// - Parameters:
    ///   - attempt: the attempt that failed, from 1.
    ///   - baseDelay: the wait after the first failure.
    ///   - maxDelay: the longest wait.
    /// - Returns: the wait.
    public static func backoff(afterAttempt attempt: Int, baseDelay: Duration, maxDelay: Duration) -> Duration {
        var delay = baseDelay
        for _ in 1..<max(1, attempt) {
            delay *= 2
            if delay >= maxDelay { return maxDelay }
        }
        return min(delay, maxDelay)
    }

    /// Whether to retry after an attempt, and after what wait.
    ///
    /// - Parameters:
    ///   - attempt: the attempt just made, from 1.
    ///   - request: the request sent.
    ///   - outcome: what came back.
    /// - Returns: the decision.
    public func decision(afterAttempt attempt: Int, request: CalDAVRequest, outcome: Outcome) -> Decision {
        guard attempt < maxAttempts, request.isSafeToRetry else { return .stop }
        switch outcome {
        case .failure(let error):
            return error.isTransient
                ? .retry(after: backoff(afterAttempt: attempt)) : .stop
        case .response(let response):
            guard [423, 429].contains(response.status) || (500..<600).contains(response.status) else { return .stop }
            // Without a Retry-After, or with one that cannot be read, back off as after a failure.
            guard let wait = response.retryAfter else { return .retry(after: backoff(afterAttempt: attempt)) }
            return wait <= maxRetryAfter ? .retry(after: wait) : .stop
        }
    }
}
