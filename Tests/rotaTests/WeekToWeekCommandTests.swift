import Foundation
import RotaTestSupport
import Testing

/// The week-to-week cases of issue 12, end to end.
///
/// Conflicts inside the lock window and their swaps, shifts
/// with everyone away, overrides onto PTO, late pledges, agreed swaps, people who join and leave, holidays
/// without a backup. Messages are compared whole with golden files in fixtures/golden/rota/week-to-week.
@Suite struct WeekToWeekCommandTests {
    static let asOf = ["--as-of", "2026-11-28"]

    /// A folder with the bundled config (edited by `edit`) as team.yaml; the ledger goes beside it.
    struct Team {
        let folder: URL
        var config: String { folder.appendingPathComponent("team.yaml").path }
        var ledger: String { folder.appendingPathComponent("team.ledger.yaml").path }

        init(_ edit: (String) -> String = { $0 }) throws {
            folder = try RotaBinary.temporaryFolder("week")
            try Data(edit(try RotaBinary.bundledConfigText()).utf8).write(
                to: folder.appendingPathComponent("team.yaml")
            )
        }

        func run(_ arguments: [String]) throws -> RotaBinary.Result {
            try RotaBinary.run(arguments + ["--config", config] + WeekToWeekCommandTests.asOf)
        }

        /// Rewrites the config, keeping the ledger.
        func edit(_ change: (String) -> String) throws {
            let text = try String(contentsOfFile: config, encoding: .utf8)
            try Data(change(text).utf8).write(to: URL(fileURLWithPath: config))
        }

        /// Output with the temporary folder written as FOLDER, so it can be compared with a golden file.
        func stable(_ text: String) -> String { text.replacingOccurrences(of: folder.path, with: "FOLDER") }

        func remove() { try? FileManager.default.removeItem(at: folder) }
    }

    static func pto(_ engineer: String, _ from: String, _ to: String) -> (String) -> String {
        { text in
            text.replacingOccurrences(
                of: "    email: \(engineer)@example.com\n",
                with: "    email: \(engineer)@example.com\n    pto: [{ from: \(from), to: \(to) }]\n"
            )
        }
    }

