import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An exclusive `flock(2)` on the lock file beside the ledger, held around the whole read, record and
/// write of `rota plan --record`, so two runs never both read the same ledger and one overwrite the
/// other's records.
///
/// The lock belongs to the open file: it ends when rota closes it or exits, also when it is killed, so
/// a lock file is never stale and stays in place between runs (deleting it while a run holds it would
/// let the next run lock a new file beside it).
enum LedgerLock {
    /// The environment variable that sets how long to wait for the lock, in seconds.
    static let timeoutVariable = "ROTA_LEDGER_LOCK_TIMEOUT"
    static let defaultTimeout: Duration = .seconds(30)
    static let longestTimeout: Duration = .seconds(86_400)

    /// The wait that `ROTA_LEDGER_LOCK_TIMEOUT` sets in `environment`: seconds from 0 to a day, a
    /// fraction allowed; `defaultTimeout` when it is unset or empty.
    ///
    /// - Throws: `LedgerFileError` `.badLockTimeout` for anything else.
    static func timeout(in environment: [String: String]) throws(LedgerFileError) -> Duration {
        guard let value = environment[timeoutVariable], !value.isEmpty else { return defaultTimeout }
        guard let seconds = Double(value), seconds.isFinite, seconds >= 0,
            seconds <= Double(longestTimeout.components.seconds)
        else { throw .badLockTimeout(value) }
        return .seconds(seconds)
    }

    /// Runs `body` while this process holds the lock of the ledger at `location`, waiting up to
    /// `timeout` for another process to release it.
    ///
    /// - Throws: `LedgerFileError` `.cannotLock` when the lock file cannot be opened or locked,
    ///   `.lockTimedOut` when another process holds it for the whole wait; whatever `body` throws.
    static func withLock<T>(_ location: LedgerLocation, timeout: Duration, _ body: () throws -> T) throws -> T {
        let descriptor = try acquire(location.lockPath, timeout: timeout)
        defer {
            _ = flock(descriptor, LOCK_UN)
            _ = close(descriptor)
        }
        return try body()
    }

    /// Runs the async `body` while this process holds the lock of the file at `location` (`rota notify` holds the
    /// lock of its state file while it posts, so two runs never send one message twice).
    ///
    /// - Throws: as the synchronous `withLock`.
    static func withLock<T>(
        _ location: LedgerLocation,
        timeout: Duration,
        _ body: () async throws -> T
    ) async throws -> T {
        let descriptor = try acquire(location.lockPath, timeout: timeout)
        defer {
            _ = flock(descriptor, LOCK_UN)
            _ = close(descriptor)
        }
        return try await body()
    }

    private static func acquire(_ lockPath: String, timeout: Duration) throws(LedgerFileError) -> Int32 {
        var descriptor = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o666)
        let openError = errno
        if descriptor < 0, openError == EACCES {
            // A lock file another user created: a read-only descriptor takes the lock just as well.
            descriptor = open(lockPath, O_RDONLY | O_CLOEXEC)
        }
        guard descriptor >= 0 else { throw .cannotLock(lockPath, reason: String(cString: strerror(openError))) }
        let wait = LockWait(timeout: timeout)
        let clock = ContinuousClock()
        let start = clock.now
        var attempt = 1
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            let code = errno
            if code == EINTR { continue }
            guard code == EWOULDBLOCK || code == EAGAIN else {
                _ = close(descriptor)
                throw .cannotLock(lockPath, reason: String(cString: strerror(code)))
            }
            switch wait.next(afterAttempt: attempt, elapsed: start.duration(to: clock.now)) {
            case .giveUp:
                _ = close(descriptor)
                throw .lockTimedOut(lockPath, after: timeout)
            case let .retry(after: interval):
                let (seconds, attoseconds) = interval.components
                Thread.sleep(forTimeInterval: Double(seconds) + Double(attoseconds) / 1e18)
            }
            attempt += 1
        }
        return descriptor
    }
}
