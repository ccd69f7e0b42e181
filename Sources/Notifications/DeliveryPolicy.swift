import CalDAV
import Foundation

/// How long to wait before posting a message again, and when to give up: a pure function of the answer.
///
/// A receiver that answers 5xx or 429, or cannot be reached, gets the message again after a wait: the seconds of its
/// `Retry-After` when it sends them (up to `longestWait`), else 1 s, 2 s, 4 s ... up to `longestWait`. After
/// `maxAttempts` posts, or when `Retry-After` asks for longer than `longestWait`, rota gives up; the message stays
/// unmarked and the next run sends it. No jitter: one cron job posts to one webhook, there is no herd to spread.
package struct DeliveryPolicy: Hashable, Sendable {
    package var maxAttempts: Int
    package var firstWait: Duration
    package var longestWait: Duration

    package init(maxAttempts: Int = 4, firstWait: Duration = .seconds(1), longestWait: Duration = .seconds(30)) {
        self.maxAttempts = maxAttempts
        self.firstWait = firstWait
        self.longestWait = longestWait
    }

    /// The wait before attempt `attempt + 1`, or nil to give up.
    ///
    /// - Parameters:
    ///   - attempt: The posts made so far (1 after the first).
    ///   - status: The receiver's status; nil when no answer arrived.
    ///   - retryAfter: The `Retry-After` header as sent, read by CalDAV's `RetryAfter`; only whole seconds count here
    ///     (an HTTP date needs the response's `Date`, which a webhook answer may lack, so it is ignored).
    /// - Returns: How long to wait before the next post; nil when there is none.
    package func wait(afterAttempt attempt: Int, status: Int?, retryAfter: String?) -> Duration? {
        if let status, !(status == 429 || (500...599).contains(status)) { return nil }
        guard attempt < maxAttempts else { return nil }
        if let asked = retryAfter.flatMap({ RetryAfter.delay($0, responseDate: nil) }) {
            return asked <= longestWait ? asked : nil
        }
        let backoff = RetryPolicy(
            maxAttempts: maxAttempts,
            baseDelay: firstWait,
            maxDelay: longestWait,
            maxRetryAfter: longestWait
        )
        return backoff.backoff(afterAttempt: attempt)
    }
}
