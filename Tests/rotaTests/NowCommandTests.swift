import Foundation
import RotaTestSupport
import Testing

/// `rota now` end to end: the bundled team at fixed moments, always with a ledger path of the test's own.
@Suite struct NowCommandTests {
    static let noLedger = ["--ledger", "/nonexistent/rota-test.ledger.yaml"]

    @Test func tableOnAHolidayShift() throws {
        let arguments = ["now", "--at", "2026-12-24T18:00"] + Self.noLedger
        let result = try RotaBinary.run(arguments)
        #expect(result.status == 0)
        #expect(result.standardError == "")
        GoldenFile.check(result.standardOutput, "fixtures/golden/rota/now-2026-12-24T18-00.txt")
        let again = try RotaBinary.run(arguments)
        #expect(again.standardOutput == result.standardOutput)
    }

    @Test func jsonOnARegularShift() throws {
        let arguments = ["now", "--at", "2026-12-02T15:00", "--format", "json"] + Self.noLedger
        let result = try RotaBinary.run(arguments)
        #expect(result.status == 0)
        GoldenFile.check(result.standardOutput, "fixtures/golden/rota/now-2026-12-02T15-00.json")
        let again = try RotaBinary.run(arguments)
        #expect(again.standardOutput == result.standardOutput)
        let document = try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any]
        #expect(document?["since"] as? String == "2026-11-30T10:00")
        #expect(document?["until"] as? String == "2026-12-07T10:00")
    }

    /// A minute before the hand-off the old shift is still on; at the hand-off the next one is.
    @Test func handOffBoundary() throws {
        let before = try RotaBinary.run(["now", "--at", "2026-12-07T09:59", "--format", "json"] + Self.noLedger)
        let at = try RotaBinary.run(["now", "--at", "2026-12-07T10:00", "--format", "json"] + Self.noLedger)
        let first = try JSONSerialization.jsonObject(with: Data(before.standardOutput.utf8)) as? [String: Any]
        let second = try JSONSerialization.jsonObject(with: Data(at.standardOutput.utf8)) as? [String: Any]
        #expect(first?["until"] as? String == "2026-12-07T10:00")
        #expect(second?["since"] as? String == "2026-12-07T10:00")
        let next = first?["next"] as? [String: Any]
        #expect(next?["at"] as? String == "2026-12-07T10:00")
        #expect(next?["engineer"] as? String == second?["on_call"] as? String)
    }

    @Test func uncoveredShiftSaysSo() throws {
        let folder = try RotaBinary.temporaryFolder("now")
        defer { try? FileManager.default.removeItem(at: folder) }
        var text = try RotaBinary.bundledConfigText()
        for engineer in ["chen", "smith", "jones", "kim"] {
            text = text.replacingOccurrences(
                of: "    email: \(engineer)@example.com\n",
                with: "    email: \(engineer)@example.com\n    pto: [{ from: 2027-03-01, to: 2027-03-10 }]\n"
            )
        }
        let config = folder.appendingPathComponent("team.yaml")
        try Data(text.utf8).write(to: config)
        let result = try RotaBinary.run(["now", "--config", config.path, "--at", "2027-03-03T12:00"])
        #expect(result.status == 0)
        #expect(result.standardOutput.hasPrefix("UNCOVERED at 2027-03-03T12:00 (America/New_York): everyone is away"))
        #expect(result.standardOutput.contains("nobody: both owners are on call or away"))
    }

    @Test func badMomentIsAUsageError() throws {
        let result = try RotaBinary.run(["now", "--at", "2026-12-24"])
        #expect(result.status == 2)
        #expect(result.standardError.contains("--at"))
    }

    @Test func beforeTheRotationStartsIsAnError() throws {
        let result = try RotaBinary.run(["now", "--at", "2025-06-01T12:00"] + Self.noLedger)
        #expect(result.status == 2)
        #expect(result.standardError.contains("the rotation starts on 2026-01-05"))
    }
}
