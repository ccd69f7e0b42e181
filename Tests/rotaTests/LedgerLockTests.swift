import Foundation
import RotaTestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// `rota plan --record` under the ledger lock, end to end: concurrent runs keep every record, a
/// killed run's temporary file goes, a failed write leaves the old ledger, a held lock is reported.
@Suite struct LedgerLockTests {
    /// Twenty weekly as-of dates from 2026-11-28: each run records the shifts that enter the lock window that week.
    static let weeklyDates = [
        "2026-11-28", "2026-12-05", "2026-12-12", "2026-12-19", "2026-12-26", "2027-01-02", "2027-01-09",
        "2027-01-16", "2027-01-23", "2027-01-30", "2027-02-06", "2027-02-13", "2027-02-20", "2027-02-27",
        "2027-03-06", "2027-03-13", "2027-03-20", "2027-03-27", "2027-04-03", "2027-04-10",
    ]

    @Test func concurrentRecordsKeepEveryRecord() throws {
        let concurrent = try Self.folderWithConfig("lock-concurrent")
        let sequential = try Self.folderWithConfig("lock-sequential")
        defer {
            try? FileManager.default.removeItem(at: concurrent)
            try? FileManager.default.removeItem(at: sequential)
        }
        let runs = try Self.weeklyDates.map { date in
            try Self.start(["plan", "--as-of", date, "--record", "--config", Self.config(in: concurrent)])
        }
        for (date, run) in zip(Self.weeklyDates, runs) {
            run.process.waitUntilExit()
            let standardError = String(
                decoding: run.standardError.fileHandleForReading.readDataToEndOfFile(),
                as: UTF8.self
            )
            #expect(run.process.terminationStatus == 0, "--as-of \(date): \(standardError)")
        }
        for date in Self.weeklyDates {
            let result = try RotaBinary.run([
                "plan", "--as-of", date, "--record", "--config", Self.config(in: sequential),
            ])
            #expect(result.status == 0, "--as-of \(date): \(result.standardError)")
        }
        let together = try Self.recordKeys(in: concurrent)
        let oneByOne = try Self.recordKeys(in: sequential)
        // A lost write shows as a missing key. The plan does not depend on when or in which order the
        // ledger was recorded, so each shift also has the same engineer either way.
        #expect(oneByOne.count > 30)
        #expect(together == oneByOne, "missing: \(oneByOne.subtracting(together).sorted())")
        #expect(try Self.engineers(in: concurrent) == Self.engineers(in: sequential))
        let check = try RotaBinary.run(["check", "--as-of", "2026-11-28", "--config", Self.config(in: concurrent)])
        #expect(check.status == 0, "\(check.standardError)")
        #expect(try Self.listing(concurrent) == [".team.ledger.yaml.lock", "team.ledger.yaml", "team.yaml"])
    }

    @Test func leftoverTemporaryFileIsRemovedByTheNextRecord() throws {
        let folder = try RotaBinary.temporaryFolder("lock-leftover")
        defer { try? FileManager.default.removeItem(at: folder) }
        let ledger = folder.appendingPathComponent("team.ledger.yaml").path
        try Data("version: 1\nshifts:\n  - { start: 2026-11-2".utf8)
            .write(to: folder.appendingPathComponent(".team.ledger.yaml.rota-tmp-4194301"))
        try Data("not rota's".utf8).write(to: folder.appendingPathComponent(".team.ledger.yaml.rota-tmp-notes"))
        let result = try RotaBinary.run(["plan", "--as-of", "2026-11-28", "--record", "--ledger", ledger])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(
            try Self.listing(folder) == [
                ".team.ledger.yaml.lock", ".team.ledger.yaml.rota-tmp-notes", "team.ledger.yaml",
            ]
        )
        GoldenFile.check(
            try String(contentsOfFile: ledger, encoding: .utf8),
            "fixtures/golden/rota/ledger-after-record.yaml"
        )
    }

