import Foundation
import RotaTestSupport
import Testing

/// `rota init` end to end: the starter config it writes passes `rota check` as written.
@Suite struct InitCommandTests {
    static let start = ["--start", "2026-12-07"]

    @Test func defaultConfigIsGoldenAndChecks() throws {
        let folder = try RotaBinary.temporaryFolder("init")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("rota.yaml").path
        let result = try RotaBinary.run(["init", "--out", file] + Self.start)
        #expect(result.status == 0)
        #expect(result.standardOutput == "")
        #expect(result.standardError == "Wrote \(file). Edit it, then run: rota check --config \(file)\n")
        let quiet = folder.appendingPathComponent("quiet.yaml").path
        #expect(try RotaBinary.run(["init", "--out", quiet, "--quiet"] + Self.start).standardError == "")
        let written = try String(contentsOfFile: file, encoding: .utf8)
        GoldenFile.check(written, "fixtures/golden/rota/init-default.yaml")
        let check = try RotaBinary.run(["check", "--config", file, "--as-of", "2026-12-07"])
        #expect(check.status == 0, "\(check.standardError)")
        #expect(check.standardError == "")
        // Nothing but the configs is left in the folder.
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["quiet.yaml", "rota.yaml"]
        )
    }

    @Test(arguments: [["solo"], ["ana", "bo"], ["chen", "smith", "jones", "kim", "ana-maria"]])
    func teamsOfEverySizeCheck(engineers: [String]) throws {
        let folder = try RotaBinary.temporaryFolder("init")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("team.yaml").path
        let arguments = ["init", "--out", file, "--team", "Data: \"Eng\" #1"] + Self.start
        let result = try RotaBinary.run(arguments + engineers.flatMap { ["--engineer", $0] })
        #expect(result.status == 0, "\(result.standardError)")
        let check = try RotaBinary.run(["check", "--config", file, "--as-of", "2026-12-07"])
        #expect(check.status == 0, "\(check.standardError)")
        #expect(check.standardOutput.contains("Data: \"Eng\" #1: \(engineers.count) engineer"))
        let now = try RotaBinary.run(["now", "--config", file, "--at", "2026-12-08T12:00"])
        #expect(now.status == 0, "\(now.standardError)")
    }

    /// `rota init --out ~/.config/rota/rota.yaml` works on a machine where that folder does not exist yet; a file in
    /// the way of the folder is an error naming the folder, not Foundation's text.
    @Test func createsTheFoldersAboveTheFile() throws {
        let folder = try RotaBinary.temporaryFolder("init")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent(".config/rota/rota.yaml").path
        let result = try RotaBinary.run(["init", "--out", file] + Self.start)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(try RotaBinary.run(["check", "--config", file, "--as-of", "2026-12-07"]).status == 0)

        let blocker = folder.appendingPathComponent("blocker")
        try Data("not a folder".utf8).write(to: blocker)
        let blocked = try RotaBinary.run(["init", "--out", blocker.path + "/sub/rota.yaml"] + Self.start)
        #expect(blocked.status == 2)
        #expect(
            blocked.standardError
                == "error: cannot create the folder \(blocker.path)/sub for \(blocker.path)/sub/rota.yaml\n"
                + "hint: check that no file is in the way and that you may write there, or pass --out with another path\n"
        )
    }

    /// The commented runbook fields are a working example: uncommented, they check and show in the runbook.
    @Test func theCommentedRunbookFieldsCheckOnceUncommented() throws {
        let folder = try RotaBinary.temporaryFolder("init")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("rota.yaml")
        #expect(try RotaBinary.run(["init", "--out", file.path, "--quiet"] + Self.start).status == 0)
        let keys = ["severity:", "impact:", "links:", "  dashboard:", "  logs:", "contacts:", "  - {"]
        let lines = try String(contentsOf: file, encoding: .utf8).split(
            separator: "\n",
            omittingEmptySubsequences: false
        )
        let uncommented = lines.map { line in
            keys.contains { line.hasPrefix("    # " + $0) } ? "    " + line.dropFirst("    # ".count) : line
        }
        #expect(uncommented.filter { $0.hasPrefix("    severity: sev2") }.count == 1)
        try uncommented.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
        let check = try RotaBinary.run(["check", "--config", file.path, "--as-of", "2026-12-07"])
        #expect(check.status == 0, "\(check.standardError)")
        let out = folder.appendingPathComponent("runbooks").path
        let runbooks = try RotaBinary.run([
            "runbooks", "--config", file.path, "--as-of", "2026-12-07", "--all", "--format", "md", "--out", out,
        ])
        #expect(runbooks.status == 0, "\(runbooks.standardError)")
        let page = try String(contentsOfFile: out + "/pipeline-1.md", encoding: .utf8)
        #expect(page.contains("- **Severity:** sev2"))
        #expect(page.contains("  - [dashboard](<https://grafana.example.com/d/pipeline-1>)"))
    }

    @Test func refusesToOverwrite() throws {
        let folder = try RotaBinary.temporaryFolder("init")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("rota.yaml")
        try Data("team: mine\n".utf8).write(to: file)
        let result = try RotaBinary.run(["init", "--out", file.path] + Self.start)
        #expect(result.status == 2)
        #expect(result.standardError.contains("\(file.path) already exists; rota init never overwrites a file"))
        #expect(try String(contentsOf: file, encoding: .utf8) == "team: mine\n")
    }

    @Test(arguments: [
        (["Chen"], "'Chen' is not a valid id"),
        (["chen", "chen"], "'chen' is given twice"),
        (["a--b"], "'a--b' is not a valid id"),
    ])
    func badIdsAreUsageErrors(engineers: [String], message: String) throws {
        let folder = try RotaBinary.temporaryFolder("init")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("rota.yaml").path
        let result = try RotaBinary.run(["init", "--out", file] + engineers.flatMap { ["--engineer", $0] })
        #expect(result.status == 2)
        #expect(result.standardError.contains(message))
        #expect(!FileManager.default.fileExists(atPath: file))
    }
}
