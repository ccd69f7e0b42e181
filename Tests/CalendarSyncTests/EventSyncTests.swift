import CalendarSync
import Foundation
import RotaTestSupport
import Testing

/// Table tests on the actions the per-event machine returns; no executor, no I/O.
struct EventSyncTests {
    typealias Machine = EventSync<ManualClock.Instant>

    static let url = URL(string: "https://dav.example.com/cal/a.ics") ?? URL(filePath: "/a.ics")
    static let body: [UInt8] = Array("BEGIN:VCALENDAR".utf8)
    static let now = ManualClock.Instant(offset: .seconds(100))

    static func machine(_ decision: SyncDecision, force: Bool = false) -> Machine {
        Machine(item: SyncItem(id: "a", url: url, decision: decision), force: force)
    }

    struct Start: Sendable, CustomTestStringConvertible {
        let decision: SyncDecision
        let force: Bool
        let expected: Machine.Action
        var testDescription: String { "\(decision) force=\(force)" }
    }

    static let starts: [Start] = [
        Start(decision: .keep, force: false, expected: .done(.unchanged)),
        Start(decision: .create(body: body), force: false, expected: .put(url, body: body, precondition: .ifNoneMatch)),
        Start(
            decision: .update(body: body, etag: "\"1\""),
            force: false,
            expected: .put(url, body: body, precondition: .ifMatch("\"1\""))
        ),
        Start(decision: .update(body: body, etag: nil), force: false, expected: .reread(url)),
        Start(decision: .delete(etag: "\"1\""), force: false, expected: .delete(url, precondition: .ifMatch("\"1\""))),
        Start(decision: .delete(etag: nil), force: false, expected: .reread(url)),
        Start(decision: .drift(replacement: body, etag: "\"1\""), force: false, expected: .done(.driftKept)),
        Start(
            decision: .drift(replacement: body, etag: "\"1\""),
            force: true,
            expected: .put(url, body: body, precondition: .ifMatch("\"1\""))
        ),
        Start(
            decision: .drift(replacement: nil, etag: "\"1\""),
            force: true,
            expected: .delete(url, precondition: .ifMatch("\"1\""))
        ),
        Start(decision: .drift(replacement: body, etag: nil), force: true, expected: .reread(url)),
    ]

    @Test(arguments: starts)
    func startSendsAConditionalWriteOrRereadsFirst(_ row: Start) {
        var machine = Self.machine(row.decision, force: row.force)
        #expect(machine.start() == row.expected)
    }

    struct Answer: Sendable, CustomTestStringConvertible {
        let answer: ServerAnswer
        let expected: Machine.Action
        var testDescription: String { "\(answer)" }
    }

    static let answers: [Answer] = [
        Answer(answer: .written(etag: "\"2\""), expected: .done(.updated)),
        Answer(answer: .preconditionFailed, expected: .reread(url)),
        Answer(answer: .notFound, expected: .reread(url)),
        Answer(
            answer: .serverError(status: 503, retryAfter: .seconds(3)),
            expected: .wait(until: now.advanced(by: .seconds(3)))
        ),
        Answer(
            answer: .serverError(status: 429, retryAfter: .seconds(121)),
            expected: .failed(SyncFailure(url: url, reason: .deadline(wait: .seconds(121))))
        ),
        Answer(
            answer: .refused(status: 403, message: "no"),
            expected: .failed(SyncFailure(url: url, reason: .refused(status: 403, message: "no")))
        ),
        Answer(
            answer: .unusable(message: "tls"),
            expected: .failed(SyncFailure(url: url, reason: .unusable(message: "tls")))
        ),
    ]

    @Test(arguments: answers)
    func answerToAnUpdate(_ row: Answer) {
        var machine = Self.machine(.update(body: Self.body, etag: "\"1\""))
        var generator = SeededGenerator(seed: 1)
        _ = machine.start()
        #expect(machine.answered(row.answer, now: Self.now, using: &generator) == row.expected)
    }