    @Test func failedWriteLeavesTheLedgerAndNoTemporaryFile() throws {
        let folder = try RotaBinary.temporaryFolder("lock-full")
        defer { try? FileManager.default.removeItem(at: folder) }
        let ledger = folder.appendingPathComponent("team.ledger.yaml").path
        let first = try RotaBinary.run(["plan", "--as-of", "2026-11-28", "--record", "--ledger", ledger])
        #expect(first.status == 0)
        let before = try String(contentsOfFile: ledger, encoding: .utf8)
        // A file size limit of 0 makes writing the temporary file fail (EFBIG) even for root, who may write any folder.
        let binary = try #require(RotaBinary.executable)
        let result = try RotaBinary.shell(
            "trap '' XFSZ; ulimit -f 0; exec \"$0\" plan --as-of 2026-12-26 --record --ledger \"$1\"",
            arguments: [binary.path, ledger]
        )
        #expect(result.status == 2)
        #expect(
            result.standardError.hasPrefix(
                "\(ledger): error: cannot write ledger: File too large (writing \(folder.path)/.team.ledger.yaml.rota-tmp-"
            )
        )
        #expect(
            result.standardError.hasSuffix(
                "hint: check that the folder is writable and the disk has space; the ledger was left as it was and "
                    + "nothing was recorded\n"
            )
        )
        #expect(try String(contentsOfFile: ledger, encoding: .utf8) == before)
        #expect(try Self.listing(folder) == [".team.ledger.yaml.lock", "team.ledger.yaml"])
    }

    @Test func ledgerThatIsAFolderIsAnErrorAndNothingIsWritten() throws {
        let folder = try RotaBinary.temporaryFolder("lock-folder")
        defer { try? FileManager.default.removeItem(at: folder) }
        let ledger = folder.appendingPathComponent("team.ledger.yaml")
        try FileManager.default.createDirectory(at: ledger, withIntermediateDirectories: false)
        let result = try RotaBinary.run(["plan", "--as-of", "2026-11-28", "--record", "--ledger", ledger.path])
        #expect(result.status == 2)
        #expect(
            result.standardError
                == "\(ledger.path): error: is a directory, not a ledger file\nhint: pass the ledger's YAML file\n"
        )
        // The plan reads the ledger before it records, so the run stops before it takes the lock.
        #expect(try Self.listing(folder) == ["team.ledger.yaml"])
        #expect(try Self.listing(ledger) == [])
    }

    @Test(.enabled(if: getuid() != 0, "root may write any folder"))
    func readOnlyFolderIsAnErrorAndNothingIsWritten() throws {
        let folder = try RotaBinary.temporaryFolder("lock-read-only")
        defer {
            _ = chmod(folder.path, 0o755)
            try? FileManager.default.removeItem(at: folder)
        }
        #expect(chmod(folder.path, 0o555) == 0)
        let ledger = folder.appendingPathComponent("team.ledger.yaml").path
        let result = try RotaBinary.run(["plan", "--as-of", "2026-11-28", "--record", "--ledger", ledger])
        #expect(result.status == 2)
        #expect(
            result.standardError
                == "\(folder.path)/.team.ledger.yaml.lock: error: cannot lock the ledger: Permission denied\n"
                + "hint: check that the ledger's folder exists and is writable; nothing was recorded\n"
        )
        #expect(try Self.listing(folder) == [])
    }

    @Test(arguments: ["0", "0.3"])
    func heldLockGivesUpWithAClearMessage(timeout: String) throws {
        let folder = try RotaBinary.temporaryFolder("lock-held")
        defer { try? FileManager.default.removeItem(at: folder) }
        let ledger = folder.appendingPathComponent("team.ledger.yaml").path
        let lockPath = folder.appendingPathComponent(".team.ledger.yaml.lock").path
        let descriptor = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        try #require(descriptor >= 0)
        defer { close(descriptor) }
        try #require(flock(descriptor, LOCK_EX | LOCK_NB) == 0)
        let arguments = ["plan", "--as-of", "2026-11-28", "--record", "--ledger", ledger]
        let held = try RotaBinary.run(arguments, environment: ["ROTA_LEDGER_LOCK_TIMEOUT": timeout])
        #expect(held.status == 2)
        #expect(held.standardOutput.contains("Chen"))
        #expect(
            held.standardError
                == "\(lockPath): error: the ledger is locked by another process (normally another `rota plan --record`); "
                + "gave up after waiting \(timeout) s\n"
                + "hint: run again when the other run has finished, or set ROTA_LEDGER_LOCK_TIMEOUT=SECONDS to wait "
                + "longer; the lock ends with the process that holds it (`lslocks` names it), so do not "
                + "delete the lock file; nothing was recorded\n"
        )
        #expect(try Self.listing(folder) == [".team.ledger.yaml.lock"])
        #expect(flock(descriptor, LOCK_UN) == 0)
        let released = try RotaBinary.run(arguments, environment: ["ROTA_LEDGER_LOCK_TIMEOUT": timeout])
        #expect(released.status == 0, "\(released.standardError)")
        #expect(try Self.listing(folder) == [".team.ledger.yaml.lock", "team.ledger.yaml"])
    }

    @Test func badLockTimeoutIsAnError() throws {
        let folder = try RotaBinary.temporaryFolder("lock-timeout")
        defer { try? FileManager.default.removeItem(at: folder) }
        let ledger = folder.appendingPathComponent("team.ledger.yaml").path
        let result = try RotaBinary.run(
            ["plan", "--as-of", "2026-11-28", "--record", "--ledger", ledger],
            environment: ["ROTA_LEDGER_LOCK_TIMEOUT": "soon"]
        )
        #expect(result.status == 2)
        #expect(
            result.standardError
                == "error: ROTA_LEDGER_LOCK_TIMEOUT must be a number of seconds from 0 to 86400, not 'soon'\n"
                + "hint: unset it to wait the default 30 s; 0 gives up at once when the ledger is locked\n"
        )
        #expect(try Self.listing(folder) == [])
    }

    @Test func recordKeepsTheModeAndFollowsASymlink() throws {
        let folder = try RotaBinary.temporaryFolder("lock-mode")
        defer { try? FileManager.default.removeItem(at: folder) }
        let real = folder.appendingPathComponent("shared/team.ledger.yaml")
        try FileManager.default.createDirectory(at: real.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data().write(to: real)
        #expect(chmod(real.path, 0o640) == 0)
        let link = folder.appendingPathComponent("team.ledger.yaml")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: real)
        let result = try RotaBinary.run(["plan", "--as-of", "2026-11-28", "--record", "--ledger", link.path])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == real.path)
        let attributes = try FileManager.default.attributesOfItem(atPath: real.path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o640)
        GoldenFile.check(try String(contentsOf: real, encoding: .utf8), "fixtures/golden/rota/ledger-after-record.yaml")
        #expect(try Self.listing(real.deletingLastPathComponent()) == [".team.ledger.yaml.lock", "team.ledger.yaml"])
    }

    // MARK: - Helpers

    /// A new folder holding a copy of the bundled config as `team.yaml`; its ledger is `team.ledger.yaml` beside it.
    static func folderWithConfig(_ prefix: String) throws -> URL {
        let folder = try RotaBinary.temporaryFolder(prefix)
        try Data(RotaBinary.bundledConfigText().utf8).write(to: folder.appendingPathComponent("team.yaml"))
        return folder
    }

    static func config(in folder: URL) -> String { folder.appendingPathComponent("team.yaml").path }

    /// The folder's entries, sorted.
    static func listing(_ folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    }

    /// What identifies each entry of the folder's ledger: a shift's start, a decision's holiday and
    /// year, a credit's engineer, holiday and year.
    static func recordKeys(in folder: URL) throws -> Set<String> {
        let text = try String(contentsOf: folder.appendingPathComponent("team.ledger.yaml"), encoding: .utf8)
        var section = ""
        var keys = Set<String>()
        for line in text.split(separator: "\n") {
            if let name = line.firstMatch(of: /^([a-z]+):/) {
                section = String(name.1)
            } else if section == "shifts", let key = line.firstMatch(of: /start: [0-9-]+/) {
                keys.insert("shift " + key.output)
            } else if section == "holidays", let key = line.firstMatch(of: /holiday: [a-z0-9-]+, year: [0-9]+/) {
                keys.insert("decision " + key.output)
            } else if section == "credits", let key = line.firstMatch(of: /engineer: .*, year: [0-9]+/) {
                keys.insert("credit " + key.output)
            }
        }
        return keys
    }

    /// Each recorded shift's start and engineer, as the ledger lists them.
    static func engineers(in folder: URL) throws -> [String] {
        let text = try String(contentsOf: folder.appendingPathComponent("team.ledger.yaml"), encoding: .utf8)
        return text.split(separator: "\n").compactMap { line in
            line.firstMatch(of: /start: [0-9-]+, engineer: [a-z]+/).map { String($0.output) }
        }
    }

    /// Starts the binary without waiting; standard output is discarded, standard error kept in a pipe
    /// (a few lines, well under a pipe's buffer).
    static func start(_ arguments: [String]) throws -> (process: Process, standardError: Pipe) {
        let binary = try #require(RotaBinary.executable, "the rota binary was not built next to the tests")
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = RotaBinary.repositoryRoot
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "ROTA_CONFIG")
        process.environment = environment
        let standardError = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = standardError
        try process.run()
        return (process, standardError)
    }
}
