/// Why `rota plan --record` could not lock or write the ledger; what went wrong, the file it concerns,
/// and what the user can do.
///
/// Problems with the ledger's contents are `LedgerLoader` diagnostics; these are the file system's.
struct LedgerFileError: Error, Equatable, Sendable, CustomStringConvertible {
    enum Kind: Equatable, Sendable {
        /// Another process held the lock for the whole wait.
        case lockTimedOut(after: Duration)
        /// The lock file cannot be opened or locked.
        case cannotLock(reason: String)
        /// The new ledger cannot be written or renamed into place; the old one is unchanged.
        case cannotWrite(reason: String)
        /// `ROTA_LEDGER_LOCK_TIMEOUT` is not a number of seconds in range.
        case badLockTimeout(value: String)
    }

    let kind: Kind
    /// The file the problem concerns: the lock file, the ledger, or nil for the environment.
    let file: String?

    static func lockTimedOut(_ lockPath: String, after timeout: Duration) -> Self {
        Self(kind: .lockTimedOut(after: timeout), file: lockPath)
    }

    static func cannotLock(_ lockPath: String, reason: String) -> Self {
        Self(kind: .cannotLock(reason: reason), file: lockPath)
    }

    static func cannotWrite(_ ledgerPath: String, reason: String) -> Self {
        Self(kind: .cannotWrite(reason: reason), file: ledgerPath)
    }

    static func badLockTimeout(_ value: String) -> Self {
        Self(kind: .badLockTimeout(value: value), file: nil)
    }

    /// `file: error: what happened`, then `hint: what to do`.
    var description: String {
        let location = file.map { "\($0): " } ?? ""
        return "\(location)error: \(message)\nhint: \(hint)"
    }

    private var message: String {
        switch kind {
        case let .lockTimedOut(timeout):
            return "the ledger is locked by another process (normally another `rota plan --record`); "
                + "gave up after waiting \(Self.seconds(timeout))"
        case let .cannotLock(reason):
            return "cannot lock the ledger: \(reason)"
        case let .cannotWrite(reason):
            return "cannot write ledger: \(reason)"
        case let .badLockTimeout(value):
            return "\(LedgerLock.timeoutVariable) must be a number of seconds from 0 to "
                + "\(Int(LedgerLock.longestTimeout.components.seconds)), not '\(value)'"
        }
    }

    private var hint: String {
        switch kind {
        case .lockTimedOut:
            return "run again when the other run has finished, or set \(LedgerLock.timeoutVariable)=SECONDS to wait "
                + "longer; the lock ends with the process that holds it (`lslocks` names it), so do not delete "
                + "the lock file; nothing was recorded"
        case .cannotLock:
            return "check that the ledger's folder exists and is writable; nothing was recorded"
        case .cannotWrite:
            return "check that the folder is writable and the disk has space; the ledger was left as it was and "
                + "nothing was recorded"
        case .badLockTimeout:
            return "unset it to wait the default \(Self.seconds(LedgerLock.defaultTimeout)); "
                + "0 gives up at once when the ledger is locked"
        }
    }

    /// `30 s`, `0.5 s`.
    private static func seconds(_ duration: Duration) -> String {
        let (whole, attoseconds) = duration.components
        if attoseconds == 0 { return "\(whole) s" }
        return "\(Double(whole) + Double(attoseconds) / 1e18) s"
    }
}
