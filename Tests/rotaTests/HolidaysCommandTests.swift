import Foundation
import Testing

@Suite struct HolidaysCommandTests {
    @Test func tableForAYear() throws {
        let result = try RotaBinary.run(["holidays", "--year", "2027"])
        #expect(result.status == 0)
        CommandGolden.check(result.standardOutput, "holidays-2027.txt")
    }

    @Test func jsonForAYearIsStable() throws {
        let first = try RotaBinary.run(["holidays", "--year", "2028", "--format", "json"])
        let second = try RotaBinary.run(["holidays", "--year", "2028", "--format", "json"])
        #expect(first.status == 0)
        #expect(first.standardOutput == second.standardOutput)
        CommandGolden.check(first.standardOutput, "holidays-2028.json")
        let decoded = try JSONSerialization.jsonObject(with: Data(first.standardOutput.utf8)) as? [String: Any]
        let holidays = decoded?["holidays"] as? [[String: Any]]
        let newYear = holidays?.first { $0["id"] as? String == "new-years-day" }
        #expect(newYear?["observed"] as? String == "2027-12-31")
        #expect(newYear?["major"] as? Bool == true)
    }

    @Test func configHolidaysJoinTheBuiltInOnes() throws {
        let config = FileManager.default.temporaryDirectory.appendingPathComponent("rota-custom-\(getpid()).yaml")
        var text = try String(
            contentsOf: RotaBinary.repositoryRoot.appendingPathComponent("fixtures/valid/minimal.yaml"),
            encoding: .utf8
        )
        text += """
            holidays:
              exclude: [columbus-day]
              major: [company-day]
              custom:
                - id: company-day
                  name: Company day
                  date: 2027-08-13

            """
        try Data(text.utf8).write(to: config)
        defer { try? FileManager.default.removeItem(at: config) }
        let result = try RotaBinary.run(["holidays", "--year", "2027", "--config", config.path])
        #expect(result.status == 0)
        #expect(result.standardOutput.contains("Fri 2027-08-13                  major  company-day"))
        #expect(!result.standardOutput.contains("columbus-day"))
    }

    @Test func yearOutsideTheRulesIsAUsageError() throws {
        let result = try RotaBinary.run(["holidays", "--year", "1950"])
        #expect(result.status == 2)
        #expect(result.standardError.contains("--year 1950 is outside 1971-2100"))
    }
}
