import Foundation
import RotaTestSupport
import Testing

@Suite struct CheckCommandTests {
    @Test func bundledConfigPrintsTheOwnershipMatrix() throws {
        let result = try RotaBinary.run(["check"])
        #expect(result.status == 0)
        #expect(result.standardError == "")
        GoldenFile.check(result.standardOutput, "fixtures/golden/rota/check-team.txt")
    }

    @Test func brokenConfigPrintsEveryProblemAndExits2() throws {
        let result = try RotaBinary.run(["check", "--config", "fixtures/invalid/many-problems.yaml"])
        #expect(result.status == 2)
        #expect(result.standardOutput == "")
        let expected = try String(
            contentsOf: RotaBinary.repositoryRoot.appendingPathComponent("fixtures/invalid/many-problems.expected"),
            encoding: .utf8
        )
        #expect(
            result.standardError == expected
                + "fixtures/invalid/many-problems.yaml: 4 problems; the config was not used\n"
        )
    }

    /// Runbook material: each problem at its place in the file, with a hint, and exit 2.
    @Test(arguments: [
        ("unknown-catalogue-id", 5), ("catalogue-detector-not-monitored", 4), ("custom-entries-incomplete", 7),
        ("investor-without-owner-or-deadline", 7), ("runbooks", 3),
    ])
    func brokenRunbookMaterialIsReportedInPlace(name: String, problems: Int) throws {
        let result = try RotaBinary.run(["check", "--config", "fixtures/invalid/\(name).yaml"])
        #expect(result.status == 2)
        let expected = try String(
            contentsOf: RotaBinary.repositoryRoot.appendingPathComponent("fixtures/invalid/\(name).expected"),
            encoding: .utf8
        )
        #expect(
            result.standardError == expected
                + "fixtures/invalid/\(name).yaml: \(problems) problems; the config was not used\n"
        )
    }

    @Test func configComesFromTheEnvironmentWhenNoFlagIsGiven() throws {
        let result = try RotaBinary.run(["check"], environment: ["ROTA_CONFIG": "fixtures/valid/minimal.yaml"])
        #expect(result.status == 0)
        #expect(result.standardOutput.hasPrefix("fixtures/valid/minimal.yaml: ok. Tiny: 2 engineers"))
    }

    @Test func missingFileSaysWhatToDo() throws {
        let result = try RotaBinary.run(["check", "--config", "no/such/team.yaml"])
        #expect(result.status == 2)
        #expect(
            result.standardError
                == "no/such/team.yaml: error: cannot read config: No such file or directory\n"
                + "hint: check the path given to --config\n"
        )
    }

    /// A command that works on one team names the folder and a team in it; check, plan and the others take the folder
    /// as an organisation (OrganisationCommandTests).
    @Test func directoryIsNotAConfigForOneTeamCommands() throws {
        let result = try RotaBinary.run(["holidays", "--config", "fixtures/examples/org"])
        #expect(result.status == 2)
        #expect(
            result.standardError
                == "fixtures/examples/org: error: is a directory, and this command works on one team's config\n"
                + "hint: pass one team's YAML file, e.g. fixtures/examples/org/payments.yaml (check, plan, report, now, "
                + "export, runbooks and push take a folder of teams)\n"
        )
    }

    @Test func endlessDeviceIsRefusedWithoutHanging() throws {
        let result = try RotaBinary.run(["check", "--config", "/dev/zero"])
        #expect(result.status == 2)
        #expect(
            result.standardError.hasPrefix(
                "/dev/zero:1:1: error: config has more than 1048576 bytes; rota accepts at most 1048576 (1 MiB)\n"
            )
        )
    }

    @Test func tenMegabyteFileIsRefused() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("rota-10mb-\(getpid()).yaml")
        try Data(repeating: UInt8(ascii: "#"), count: 10 * 1024 * 1024).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let result = try RotaBinary.run(["check", "--config", url.path])
        #expect(result.status == 2)
        #expect(result.standardError.contains("error: config has 10485760 bytes; rota accepts at most 1048576 (1 MiB)"))
    }

    @Test func binaryJunkIsAClearError() throws {
        let result = try RotaBinary.run(["check", "--config", "fixtures/invalid/binary-png.yaml"])
        #expect(result.status == 2)
        #expect(result.standardError.contains("error: config is not UTF-8 text"))
    }

    @Test func jsonHoldsTheMatrixTheLedgerAndTheProblems() throws {
        let arguments = ["check", "--as-of", "2026-11-28", "--ledger", "/nonexistent/x.yaml", "--format", "json"]
        let result = try RotaBinary.run(arguments)
        #expect(result.status == 0)
        #expect(result.standardError == "")
        GoldenFile.check(result.standardOutput, "fixtures/golden/rota/check-team.json")
        #expect(try RotaBinary.run(arguments).standardOutput == result.standardOutput)
        let document = try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any]
        let ownership = document?["ownership"] as? [[String: Any]]
        #expect(ownership?.first?["primary"] as? [String] == ["unit-level-profit", "aggregate-engagement"])
    }

    @Test func usageErrorsExitWith2() throws {
        let result = try RotaBinary.run(["check", "--no-such-flag"])
        #expect(result.status == 2)
        #expect(result.standardError.contains("Unknown option '--no-such-flag'"))
    }

    @Test func helpAndVersion() throws {
        let help = try RotaBinary.run(["check", "--help"])
        #expect(help.status == 0)
        #expect(help.standardOutput.contains("Validate the team config and print the ownership matrix."))
        let version = try RotaBinary.run(["--version"])
        #expect(version.status == 0)
        #expect(version.standardOutput == "0.1.0\n")
    }
}

