import Foundation
import RotaTestSupport
import Testing

@Suite struct HolidaysCommandTests {
    @Test func tableForAYear() throws {
        let result = try RotaBinary.run(["holidays", "--year", "2027"])
        #expect(result.status == 0)
        GoldenFile.check(result.standardOutput, "fixtures/golden/rota/holidays-2027.txt")
    }

    @Test func jsonForAYearIsStable() throws {
        let first = try RotaBinary.run(["holidays", "--year", "2028", "--format", "json"])
        let second = try RotaBinary.run(["holidays", "--year", "2028", "--format", "json"])
        #expect(first.status == 0)
        #expect(first.standardOutput == second.standardOutput)
        GoldenFile.check(first.standardOutput, "fixtures/golden/rota/holidays-2028.json")
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

@Suite struct HolidayCalendarTests {
    @Test func holidaysFromAnICalendarFileJoinThePlan() throws {
        let result = try RotaBinary.run([
            "holidays", "--year", "2026", "--config", "fixtures/valid/calendar-holidays.yaml",
        ])
        #expect(result.status == 0)
        let lines = result.standardOutput.split(separator: "\n")
        #expect(lines.contains { $0.hasPrefix("Thu 2026-11-26") && $0.contains("major  thanksgiving-day") })
        #expect(lines.contains { $0.hasPrefix("Fri 2026-12-25") && $0.contains("major  christmas-day") })
        let plan = try RotaBinary.run(
            [
                "plan", "--config", "fixtures/valid/calendar-holidays.yaml", "--as-of", "2026-11-20", "--horizon", "6w",
                "--ledger", "/nonexistent/x.yaml",
            ])
        #expect(plan.standardOutput.contains("holiday: Christmas Day"))
    }

    @Test func anUnknownMajorHolidayOfTheCalendarIsReportedWhereItIsWritten() throws {
        let folder = try RotaBinary.temporaryFolder("cal")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(
            at: RotaBinary.repositoryRoot.appendingPathComponent("fixtures/ics/holidays/google-us-holidays.ics"),
            to: folder.appendingPathComponent("us.ics")
        )
        var text = try String(
            contentsOf: RotaBinary.repositoryRoot.appendingPathComponent("fixtures/valid/calendar-holidays.yaml"),
            encoding: .utf8
        )
        text = text.replacingOccurrences(of: "../ics/holidays/google-us-holidays.ics", with: "us.ics")
            .replacingOccurrences(of: "christmas-day]", with: "christmas]")
        let config = folder.appendingPathComponent("team.yaml")
        try Data(text.utf8).write(to: config)
        let result = try RotaBinary.run(["check", "--config", config.path])
        #expect(result.status == 2)
        #expect(result.standardError.contains("error: 'christmas' is not a holiday of us.ics"))
        #expect(result.standardError.contains("hint: its holidays are: new-years-day,"))
        #expect(result.standardError.contains(":40:33: error:"))

        try FileManager.default.removeItem(at: folder.appendingPathComponent("us.ics"))
        let missing = try RotaBinary.run(["check", "--config", config.path])
        #expect(missing.status == 2)
        #expect(missing.standardError.contains("error: cannot read holiday calendar us.ics"))
    }
}
