package import Foundation
package import Logging

/// Performs the actions of one ``EventSync`` per event: requests through a ``WriteGate``, waits on an injected clock.
///
/// The decisions all live in the machines and the gate; this loop only sends what they ask for and feeds the
/// answers back. An event keeps its slot from its first request to its end, through backoff waits and re-reads (so
/// `--concurrency 1` means one event at a time), except after a 423 Locked: then it gives the slot back and queues
/// again behind the others, which is what lets a locked server see one write at a time. The gate admits events in
/// growing rounds before it trusts the server with the whole bound (``WriteGate``). It owns the machines, the gate
/// and the random generator, so child tasks do nothing but one request or one wait each: concurrency never exceeds
/// the gate's bound, and a fake clock and transport make the whole push run in a test without a server or real
/// time. A deadline, when given, ends the run cleanly (see ``run(_:using:deadline:progress:)``).
package struct PushExecutor<C: Clock<Duration>, Transport: SyncTransport>: Sendable where C.Instant: Sendable {
    private typealias Machine = EventSync<C.Instant>

    /// What a child task hands back.
    private enum Completion: Sendable {
        case answer(ServerAnswer)
        case reread(RereadResult)
        case waited
    }

    private let transport: Transport
    let clock: C
    let logger: Logger
    private let concurrency: Int
    private let force: Bool
    private let schedule: RetrySchedule

    /// Creates an executor.
    ///
    /// - Parameters:
    ///   - transport: sends the requests.
    ///   - clock: the clock the waits run on.
    ///   - concurrency: requests at once (at least 1) until the server answers 423 Locked, then one.
    ///   - force: overwrite events edited by hand.
    ///   - schedule: the retry bounds and waits.
    ///   - logger: where each request goes at debug level, and each wait before a retry at info.
    package init(
        transport: Transport,
        clock: C,
        concurrency: Int,
        force: Bool,
        schedule: RetrySchedule = .standard,
        logger: Logger
    ) {
        self.logger = logger
        self.transport = transport
        self.clock = clock
        self.concurrency = max(1, concurrency)
        self.force = force
        self.schedule = schedule
    }

    /// Syncs every item; the outcomes in the items' order.
    ///
    /// - Parameters:
    ///   - items: the events.
    ///   - generator: the source of the backoff jitter.
    ///   - deadline: when the whole run must end: from then on no request starts, and a wait (a `Retry-After`, a
    ///     backoff) that would end after it is not waited for and ends the run at once; those events fail with
    ///     ``SyncFailure/Reason/deadline(wait:)``. Requests in flight finish (each bounded by the transport's timeout).
    ///   - progress: called with the number of events finished so far, each time one finishes.
    /// - Returns: one outcome per item; a failed event does not stop the others.
    package func run(
        _ items: [SyncItem],
        using generator: inout some RandomNumberGenerator,
        deadline: C.Instant? = nil,
        progress: (Int) -> Void = { _ in }
    ) async -> [PushOutcome] {
        var machines = items.map { Machine(item: $0, force: force, schedule: schedule) }
        var outcomes = [PushOutcome?](repeating: nil, count: items.count)
        var pending: [(Int, Machine.Action)] = machines.indices.map { ($0, machines[$0].start()) }
        var gate = WriteGate(limit: concurrency)
        var holdsSlot = Set<Int>()
        var lastAnswers = [ServerAnswer?](repeating: nil, count: items.count)
        var finished = 0
        /// Set when a wait would run past the deadline: the server asked for more time than the run has, so the run
        /// ends there rather than sending more requests it would refuse.
        var stopped = false
        await withTaskGroup(of: (Int, Completion).self) { group in
            var queue: [(Int, Machine.Action)] = []
            var head = 0
            /// After a 423: one request at a time from now on, and this event queues again behind the others.
            func release(_ index: Int) {
                gate.serialize()
                if holdsSlot.remove(index) != nil { gate.leave() }
            }
            while true {
                for (index, planned) in pending {
                    let now = clock.now
                    var action = Self.bounded(planned, by: stopped ? now : deadline, now: now, url: items[index].url)
                    if case .failed(let failure) = action, case .deadline(_?) = failure.reason {
                        // The first long wait ends the run and is reported as such; the rest were merely cut off.
                        if stopped {
                            action = .failed(SyncFailure(url: failure.url, reason: .deadline(wait: nil)))
                        }
                        stopped = true
                    }
                    log(action, for: items[index], after: lastAnswers[index])
                    switch action {
                    case .done(let outcome):
                        outcomes[index] = outcome
                    case .failed(let failure):
                        outcomes[index] = .failed(failure)

                    case .wait(let until):
                        group.addTask { [clock] in
                            try? await clock.sleep(until: until, tolerance: nil)
                            return (index, .waited)
                        }
                        continue
                    case .put, .delete, .reread:
                        if holdsSlot.contains(index) {
                            let item = items[index]
                            group.addTask { [transport] in
                                (index, await Self.send(action, for: item, over: transport))
                            }
                        } else {
                            queue.append((index, action))
                        }
                        continue
                    }
                    if holdsSlot.remove(index) != nil { gate.leave() }
                    finished += 1
                    progress(finished)
                }
                pending.removeAll()
                if stopped || deadline.map({ clock.now >= $0 }) == true {
                    // Past the deadline: what still queues will not be sent; each is reported as not written.
                    for (index, _) in queue[head...] {
                        outcomes[index] = .failed(SyncFailure(url: items[index].url, reason: .deadline(wait: nil)))
                        finished += 1
                        progress(finished)
                    }
                    head = queue.count
                }
                while head < queue.count, gate.enter() {
                    let (index, action) = queue[head]
                    let item = items[index]
                    head += 1
                    holdsSlot.insert(index)
                    group.addTask { [transport] in (index, await Self.send(action, for: item, over: transport)) }
                }
                guard let (index, completion) = await group.next() else { break }
                switch completion {
                case .answer(let answer):
                    log(answer, for: items[index])
                    lastAnswers[index] = answer
                    switch answer {
                    case .locked: release(index)
                    case .serverError, .unreachable: gate.open()
                    default: break
                    }
                    pending.append((index, machines[index].answered(answer, now: clock.now, using: &generator)))
                case .reread(let result):
                    if case .failed(let answer) = result {
                        log(answer, for: items[index])
                        lastAnswers[index] = answer
                    }
                    if result == .failed(.locked) { release(index) }
                    pending.append((index, machines[index].reread(result, now: clock.now, using: &generator)))
                case .waited:
                    pending.append((index, machines[index].waited()))
                }
            }
        }
        return outcomes.map { $0 ?? .unchanged }
    }

    /// `action`, or the event's failure when the deadline forbids it: no request starts after the deadline, and no
    /// wait is begun that would end after it.
    private static func bounded(
        _ action: Machine.Action,
        by deadline: C.Instant?,
        now: C.Instant,
        url: URL
    ) -> Machine.Action {
        guard let deadline else { return action }
        switch action {
        case .wait(let until) where until > deadline:
            return .failed(SyncFailure(url: url, reason: .deadline(wait: now.duration(to: until))))
        case .put, .delete, .reread:
            return now >= deadline ? .failed(SyncFailure(url: url, reason: .deadline(wait: nil))) : action
        default:
            return action
        }
    }

    /// Sends the request `action` asks for.
    private static func send(
        _ action: Machine.Action,
        for item: SyncItem,
        over transport: Transport
    ) async
        -> Completion
    {
        switch action {
        case .put(let url, let body, let precondition):
            .answer(await transport.put(body, at: url, precondition: precondition))
        case .delete(let url, let precondition):
            .answer(await transport.delete(at: url, precondition: precondition))
        case .reread:
            .reread(await transport.reread(item))
        case .wait, .done, .failed:
            .waited
        }
    }
}