    @Test func ptoInsideTheLockWindowIsAConflictUntilTheProposedSwapIsRecorded() throws {
        let team = try Team()
        defer { team.remove() }
        #expect(try team.run(["plan", "--record"]).status == 0)
        try team.edit(Self.pto("kim", "2027-02-23", "2027-02-26"))
        let check = try team.run(["check"])
        #expect(check.status == 1)
        GoldenFile.check(team.stable(check.standardOutput), "fixtures/golden/rota/week-to-week/pto-conflict-check.txt")
        let plan = try team.run(["plan"])
        #expect(plan.status == 0)
        GoldenFile.check(team.stable(plan.standardOutput), "fixtures/golden/rota/week-to-week/pto-conflict-plan.txt")
        // --what-if shows the same resolution: compared with the config before the PTO, the locked week and its
        // give-back move, with the proposal as the reason.
        let before = team.folder.appendingPathComponent("before.yaml")
        try Data(try RotaBinary.bundledConfigText().utf8).write(to: before)
        let whatIf = try RotaBinary.run([
            "plan", "--config", before.path, "--ledger", team.ledger, "--what-if", team.config, "--as-of", "2026-11-28",
            "--horizon", "16w",
        ])
        #expect(whatIf.status == 0, "\(whatIf.standardError)")
        #expect(
            whatIf.standardOutput.contains(
                "2027-02-22: Kim -> Smith\n    proposed: Smith takes Kim's shift of 2027-02-22"
            )
        )
        let recorded = try team.run(["plan", "--record"])
        #expect(recorded.status == 0)
        let ledger = try String(contentsOfFile: team.ledger, encoding: .utf8)
        #expect(ledger.contains("swaps:\n  - { shift: 2027-02-22, engineer: "))
        #expect(ledger.contains("cause: \"Kim is on PTO 2027-02-23 to 2027-02-26\""))
        let after = try team.run(["check"])
        #expect(after.status == 0)
        #expect(!after.standardOutput.contains("Conflicts"))
        // After recording, the same engineers: what was proposed is now recorded.
        let recordedPlan = try team.run(["plan"]).standardOutput
        func rows(_ text: String) -> [String] {
            text.split(separator: "\n").filter { $0.hasPrefix("202") }.map { String($0.prefix(62)) }
        }
        #expect(rows(recordedPlan) == rows(plan.standardOutput))
        #expect(!recordedPlan.contains("2027-W08  Mon 2027-02-22 10:00  Mon 2027-03-01 10:00  Kim "))
    }

    @Test func aWeekWithEveryoneAwayIsUncoveredBeforeAndAfterRecording() throws {
        let team = try Team {
            ["chen", "smith", "jones", "kim"].reduce($0) { text, id in Self.pto(id, "2027-03-09", "2027-03-10")(text) }
        }
        defer { team.remove() }
        let check = try team.run(["check"])
        #expect(check.status == 1)
        #expect(
            check.standardOutput.contains(
                "  2027-03-08: UNCOVERED: everyone is away; add an override or move someone's PTO\n"
            )
        )
        let plan = try team.run(["plan", "--horizon", "16w"])
        let row = plan.standardOutput.split(separator: "\n").first { $0.hasPrefix("2027-W10") }
        #expect(row == "2027-W10  Mon 2027-03-08 10:00  Mon 2027-03-15 10:00  UNCOVERED  everyone away")
        let json = try team.run(["plan", "--horizon", "16w", "--format", "json"])
        #expect(json.standardOutput.contains("\"uncovered\" : true"))
        // The team feed and the schedule page say so too; nobody's own feed has the week.
        let out = team.folder.appendingPathComponent("out")
        #expect(try team.run(["export", "--out", out.path]).status == 0)
        let feed = try String(contentsOf: out.appendingPathComponent("team.ics"), encoding: .utf8)
        #expect(feed.contains("SUMMARY:UNCOVERED: everyone is away\r\n"))
        for id in ["chen", "smith", "jones", "kim"] {
            let own = try String(contentsOf: out.appendingPathComponent("engineer-\(id).ics"), encoding: .utf8)
            #expect(!own.contains("UID:shift-20270308@"), "\(id)")
        }
        let page = try String(contentsOf: out.appendingPathComponent("schedule.html"), encoding: .utf8)
        #expect(page.contains("2027-03-08<br><strong>UNCOVERED</strong>"))
        // Recording locks the week for who would be on call, and it is still uncovered.
        _ = try RotaBinary.run(["plan", "--record", "--config", team.config, "--as-of", "2027-01-15"])
        let again = try team.run(["plan", "--horizon", "16w"])
        let lockedRow = again.standardOutput.split(separator: "\n").first { $0.hasPrefix("2027-W10") }
        #expect(lockedRow?.contains("UNCOVERED") == true)
        #expect(try team.run(["check"]).status == 1)
    }

    @Test func anOverrideOntoSomeoneOnPTOIsAConfigError() throws {
        let team = try Team {
            Self.pto("kim", "2027-01-11", "2027-01-12")($0).replacingOccurrences(
                of: "overrides: []",
                with: "overrides:\n  - { engineer: kim, shift: 2027-01-11 }"
            )
        }
        defer { team.remove() }
        let check = try team.run(["check"])
        #expect(check.status == 2)
        GoldenFile.check(team.stable(check.standardError), "fixtures/golden/rota/week-to-week/override-onto-pto.txt")
    }

    @Test func aPledgeAfterTheDecisionIsReportedWithTheCommandThatAcceptsIt() throws {
        let team = try Team()
        defer { team.remove() }
        #expect(try team.run(["plan", "--record"]).status == 0)
        try team.edit {
            $0.replacingOccurrences(
                of: "  volunteers: []",
                with: "  volunteers:\n    - { holiday: christmas, year: 2026, engineers: [kim] }"
            )
        }
        let check = try team.run(["check"])
        #expect(check.status == 0)
        GoldenFile.check(team.stable(check.standardOutput), "fixtures/golden/rota/week-to-week/late-pledge-check.txt")
        // The warning names the rota swap that passes the rules; running it accepts the pledge.
        let command = try #require(
            check.standardOutput.firstMatch(of: /to accept it, run: rota (swap [^\n]+)/).map { String($0.1) }
        )
        let accepted = try team.run(command.split(separator: " ").map(String.init))
        #expect(accepted.status == 0, "\(accepted.standardError)")
        #expect(accepted.standardOutput.contains("Kim takes Smith's shift of 2026-12-21"))
        #expect(accepted.standardOutput.hasSuffix(" (+1 PTO credit).\n"))
        let after = try team.run(["check"])
        #expect(after.status == 0 && !after.standardOutput.contains("Warnings"))
        let report = try team.run(["report", "--format", "json", "--from", "2026-11-23", "--to", "2027-01-04"])
        #expect(report.standardOutput.contains("\"pto_credit_days\" : 1"))
    }

    @Test func rotaSwapChecksPTOTheRestRuleAndTheDates() throws {
        let team = try Team(Self.pto("jones", "2027-02-01", "2027-02-03"))
        defer { team.remove() }
        let cases: [([String], String)] = [
            (
                ["swap", "2027-02-15", "2027-02-01"],
                "error: Jones is on PTO 2027-02-01 to 2027-02-03, during the shift of 2027-02-01\n"
                    + "hint: pick another shift, or change the PTO first\n"
            ),
            (
                ["swap", "2027-01-05", "2027-01-18"],
                "error: 2027-01-05 is not the hand-off date of a shift\nhint: shifts start on 2027-01-04 and 2027-01-11\n"
            ),
            (
                ["swap", "2026-11-16", "2027-01-18"],
                "error: the shift of 2026-11-16 is over\nhint: a swap changes shifts from 2026-11-28 on\n"
            ),
            (
                ["swap", "2027-01-04", "--to", "kimm"],
                "error: --to kimm: not an engineer in FOLDER/team.yaml\nhint: did you mean 'kim'?\n"
            ),
            (
                ["swap", "2027-01-04", "--to", "chen", "--volunteer"],
                "error: --volunteer needs a holiday shift first; the shift of 2027-01-04 holds no major holiday\n"
                    + "hint: e.g. rota swap 2026-12-21 --to kim --volunteer, or rota swap 2026-12-21 2026-12-14 --volunteer\n"
            ),
            (
                ["swap", "2027-01-04", "--to", "kim"],
                "error: Kim is already on call for the shift of 2027-01-04\nhint: nothing to do\n"
            ),
        ]
        for (arguments, expected) in cases {
            let result = try team.run(arguments)
            #expect(result.status == 2, "\(arguments)")
            #expect(team.stable(result.standardError) == expected, "\(arguments)")
        }
        #expect(!FileManager.default.fileExists(atPath: team.ledger))
        // The rest rule, against a shift the ledger fixes: Kim is locked on 2027-01-18.
        #expect(try team.run(["plan", "--record"]).status == 0)
        let tired = try team.run(["swap", "2027-01-04", "2027-01-25"])
        #expect(tired.status == 2)
        #expect(
            tired.standardError
                == "error: the swap breaks the rest rule: Kim would be on call for the shifts of 2027-01-18 and "
                + "2027-01-25 in a row\nhint: pick another shift; policy.min_gap is 1\n"
        )
        let agreed = try team.run(["swap", "2027-01-04", "2027-02-08", "--reason", "Kim's conference"])
        #expect(agreed.status == 0, "\(agreed.standardError)")
        #expect(
            team.stable(agreed.standardOutput)
                == "Recorded in FOLDER/team.ledger.yaml: Chen takes Kim's shift of 2027-01-04; "
                + "Kim takes Chen's shift of 2027-02-08.\n"
        )
        #expect(
            try String(contentsOfFile: team.ledger, encoding: .utf8).contains(
                "  - { shift: 2027-01-04, engineer: chen, give_back: { shift: 2027-02-08, engineer: kim }, "
                    + "cause: \"Kim's conference\", recorded: 2026-11-28 }\n"
            )
        )
        let plan = try team.run(["plan"]).standardOutput
        #expect(plan.contains("2027-W01  Mon 2027-01-04 10:00  Mon 2027-01-11 10:00  Chen "))
        #expect(plan.contains("2027-W06  Mon 2027-02-08 10:00  Mon 2027-02-15 10:00  Kim "))
        #expect(try team.run(["check"]).status == 0)
    }

    @Test func aLeaverIsReplacedAndANewcomerStartsAtTheirDate() throws {
        let team = try Team()
        defer { team.remove() }
        #expect(try team.run(["plan", "--record"]).status == 0)
        try team.edit {
            $0.replacingOccurrences(
                of: "ownership:\n  primary: { min: 1, max: 2 }\n  secondary: { min: 1, max: 2 }",
                with: "ownership:\n  primary: { min: 0, max: 2 }\n  secondary: { min: 0, max: 2 }"
            ).replacingOccurrences(
                of: "    email: smith@example.com\n",
                with: "    email: smith@example.com\n    left: 2027-01-08\n"
            ).replacingOccurrences(
                of: "    time_zone: America/Los_Angeles\n",
                with:
                    "    time_zone: America/Los_Angeles\n  - { id: lee, name: Lee, email: lee@example.com, joined: 2027-01-04 }\n"
            ).replacingOccurrences(
                of: "order: [chen, smith, jones, kim]",
                with: "order: [chen, smith, jones, kim, lee]"
            )
        }
        let check = try team.run(["check"])
        #expect(check.status == 1)
        GoldenFile.check(team.stable(check.standardOutput), "fixtures/golden/rota/week-to-week/leaver-check.txt")
        let plan = try team.run(["plan", "--horizon", "20w", "--format", "json"])
        #expect(plan.status == 0)
        let document = try JSONSerialization.jsonObject(with: Data(plan.standardOutput.utf8)) as? [String: Any]
        let shifts = document?["shifts"] as? [[String: Any]] ?? []
        for shift in shifts {
            let handOff = shift["hand_off"] as? String ?? ""
            let engineer = shift["engineer"] as? String ?? ""
            if engineer == "lee" { #expect(handOff >= "2027-01-04") }
            if engineer == "smith" { #expect(handOff < "2027-01-01") }
        }
        #expect(shifts.contains { $0["engineer"] as? String == "lee" })
        #expect(try team.run(["plan", "--record"]).status == 0)
        #expect(try team.run(["check"]).status == 0)
        // The ledger still names Smith: history, not an error.
        #expect(try String(contentsOfFile: team.ledger, encoding: .utf8).contains("engineer: smith"))
        // The report keeps Smith, and compares people by their time on the team.
        let report = try team.run(["report", "--from", "2026-11-23", "--to", "2027-03-01", "--format", "json"])
        #expect(report.status == 0, "\(report.standardError)")
        let rows = try #require(
            (try JSONSerialization.jsonObject(with: Data(report.standardOutput.utf8)) as? [String: Any])?["engineers"]
                as? [[String: Any]]
        )
        func row(_ id: String) throws -> [String: Any] { try #require(rows.first { $0["engineer"] as? String == id }) }
        #expect(try row("smith")["weeks_on_team"] as? Double == 6.714)
        #expect(try row("lee")["weeks_on_team"] as? Double == 8.0)
        #expect(try row("chen")["weeks_on_team"] as? Double == 14.0)
        let leeRate = try #require(try row("lee")["on_call_per_week_on_team"] as? Double)
        #expect(leeRate > 0.1 && leeRate < 0.4)
    }

    @Test func aHolidayWithNoBackupForAPipelineIsAWarning() throws {
        // Unit-level profit is owned by Chen and Smith; both away at Christmas 2026.
        let team = try Team {
            Self.pto("smith", "2026-12-24", "2026-12-26")(Self.pto("chen", "2026-12-24", "2026-12-26")($0))
        }
        defer { team.remove() }
        let check = try team.run(["check"])
        #expect(check.status == 0)
        #expect(
            check.standardOutput.contains(
                "2026-12-21: Unit-level profit has no backup on the holiday shift of 2026-12-21: both owners are on call or away"
            )
        )
    }
}
