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

    @Test(arguments: [
        ([:], Duration.seconds(30)),
        (["ROTA_LEDGER_LOCK_TIMEOUT": ""], .seconds(30)),
        (["ROTA_LEDGER_LOCK_TIMEOUT": "0"], .zero),
        (["ROTA_LEDGER_LOCK_TIMEOUT": "2.5"], .milliseconds(2500)),
        (["ROTA_LEDGER_LOCK_TIMEOUT": "86400"], .seconds(86_400)),
    ])
    func timeoutFromTheEnvironment(environment: [String: String], expected: Duration) throws {
        #expect(try LedgerLock.timeout(in: environment) == expected)
    }

    @Test(arguments: ["soon", "-1", "86401", "inf", "nan", "1e300"])
    func badTimeoutIsAnError(value: String) {
        #expect(throws: LedgerFileError.badLockTimeout(value)) {
            try LedgerLock.timeout(in: ["ROTA_LEDGER_LOCK_TIMEOUT": value])
        }
    }

    @Test func temporaryFilesAreNamedAfterTheLedgerWithAProcessID() {
        let location = LedgerLocation(resolving: "fixtures/team.ledger.yaml")
        #expect(location.folder == "fixtures/")
        #expect(location.lockPath == "fixtures/.team.ledger.yaml.lock")
        #expect(location.temporaryPath(pid: 42) == "fixtures/.team.ledger.yaml.rota-tmp-42")
        let names = [
            ".team.ledger.yaml.rota-tmp-42", ".team.ledger.yaml.rota-tmp-", ".team.ledger.yaml.rota-tmp-4x",
            ".other.ledger.yaml.rota-tmp-7", "team.ledger.yaml", ".team.ledger.yaml.lock",
            ".team.ledger.yaml.rota-tmp-7",
        ]
        #expect(
            location.temporaryNames(in: names) == [".team.ledger.yaml.rota-tmp-42", ".team.ledger.yaml.rota-tmp-7"]
        )
        #expect(LedgerLocation(resolving: "team.ledger.yaml").lockPath == ".team.ledger.yaml.lock")
    }
}
