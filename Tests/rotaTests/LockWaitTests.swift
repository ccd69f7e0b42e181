import Testing

@testable import rota

/// How long `rota plan --record` waits for a held ledger lock, walked without waiting.
@Suite struct LockWaitTests {
    @Test func intervalsDoubleUpToTheLongestAndEndAtTheTimeout() {
        let wait = LockWait(timeout: .milliseconds(500))
        var elapsed: Duration = .zero
        var intervals: [Duration] = []
        var attempt = 1
        while case let .retry(after: interval) = wait.next(afterAttempt: attempt, elapsed: elapsed) {
            intervals.append(interval)
            elapsed += interval
            attempt += 1
        }
        #expect(
            intervals == [10, 20, 40, 80, 100, 100, 100, 50].map { Duration.milliseconds($0) }
        )
        #expect(elapsed == .milliseconds(500))
    }

    @Test func zeroTimeoutGivesUpAtOnce() {
        #expect(LockWait(timeout: .zero).next(afterAttempt: 1, elapsed: .zero) == .giveUp)
    }

    @Test func lateWakeUpGivesUp() {
        #expect(LockWait(timeout: .seconds(30)).next(afterAttempt: 3, elapsed: .seconds(31)) == .giveUp)
    }
}
