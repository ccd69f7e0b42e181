package import Foundation

/// Why one event could not be synced, with the URL, rendered like rota's other diagnostics.
package struct SyncFailure: Error, Equatable, Sendable, CustomStringConvertible {
    /// What went wrong.
    package enum Reason: Equatable, Sendable {
        /// Answered 412 every time it was read again and written.
        case keptChanging
        /// Something rota does not manage sits where the event would be created.
        case occupied
        /// The server lists the resource without an ETag, so no conditional write can name its version.
        case missingETag
        /// The server refused the write.
        case refused(status: Int, message: String)
        /// Still failing (5xx, 429, 423, no answer) after the bounded retries, or asking for too long a wait.
        case gaveUp(ServerAnswer, attempts: Int)
        /// The run's deadline came first: the event was not written. `wait` is what the server asked to wait
        /// (`Retry-After`) or the backoff, when that is what would have run past the deadline or the schedule's
        /// bound on one wait.
        case deadline(wait: Duration?)
        /// A failure that sending again cannot fix.
        case unusable(message: String)
    }

    /// The resource.
    package let url: URL
    /// Why.
    package let reason: Reason

    /// Creates a failure.
    package init(url: URL, reason: Reason) {
        self.url = url
        self.reason = reason
    }

    package var description: String {
        let url = url.absoluteString
        switch reason {
        case .keptChanging:
            return "\(url): error: the event kept changing while rota wrote it (412 three times)\n"
                + "hint: run rota push again once the other writer has finished"
        case .occupied:
            return "\(url): error: something rota does not manage is stored where rota would create the event\n"
                + "hint: move or delete that resource, then run rota push again"
        case .missingETag:
            return "\(url): error: the server lists the event without an ETag, so it cannot be changed safely\n"
                + "hint: check that the server supports ETags (RFC 4791 §5.3.4)"
        case .deadline(let wait?):
            return "\(url): error: not written: the server asked to wait \(Self.seconds(wait)) s before sending "
                + "again, past the run's deadline (or longer than the 2 minutes push waits at most); the run stopped\n"
                + "hint: run rota push again later (a longer --deadline helps only for waits under 2 minutes)"
        case .deadline(nil):
            return "\(url): error: not written: the run's deadline came first\n"
                + "hint: run rota push again to write the rest, or give a longer --deadline"
        case .refused(_, let message), .unusable(let message):
            return message
        case .gaveUp(let answer, let attempts):
            return "\(url): error: \(Self.render(answer)) after \(attempts) attempt\(attempts == 1 ? "" : "s")\n"
                + "hint: the server is failing or overloaded; try again later"
        }
    }

    /// Whole seconds, rounded up: a wait of 0.2 s is "1 s".
    private static func seconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        return seconds + (attoseconds > 0 ? 1 : 0)
    }

    private static func render(_ answer: ServerAnswer) -> String {
        switch answer {
        case .serverError(let status, _): "the server answered HTTP \(status)"
        case .locked: "the server answered HTTP 423 Locked"
        case .unreachable(let message), .unusable(let message): "no answer (\(message))"
        default: "unexpected answer \(answer)"
        }
    }
}
