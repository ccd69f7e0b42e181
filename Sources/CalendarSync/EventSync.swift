package import Foundation

/// The sync of one event as a pure state machine: it is told what the server answered and returns what to do next.
///
/// The model is async-http-client's `HTTPRequestStateMachine`: no I/O, no clock, no randomness of its own; the
/// executor (``PushExecutor``) performs each ``Action`` and feeds the result back. Transitions:
///
/// - ``start()``: the decision's first request. A create is a PUT with `If-None-Match: *`; an update, a forced drift
///   or a delete carries `If-Match` with the listed ETag. Without an ETag the event is read again first; the machine
///   never sends `If-Match: *`. An unforced drift, or a keep, finishes at once.
/// - ``answered(_:now:using:)`` after a write: written (or a DELETE that found nothing) finishes; 412 (or a PUT that
///   found nothing) reads again; 5xx, 429 and no answer wait (`Retry-After`, else jittered backoff) and send again;
///   423 waits a short step and sends again; a `Retry-After` longer than the schedule's bound fails with
///   ``SyncFailure/Reason/deadline(wait:)`` (the executor then ends the run); anything else fails this event alone.
/// - ``reread(_:now:using:)``: the decision made on the server's current copy starts over (equal to the plan:
///   unchanged; edited by hand without `--force`: drift kept); a create where something now sits fails.
/// - ``waited()``: sends the request that waited.
///
/// Each kind of retry is bounded by the ``RetrySchedule``.
package struct EventSync<Instant: InstantProtocol<Duration>>: Sendable where Instant: Sendable {
    /// What the executor should do next.
    package enum Action: Equatable, Sendable {
        /// PUT `body` at `url` under `precondition`.
        case put(URL, body: [UInt8], precondition: SyncPrecondition)
        /// DELETE `url` under `precondition` (always `If-Match` with an ETag).
        case delete(URL, precondition: SyncPrecondition)
        /// Read the resource again and decide again.
        case reread(URL)
        /// Wait until this instant, then call ``waited()``.
        case wait(until: Instant)
        /// Finished.
        case done(PushOutcome)
        /// Finished, unsuccessfully; the other events go on.
        case failed(SyncFailure)
    }

    /// A request with what it achieves when it succeeds.
    private struct Write: Sendable {
        var action: Action
        var outcome: PushOutcome
        var isDelete: Bool
    }

    private enum State: Sendable {
        case initial
        /// A write is in flight; `attempts` counts sends of it, `locked` the 423s in a row.
        case writing(Write, attempts: Int, locked: Int)
        /// A write waits to be sent again.
        case waiting(Write, attempts: Int, locked: Int)
        /// A re-read is in flight (or waits, `waiting`), after `attempts` failed reads.
        case rereading(attempts: Int, waiting: Bool)
        case finished
    }

    /// The event.
    package let item: SyncItem
    private let force: Bool
    private let schedule: RetrySchedule
    private var state: State = .initial
    /// Re-reads so far.
    private var rereads = 0

    /// A machine for `item`; `force` overwrites events edited by hand.
    package init(item: SyncItem, force: Bool, schedule: RetrySchedule = .standard) {
        self.item = item
        self.force = force
        self.schedule = schedule
    }

    /// The first action.
    package mutating func start() -> Action {
        guard case .initial = state else { return invalid() }
        return begin(item.decision)
    }

    /// What to do after the server answered the write the last action asked for.
    package mutating func answered(
        _ answer: ServerAnswer,
        now: Instant,
        using generator: inout some RandomNumberGenerator
    ) -> Action {
        guard case .writing(let write, let attempts, let locked) = state else { return invalid() }
        switch answer {
        case .written:
            return finish(write.outcome)
        case .notFound where write.isDelete:
            return finish(write.outcome)  // already gone: what the delete wanted
        case .preconditionFailed, .notFound:
            return reread()
        case .locked:
            guard locked + 1 < schedule.maxLockedAttempts else {
                return fail(.gaveUp(answer, attempts: locked + 1))
            }
            state = .waiting(write, attempts: attempts, locked: locked + 1)
            return .wait(until: now.advanced(by: schedule.lockedWait(afterLocked: locked + 1, using: &generator)))
        case .serverError(_, let retryAfter?) where retryAfter > schedule.maxRetryAfter:
            return fail(.deadline(wait: retryAfter))  // the server is away for longer than a push waits: stop
        case .serverError, .unreachable:
            guard let wait = retryWait(answer, attempts: attempts, using: &generator) else {
                return fail(.gaveUp(answer, attempts: attempts))
            }
            state = .waiting(write, attempts: attempts, locked: 0)
            return .wait(until: now.advanced(by: wait))
        case .refused(let status, let message):
            return fail(.refused(status: status, message: message))
        case .unusable(let message):
            return fail(.unusable(message: message))
        }
    }

    /// What to do with the result of the re-read the last action asked for.
    package mutating func reread(
        _ result: RereadResult,
        now: Instant,
        using generator: inout some RandomNumberGenerator
    ) -> Action {
        guard case .rereading(let attempts, false) = state else { return invalid() }
        switch result {
        case .decided(.create, exists: true):
            return fail(.occupied)
        case .decided(let decision, _):
            return begin(decision, afterReread: true)
        case .failed(let answer):
            let failedReads = attempts + 1
            if case .locked = answer, failedReads < schedule.maxLockedAttempts {
                state = .rereading(attempts: failedReads, waiting: true)
                return .wait(until: now.advanced(by: schedule.lockedWait(afterLocked: failedReads, using: &generator)))
            }
            guard let wait = retryWait(answer, attempts: failedReads, using: &generator) else {
                switch answer {
                case .refused(let status, let message): return fail(.refused(status: status, message: message))
                case .unusable(let message): return fail(.unusable(message: message))
                default: return fail(.gaveUp(answer, attempts: failedReads))
                }
            }
            state = .rereading(attempts: failedReads, waiting: true)
            return .wait(until: now.advanced(by: wait))
        }
    }

    /// The wait the last action asked for is over.
    package mutating func waited() -> Action {
        switch state {
        case .waiting(let write, let attempts, let locked):
            state = .writing(write, attempts: attempts + 1, locked: locked)
            return write.action
        case .rereading(let attempts, true):
            state = .rereading(attempts: attempts, waiting: false)
            return .reread(item.url)
        default:
            return invalid()
        }
    }

    /// The request for `decision`, or the end when there is nothing to write.
    private mutating func begin(_ decision: SyncDecision, afterReread: Bool = false) -> Action {
        switch decision {
        case .keep:
            return finish(.unchanged)
        case .create(let body):
            return send(.put(item.url, body: body, precondition: .ifNoneMatch), .created)
        case .update(let body, let etag):
            guard let etag else { return afterReread ? fail(.missingETag) : reread() }
            return send(.put(item.url, body: body, precondition: .ifMatch(etag)), .updated)
        case .delete(let etag):
            guard let etag else { return afterReread ? fail(.missingETag) : reread() }
            return send(.delete(item.url, precondition: .ifMatch(etag)), .deleted, isDelete: true)
        case .drift(let replacement, let etag):
            guard force else { return finish(.driftKept) }
            guard let etag else { return afterReread ? fail(.missingETag) : reread() }
            guard let replacement else {
                return send(.delete(item.url, precondition: .ifMatch(etag)), .driftOverwritten, isDelete: true)
            }
            return send(.put(item.url, body: replacement, precondition: .ifMatch(etag)), .driftOverwritten)
        }
    }

    private mutating func send(_ action: Action, _ outcome: PushOutcome, isDelete: Bool = false) -> Action {
        state = .writing(Write(action: action, outcome: outcome, isDelete: isDelete), attempts: 1, locked: 0)
        return action
    }

    /// Reads the event again, or fails when it has been read again too often (someone keeps changing it).
    private mutating func reread() -> Action {
        guard rereads < schedule.maxRereads else { return fail(.keptChanging) }
        rereads += 1
        state = .rereading(attempts: 0, waiting: false)
        return .reread(item.url)
    }

    /// The wait before sending again after `answer` on attempt `attempts`; nil when the bound is reached, the answer
    /// is not worth repeating, or its `Retry-After` is too long.
    private func retryWait(
        _ answer: ServerAnswer,
        attempts: Int,
        using generator: inout some RandomNumberGenerator
    ) -> Duration? {
        guard attempts < schedule.maxAttempts else { return nil }
        switch answer {
        case .serverError(_, let retryAfter?):
            return retryAfter <= schedule.maxRetryAfter ? retryAfter : nil
        case .serverError, .unreachable:
            return schedule.backoff(afterAttempt: attempts, using: &generator)
        default:
            return nil
        }
    }

    private mutating func finish(_ outcome: PushOutcome) -> Action {
        state = .finished
        return .done(outcome)
    }

    private mutating func fail(_ reason: SyncFailure.Reason) -> Action {
        state = .finished
        return .failed(SyncFailure(url: item.url, reason: reason))
    }

    /// An event the current state does not expect: the executor's bug, reported as this event's failure.
    private mutating func invalid() -> Action {
        fail(.unusable(message: "\(item.url.absoluteString): error: internal: sync step out of order"))
    }
}
