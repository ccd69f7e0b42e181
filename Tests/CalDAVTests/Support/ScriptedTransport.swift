import CalDAV
import Foundation
import Synchronization

/// An ``HTTPTransport`` that answers from a script and records what it was sent.
///
/// For the client's retry, redirect and credential logic, which needs exact faults in an exact order. Server
/// behaviour itself is tested against the real servers.
final class ScriptedTransport: HTTPTransport {
    enum Step: Sendable {
        case respond(CalDAVResponse)
        case fail(CalDAVError)
    }

    private let state: Mutex<(steps: [Step], sent: [CalDAVRequest])>

    init(_ steps: [Step]) {
        state = Mutex((steps, []))
    }

    var sent: [CalDAVRequest] { state.withLock { $0.sent } }

    func send(_ request: CalDAVRequest) async throws -> CalDAVResponse {
        let step: Step? = state.withLock { state in
            state.sent.append(request)
            return state.steps.isEmpty ? nil : state.steps.removeFirst()
        }
        switch step {
        case .respond(let response): return response
        case .fail(let error): throw error
        case nil: return CalDAVResponse(status: 599)
        }
    }
}

/// A clock whose sleeps return at once and are recorded, so backoff waits are asserted, never waited for.
final class RecordingClock: Clock, Sendable {
    struct Instant: InstantProtocol {
        var offset: Duration
        func advanced(by duration: Duration) -> Instant { Instant(offset: offset + duration) }
        func duration(to other: Instant) -> Duration { other.offset - offset }
        static func < (lhs: Instant, rhs: Instant) -> Bool { lhs.offset < rhs.offset }
    }

    private let state = Mutex<(now: Instant, sleeps: [Duration])>((Instant(offset: .zero), []))

    var now: Instant { state.withLock { $0.now } }
    var minimumResolution: Duration { .nanoseconds(1) }
    var sleeps: [Duration] { state.withLock { $0.sleeps } }

    func sleep(until deadline: Instant, tolerance: Duration?) async throws {
        state.withLock { state in
            state.sleeps.append(state.now.duration(to: deadline))
            state.now = deadline
        }
    }
}
