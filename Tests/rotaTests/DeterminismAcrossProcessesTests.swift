import Foundation
import Testing

/// Same inputs, byte-identical output, checked across two processes with different hash seeds.
///
/// Comparing two calls in one process cannot catch output that follows a Dictionary's or a Set's order: the
/// seed is fixed for the life of a process. Here one run hashes with the seed fixed at 0
/// (`SWIFT_DETERMINISTIC_HASHING`) and the other with its own random seed, so an iteration-order leak in
/// the scheduler, the config diagnostics, the iCalendar writer (VTIMEZONEs included), the runbooks or the
/// reports shows as a difference.
@Suite struct DeterminismAcrossProcessesTests {
    static let seeds: [[String: String]] = [["SWIFT_DETERMINISTIC_HASHING": "1"], [:]]

    /// Runs `arguments` once per hash seed and returns the outputs (standard output, then standard error).
    static func twice(_ arguments: [String]) throws -> [String] {
        try seeds.map { environment in
            let result = try RotaBinary.run(arguments, environment: environment)
            return "exit \(result.status)\n\(result.standardOutput)\n--\n\(result.standardError)"
        }
    }

    @Test(arguments: [
        ["plan", "--as-of", "2026-11-28", "--horizon", "1y", "--format", "json", "--ledger", "/nonexistent/l.yaml"],
        ["plan", "--as-of", "2026-11-28", "--horizon", "1y", "--ledger", "/nonexistent/l.yaml"],
        ["report", "--as-of", "2026-11-28", "--format", "json", "--ledger", "/nonexistent/l.yaml"],
        ["holidays", "--year", "2027", "--format", "json"],
        ["check", "--config", "fixtures/invalid/many-problems.yaml"],
        ["check", "--as-of", "2026-11-28", "--ledger", "/nonexistent/l.yaml"],
        ["notify", "--at", "2026-12-13T12:00", "--format", "json", "--dry-run", "--ledger", "/nonexistent/l.yaml"],
        ["check", "--config", "fixtures/examples/org", "--as-of", "2026-12-01"],
        ["check", "--config", "fixtures/examples/org", "--as-of", "2026-12-01", "--format", "json"],
    ])
    func commandOutputIsTheSameInEveryProcess(arguments: [String]) throws {
        let outputs = try Self.twice(arguments)
        #expect(outputs[0].count > 40)
        #expect(outputs[0] == outputs[1])
    }

    /// Feeds (with a VTIMEZONE for a southern-hemisphere zone) and runbooks, written to two folders.
    @Test func writtenFilesAreTheSameInEveryProcess() throws {
        let folder = try RotaBinary.temporaryFolder("determinism")
        defer { try? FileManager.default.removeItem(at: folder) }
        let config = folder.appendingPathComponent("team.yaml")
        let text = try RotaBinary.bundledConfigText().replacingOccurrences(
            of: "America/New_York",
            with: "Australia/Sydney"
        )
        try Data(text.utf8).write(to: config)
        var listings: [[String: Data]] = []
        for (run, environment) in Self.seeds.enumerated() {
            let out = folder.appendingPathComponent("out-\(run)")
            for command in ["export", "runbooks"] {
                let result = try RotaBinary.run(
                    [
                        command, "--as-of", "2026-11-28", "--config", config.path, "--out",
                        out.appendingPathComponent(command).path,
                    ],
                    environment: environment
                )
                #expect(result.status == 0, "\(result.standardError)")
            }
            var files: [String: Data] = [:]
            let enumerator = FileManager.default.enumerator(at: out, includingPropertiesForKeys: nil)
            while let url = enumerator?.nextObject() as? URL {
                // The export's record of its inputs holds the files' modification times: a cache, not output.
                guard !url.hasDirectoryPath, url.lastPathComponent != ".rota-export-inputs" else { continue }
                files[String(url.path.dropFirst(out.path.count))] = try Data(contentsOf: url)
            }
            listings.append(files)
        }
        #expect(listings[0].keys.count > 10)
        let team = String(decoding: listings[0]["/export/team.ics"] ?? Data(), as: UTF8.self)
        #expect(team.contains("BEGIN:VTIMEZONE\r\nTZID:Australia/Sydney\r\n"))
        #expect(listings[0].keys.sorted() == listings[1].keys.sorted())
        for (name, bytes) in listings[0] {
            #expect(bytes == listings[1][name], "\(name) differs between processes")
        }
    }
}