@Suite struct CheckLedgerTests {
    @Test func checkAlsoValidatesTheLedgerBesideTheConfig() throws {
        let folder = try RotaBinary.temporaryFolder("check")
        defer { try? FileManager.default.removeItem(at: folder) }
        let config = folder.appendingPathComponent("team.yaml")
        try FileManager.default.copyItem(
            at: RotaBinary.repositoryRoot.appendingPathComponent("fixtures/team.yaml"),
            to: config
        )
        let ledger = folder.appendingPathComponent("team.ledger.yaml")
        try Data("version: 1\nshifts:\n  - { start: 2026-12-07, engineer: lee, recorded: 2026-11-28 }\n".utf8).write(
            to: ledger
        )
        // lee left (the config no longer names lee): a departure conflict, not a broken ledger.
        let conflicted = try RotaBinary.run(["check", "--config", config.path, "--as-of", "2026-11-28"])
        #expect(conflicted.status == 1)
        #expect(
            conflicted.standardOutput.contains(
                "2026-12-07: lee is locked on it, but lee is no longer on the team; proposed: "
            )
        )
        let json = try RotaBinary.run(
            ["check", "--config", config.path, "--as-of", "2026-11-28", "--format", "json"]
        )
        #expect(json.status == 1)
        let document = try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any]
        let conflicts = document?["conflicts"] as? [[String: Any]]
        #expect(conflicts?.count == 1)
        #expect(conflicts?.first?["cause"] as? String == "departure")
        #expect((document?["ledger"] as? [String: Any])?["shifts"] as? Int == 1)
        let recorded = try RotaBinary.run(["plan", "--config", config.path, "--as-of", "2026-11-28", "--record"])
        #expect(recorded.status == 0)
        #expect(try String(contentsOf: ledger, encoding: .utf8).contains("swaps:\n  - { shift: 2026-12-07, engineer: "))
        let ok = try RotaBinary.run(["check", "--config", config.path, "--as-of", "2026-11-28"])
        #expect(ok.status == 0)
        #expect(
            ok.standardOutput.hasSuffix(
                "\(ledger.path): ok. 14 locked shifts, 3 holiday decisions, 0 PTO credits, 1 swap\n"
            )
        )
    }
}
