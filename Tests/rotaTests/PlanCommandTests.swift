import Foundation
import RotaTestSupport
import Testing

/// `rota plan` and `rota report` end to end, always with a ledger path of the test's own.
@Suite struct PlanCommandTests {
    static let noLedger = ["--ledger", "/nonexistent/rota-test.ledger.yaml"]

    @Test func tableOfTheNextTwelveWeeks() throws {
        let result = try RotaBinary.run(["plan", "--as-of", "2026-11-28"] + Self.noLedger)
        #expect(result.status == 0)
        #expect(result.standardError == "")
        GoldenFile.check(result.standardOutput, "fixtures/golden/rota/plan-2026-11-28.txt")
        let again = try RotaBinary.run(["plan", "--as-of", "2026-11-28"] + Self.noLedger)
        #expect(again.standardOutput == result.standardOutput)
    }

    @Test func jsonIsStableAndComplete() throws {
        let result = try RotaBinary.run(
            ["plan", "--as-of", "2026-11-28", "--horizon", "6w", "--format", "json"] + Self.noLedger
        )
        #expect(result.status == 0)
        GoldenFile.check(result.standardOutput, "fixtures/golden/rota/plan-2026-11-28.json")
        let document = try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any]
        let shifts = document?["shifts"] as? [[String: Any]]
        #expect(shifts?.count == 7)
        #expect(shifts?.first?["start_utc"] as? String == "2026-11-23T15:00:00Z")
    }

    @Test func recordWritesTheLedgerOnceAndLocksShifts() throws {
        let folder = try RotaBinary.temporaryFolder("plan")
        defer { try? FileManager.default.removeItem(at: folder) }
        let ledger = folder.appendingPathComponent("team.ledger.yaml").path
        let first = try RotaBinary.run(["plan", "--as-of", "2026-11-28", "--record", "--ledger", ledger])
        #expect(first.status == 0)
        #expect(first.standardError == "Recorded in \(ledger): 14 shift locks, 3 holiday decisions, 0 PTO credits.\n")
        let written = try String(contentsOfFile: ledger, encoding: .utf8)
        GoldenFile.check(written, "fixtures/golden/rota/ledger-after-record.yaml")
        let second = try RotaBinary.run(["plan", "--as-of", "2026-11-28", "--record", "--ledger", ledger])
        #expect(second.standardError.hasPrefix("Nothing to record"))
        #expect(try String(contentsOfFile: ledger, encoding: .utf8) == written)
        #expect(second.standardOutput.contains("locked"))
        // No temporary files are left beside the ledger; the lock file stays for the next run.
        let left = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(left == [".team.ledger.yaml.lock", "team.ledger.yaml"])
    }

    @Test func whatIfListsTheShiftsAPTOMoves() throws {
        let folder = try RotaBinary.temporaryFolder("plan")
        defer { try? FileManager.default.removeItem(at: folder) }
        var text = try RotaBinary.bundledConfigText()
        text = text.replacingOccurrences(
            of: "    email: kim@example.com\n",
            with: "    email: kim@example.com\n    pto: [{ from: 2027-03-01, to: 2027-03-10 }]\n"
        )
        let other = folder.appendingPathComponent("team.yaml")
        try Data(text.utf8).write(to: other)
        let result = try RotaBinary.run(
            ["plan", "--as-of", "2026-11-28", "--horizon", "6m", "--what-if", other.path] + Self.noLedger
        )
        #expect(result.status == 0)
        // Kim's PTO touches three shifts (2027-02-22 ends on the morning of 03-01): others cover them in turn and
        // Kim takes the next turns back until the counts are even; the rotation order then resumes.
        #expect(result.standardOutput.hasPrefix("6 shifts move with \(other.path):"))
        #expect(
            result.standardOutput.contains(
                "2027-02-22: Kim -> Chen\n    in for Kim: Kim is on PTO 2027-03-01 to 2027-03-10"
            )
        )
        #expect(result.standardOutput.contains("2027-03-15: Jones -> Kim"))
        #expect(result.standardOutput.contains("2027-03-29: Chen -> Kim"))
    }

    @Test func brokenLedgerIsAnErrorAndNothingIsWritten() throws {
        let folder = try RotaBinary.temporaryFolder("plan")
        defer { try? FileManager.default.removeItem(at: folder) }
        let ledger = folder.appendingPathComponent("team.ledger.yaml")
        let broken = "version: 1\nshifts:\n  - { start: 2026-12-01, engineer: chen, recorded: 2026-11-28 }\n"
        try Data(broken.utf8).write(to: ledger)
        let result = try RotaBinary.run(["plan", "--as-of", "2026-11-28", "--record", "--ledger", ledger.path])
        #expect(result.status == 2)
        #expect(result.standardOutput == "")
        #expect(result.standardError.contains("\(ledger.path):3:"))
        #expect(result.standardError.contains("the ledger was not used"))
        #expect(try String(contentsOf: ledger, encoding: .utf8) == broken)
    }

    @Test func badHorizonIsAUsageError() throws {
        let result = try RotaBinary.run(["plan", "--horizon", "soon"])
        #expect(result.status == 2)
        #expect(result.standardError.contains("--horizon"))
    }

    @Test func reportShowsTheFiguresAndTheFormula() throws {
        let result = try RotaBinary.run(
            ["report", "--as-of", "2026-11-28", "--from", "2027-01-04", "--to", "2028-01-03"] + Self.noLedger
        )
        #expect(result.status == 0)
        GoldenFile.check(result.standardOutput, "fixtures/golden/rota/report-2027.txt")
        let json = try RotaBinary.run(
            ["report", "--as-of", "2026-11-28", "--from", "2027-01-04", "--to", "2028-01-03", "--format", "json"]
                + Self.noLedger
        )
        GoldenFile.check(json.standardOutput, "fixtures/golden/rota/report-2027.json")
    }
}
