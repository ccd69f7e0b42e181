import Foundation
import RotaTestSupport
import ServerTestSupport
import Testing

/// `--config DIR` (issue 17): every team config in a folder in one run, each team's problems under its file name, a
/// broken team not stopping the others, and one person on call for two teams at once found.
@Suite struct OrganisationCommandTests {
    /// fixtures/examples/org: Payments and Search share Ana (one email, two ids); Warehouse has two mistakes.
    static let organisation = "fixtures/examples/org"
    static let asOf = ["--as-of", "2026-12-01"]

    /// A new folder with copies of the example teams named in `teams`, such as `payments.yaml`.
    ///
    /// The caller removes it.
    static func folder(_ teams: [String], editing edit: (String, String) -> String = { $1 }) throws -> URL {
        let folder = try RotaBinary.temporaryFolder("org")
        for name in teams {
            let text = try String(
                contentsOf: RotaBinary.repositoryRoot.appendingPathComponent("\(organisation)/\(name)"),
                encoding: .utf8
            )
            try edit(name, text).write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return folder
    }

    @Test func checkReportsEveryTeamUnderItsFileAndTheConflictsAcrossThem() throws {
        let result = try RotaBinary.run(["check", "--config", Self.organisation] + Self.asOf)
        #expect(result.status == 2, "a broken team makes the run exit 2 at the end")
        GoldenFile.check(result.standardOutput, "fixtures/golden/rota/org-check.txt")
        GoldenFile.check(result.standardError, "fixtures/golden/rota/org-check-errors.txt")
        // The broken team's problems come first on standard error, under its file name; the summary error last.
        #expect(result.standardError.hasPrefix("fixtures/examples/org/warehouse.yaml:8:85: error: "))
        #expect(result.standardError.hasSuffix("the other teams were checked in full\n"))
    }

    @Test func checkAsJSONHoldsEveryTeamAndTheRulesAcrossThem() throws {
        let result = try RotaBinary.run(["check", "--config", Self.organisation, "--format", "json"] + Self.asOf)
        #expect(result.status == 2)
        GoldenFile.check(result.standardOutput, "fixtures/golden/rota/org-check.json")
        let document = try #require(
            try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any]
        )
        let teams = try #require(document["teams"] as? [[String: Any]])
        #expect(
            teams.map { $0["config"] as? String }
                == ["payments", "search", "warehouse"].map {
                    "\(Self.organisation)/\($0).yaml"
                }
        )
        #expect(teams[2]["error"] as? String != nil)
        let across = try #require(document["across_teams"] as? [String: Any])
        #expect((across["conflicts"] as? [Any])?.count == 9)
        #expect((across["pto_warnings"] as? [Any])?.count == 1)
    }

    /// The same person on call for two teams at once is a conflict (exit 1) naming the person, both teams and both
    /// shifts; with another person in the second team there is none (exit 0).
    @Test func onePersonOnCallForTwoTeamsAtOnceIsAConflict() throws {
        let shared = try Self.folder(["payments.yaml", "search.yaml"])
        defer { try? FileManager.default.removeItem(at: shared) }
        let conflict = try RotaBinary.run(["check", "--config", shared.path] + Self.asOf)
        #expect(conflict.status == 1)
        #expect(conflict.standardError == "")
        #expect(
            conflict.standardOutput.contains(
                "  Ana <ana@example.com>: Search (search.yaml) 2026-12-23T09:00 to 2026-12-30T09:00 America/New_York "
                    + "as ana-k, and Payments (payments.yaml) 2026-12-28T10:00 to 2027-01-04T10:00 Europe/London as ana\n"
            ),
            "\(conflict.standardOutput)"
        )

        let apart = try Self.folder(["payments.yaml", "search.yaml"]) { name, text in
            name == "search.yaml" ? text.replacingOccurrences(of: "Ana@example.com", with: "ana.k@example.com") : text
        }
        defer { try? FileManager.default.removeItem(at: apart) }
        let clean = try RotaBinary.run(["check", "--config", apart.path] + Self.asOf)
        #expect(clean.status == 0, "\(clean.standardOutput)\(clean.standardError)")
        #expect(clean.standardOutput.hasSuffix("== across 2 teams ==\nNobody is on call for two teams at once.\n"))
    }

    /// plan, report, now and runbooks: each team's output under its header, the broken team's errors on standard
    /// error, exit 2 at the end.
    @Test(arguments: [
        ["plan", "--horizon", "4w"], ["report"], ["now", "--at", "2026-12-01T12:00"], ["plan", "--format", "json"],
    ])
    func everyCommandGoesOverEveryTeam(command: [String]) throws {
        let asOf = command[0] == "now" ? [] : Self.asOf
        let result = try RotaBinary.run(command + ["--config", Self.organisation] + asOf)
        #expect(result.status == 2)
        #expect(result.standardError.hasPrefix("fixtures/examples/org/warehouse.yaml:8:85: error: "))
        #expect(result.standardError.contains("error: 1 of 3 teams could not be "))
        if command.contains("json") {
            #expect(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) is [String: Any])
        } else {
            #expect(result.standardOutput.hasPrefix("== fixtures/examples/org/payments.yaml ==\n"))
            #expect(result.standardOutput.contains("\n== fixtures/examples/org/search.yaml ==\n"))
            #expect(!result.standardOutput.contains("warehouse"))
        }
    }

    /// plan --record records each team's due decisions in the ledger beside its config, and a second run has nothing
    /// to record.
    @Test func recordingWritesEachTeamsOwnLedger() throws {
        let teams = try Self.folder(["payments.yaml", "search.yaml"])
        defer { try? FileManager.default.removeItem(at: teams) }
        let record = ["plan", "--config", teams.path, "--record", "--horizon", "4w"] + Self.asOf
        let first = try RotaBinary.run(record)
        #expect(first.status == 0, "\(first.standardError)")
        for name in ["payments", "search"] {
            #expect(first.standardError.contains("Recorded in \(teams.path)/\(name).ledger.yaml: "))
            let ledger = try String(
                contentsOf: teams.appendingPathComponent("\(name).ledger.yaml"),
                encoding: .utf8
            )
            #expect(ledger.contains("shifts:"), "\(name): \(ledger)")
        }
        let second = try RotaBinary.run(record)
        #expect(second.status == 0)
        #expect(second.standardError == "Nothing to record: every team's ledger already holds every due decision.\n")
    }

    @Test func runbooksGoIntoAFolderPerTeam() throws {
        let out = try RotaBinary.temporaryFolder("org-runbooks")
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try RotaBinary.run(["runbooks", "--config", Self.organisation, "--out", out.path] + Self.asOf)
        #expect(result.status == 2)
        for file in ["payments/card-payments.html", "payments/index.md", "search/index.html"] {
            #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(file).path), "\(file)")
        }
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("warehouse").path))
    }

    @Test func ledgerOptionDoesNotGoWithAFolder() throws {
        let result = try RotaBinary.run(["check", "--config", Self.organisation, "--ledger", "x.yaml"])
        #expect(result.status == 2)
        #expect(result.standardError.contains("--ledger names one team's ledger"))
    }

    @Test func aFolderWithoutTeamsIsAnError() throws {
        let empty = try RotaBinary.temporaryFolder("org-empty")
        defer { try? FileManager.default.removeItem(at: empty) }
        try "shifts: []\n".write(to: empty.appendingPathComponent("a.ledger.yaml"), atomically: true, encoding: .utf8)
        let result = try RotaBinary.run(["check", "--config", empty.path])
        #expect(result.status == 2)
        #expect(result.standardError.contains("error: the folder holds no team config"))
    }

    @Test func twoConfigsWithOneNameAreRefusedBeforeAnythingRuns() throws {
        let folder = try Self.folder(["payments.yaml"])
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(
            at: folder.appendingPathComponent("payments.yaml"),
            to: folder.appendingPathComponent("payments.yml")
        )
        let result = try RotaBinary.run(["check", "--config", folder.path])
        #expect(result.status == 2)
        #expect(result.standardOutput == "")
        #expect(result.standardError.contains("payments.yaml and \(folder.path)/payments.yml would share one ledger"))
    }

    /// export: a folder per team and the organisation's page; a second export with nothing changed writes nothing
    /// (files keep their modification times); a deleted feed is written again, the same bytes as before.
    @Test func exportWritesEachTeamAndTheOrganisationPageAndSkipsWhatDidNotChange() throws {
        let out = try RotaBinary.temporaryFolder("org-export")
        defer { try? FileManager.default.removeItem(at: out) }
        let export = ["export", "--config", Self.organisation, "--out", out.path] + Self.asOf
        let first = try RotaBinary.run(export)
        #expect(first.status == 2)
        #expect(first.standardError.contains(": 2 teams exported, 16 feeds written, 0 unchanged (517 events)"))
        let index = try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8)
        GoldenFile.check(index, "fixtures/golden/rota/org-index.html")
        let teamFeed = out.appendingPathComponent("search/team.ics")
        let bytes = try Data(contentsOf: teamFeed)
        let modified = try FileManager.default.attributesOfItem(atPath: teamFeed.path)[.modificationDate] as? Date

        Thread.sleep(forTimeInterval: 0.05)
        let second = try RotaBinary.run(export)
        #expect(second.standardError.contains(": 2 teams exported, 0 feeds written, 16 unchanged (517 events)"))
        #expect(try FileManager.default.attributesOfItem(atPath: teamFeed.path)[.modificationDate] as? Date == modified)

        try FileManager.default.removeItem(at: teamFeed)
        let third = try RotaBinary.run(export)
        #expect(third.standardError.contains(": 2 teams exported, 1 feed written, 15 unchanged (517 events)"))
        #expect(try Data(contentsOf: teamFeed) == bytes)

        let later = try RotaBinary.run([
            "export", "--config", Self.organisation, "--out", out.path, "--as-of", "2026-12-08",
        ])
        #expect(later.standardError.contains(": 2 teams exported, 14 feeds written"), "a new day is a new export")
    }

    /// push --server: each team into its own calendar (made by --create), over one connection; a second push is
    /// a no-op for both; two teams naming one calendar are refused for the second team.
    @Test func pushPutsEachTeamIntoItsOwnCalendar() async throws {
        try await PushFixture.with(.radicale) { fixture in
            let teams = try Self.folder(["payments.yaml", "search.yaml"])
            defer { try? FileManager.default.removeItem(at: teams) }
            let push = ["push", "--config", teams.path, "--server", fixture.proxyRoot] + Self.asOf
            let first = try RotaBinary.run(push + ["--create"], environment: fixture.environment)
            #expect(first.status == 0, "\(first.standardError)")
            let summaries = first.standardOutput.split(separator: "\n").filter { $0.contains(" created, ") }
            #expect(summaries.count == 2, "\(first.standardOutput)")
            #expect(summaries.first?.contains("/payments-on-call/") == true, "\(summaries)")
            #expect(summaries.last?.contains("/search-on-call/") == true, "\(summaries)")

            let again = try RotaBinary.run(push, environment: fixture.environment)
            #expect(again.status == 0, "\(again.standardError)")
            #expect(again.standardOutput.components(separatedBy: "0 created, 0 updated, 0 deleted").count == 3)

            let sameName = try Self.folder(["payments.yaml", "search.yaml"]) { _, text in
                text + "feeds: { calendar_name: Everyone on call }\n"
            }
            defer { try? FileManager.default.removeItem(at: sameName) }
            let clash = try RotaBinary.run(
                ["push", "--config", sameName.path, "--server", fixture.proxyRoot, "--create"] + Self.asOf,
                environment: fixture.environment
            )
            #expect(clash.status == 2)
            #expect(clash.standardError.contains("search.yaml: error: its calendar \"Everyone on call\" is also"))
        }
    }
}