    @Test func backoffWaitsAreJitteredAboveTheScheduleAndTheAttemptsAreBounded() {
        var machine = Self.machine(.create(body: Self.body))
        var generator = SeededGenerator(seed: 7)
        var replay = SeededGenerator(seed: 7)
        let put = machine.start()
        for attempt in 1...3 {
            let expected = RetrySchedule.standard.backoff(afterAttempt: attempt, using: &replay)
            let delay = RetrySchedule.standard.delay(afterAttempt: attempt)
            #expect(expected >= delay && expected <= delay + delay / 4)
            #expect(
                machine.answered(.serverError(status: 500, retryAfter: nil), now: Self.now, using: &generator)
                    == .wait(until: Self.now.advanced(by: expected))
            )
            #expect(machine.waited() == put)
        }
        let last = machine.answered(.unreachable(message: "dropped"), now: Self.now, using: &generator)
        #expect(
            last == .failed(SyncFailure(url: Self.url, reason: .gaveUp(.unreachable(message: "dropped"), attempts: 4)))
        )
    }

    @Test func aDeleteThatFindsNothingIsDone() {
        var machine = Self.machine(.delete(etag: "\"1\""))
        var generator = SeededGenerator(seed: 1)
        _ = machine.start()
        #expect(machine.answered(.notFound, now: Self.now, using: &generator) == .done(.deleted))
    }

    @Test func after412TheEventIsDecidedAgain() {
        var generator = SeededGenerator(seed: 1)
        var machine = Self.machine(.update(body: Self.body, etag: "\"1\""))
        _ = machine.start()
        #expect(machine.answered(.preconditionFailed, now: Self.now, using: &generator) == .reread(Self.url))
        // Changed by someone else, still rota's: update over the new version.
        #expect(
            machine.reread(
                .decided(.update(body: Self.body, etag: "\"2\""), exists: true),
                now: Self.now,
                using: &generator
            )
                == .put(Self.url, body: Self.body, precondition: .ifMatch("\"2\""))
        )
        #expect(machine.answered(.preconditionFailed, now: Self.now, using: &generator) == .reread(Self.url))
        // Now equal to the plan.
        #expect(machine.reread(.decided(.keep, exists: true), now: Self.now, using: &generator) == .done(.unchanged))
    }

    @Test func after412AHandEditIsDriftAndIsLeftAloneWithoutForce() {
        var generator = SeededGenerator(seed: 1)
        var machine = Self.machine(.update(body: Self.body, etag: "\"1\""))
        _ = machine.start()
        _ = machine.answered(.preconditionFailed, now: Self.now, using: &generator)
        let decided = RereadResult.decided(.drift(replacement: Self.body, etag: "\"2\""), exists: true)
        #expect(machine.reread(decided, now: Self.now, using: &generator) == .done(.driftKept))
    }

    @Test func aCreateWhereSomethingNowSitsFails() {
        var generator = SeededGenerator(seed: 1)
        var machine = Self.machine(.create(body: Self.body))
        _ = machine.start()
        _ = machine.answered(.preconditionFailed, now: Self.now, using: &generator)
        #expect(
            machine.reread(.decided(.create(body: Self.body), exists: true), now: Self.now, using: &generator)
                == .failed(SyncFailure(url: Self.url, reason: .occupied))
        )
    }

    @Test func threeConflictsInARowFail() {
        var generator = SeededGenerator(seed: 1)
        var machine = Self.machine(.update(body: Self.body, etag: "\"1\""))
        _ = machine.start()
        for etag in ["\"2\"", "\"3\""] {
            #expect(machine.answered(.preconditionFailed, now: Self.now, using: &generator) == .reread(Self.url))
            _ = machine.reread(
                .decided(.update(body: Self.body, etag: etag), exists: true),
                now: Self.now,
                using: &generator
            )
        }
        #expect(
            machine.answered(.preconditionFailed, now: Self.now, using: &generator)
                == .failed(SyncFailure(url: Self.url, reason: .keptChanging))
        )
    }

    @Test func anETagStillMissingAfterTheRereadIsReportedNeverWrittenBlindly() {
        var generator = SeededGenerator(seed: 1)
        var machine = Self.machine(.delete(etag: nil))
        #expect(machine.start() == .reread(Self.url))
        #expect(
            machine.reread(.decided(.delete(etag: nil), exists: true), now: Self.now, using: &generator)
                == .failed(SyncFailure(url: Self.url, reason: .missingETag))
        )
    }

    @Test func lockedWaitsAShortGrowingStep() {
        var generator = SeededGenerator(seed: 3)
        var replay = SeededGenerator(seed: 3)
        var machine = Self.machine(.create(body: Self.body))
        let put = machine.start()
        for count in 1...3 {
            let expected = RetrySchedule.standard.lockedWait(afterLocked: count, using: &replay)
            #expect(
                machine.answered(.locked, now: Self.now, using: &generator)
                    == .wait(until: Self.now.advanced(by: expected))
            )
            #expect(machine.waited() == put)
        }
    }

    @Test func eventsOutOfOrderFailTheEventInsteadOfCrashing() {
        var machine = Self.machine(.keep)
        #expect(machine.waited() != .done(.unchanged))
    }
}
