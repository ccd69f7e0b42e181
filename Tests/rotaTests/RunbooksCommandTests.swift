import Foundation
import RotaTestSupport
import Testing

@Suite struct RunbooksCommandTests {
    static let noLedger = ["--ledger", "/nonexistent/rota-test.ledger.yaml"]
    static let files = [
        "index.md", "aggregate-profit.md", "aggregate-growth.md", "aggregate-engagement.md",
        "index.html", "aggregate-profit.html", "aggregate-growth.html", "aggregate-engagement.html",
    ]

    @Test func writesTheGoldenRunbooksThenNothingWhenUnchanged() throws {
        let out = try RotaBinary.temporaryFolder("runbooks")
        defer { try? FileManager.default.removeItem(at: out) }
        let arguments = ["runbooks", "--as-of", "2026-11-30", "--out", out.path] + Self.noLedger
        let first = try RotaBinary.run(arguments)
        #expect(first.status == 0)
        #expect(
            first.standardError
                == "\(out.path): 8 files written, 0 unchanged (3 runbooks and an index, md and html, as of 2026-11-30)\n"
        )
        let written = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        #expect(written == Self.files.sorted())
        var bytes: [String: Data] = [:]
        for name in Self.files {
            let data = try Data(contentsOf: out.appendingPathComponent(name))
            bytes[name] = data
            GoldenFile.check(Array(data), "fixtures/golden/runbooks/" + name)
        }
        let modified = try Self.modificationDates(out)

        let second = try RotaBinary.run(arguments)
        #expect(second.status == 0)
        #expect(second.standardError.contains(": 0 files written, 8 unchanged"))
        for name in Self.files {
            #expect(try Data(contentsOf: out.appendingPathComponent(name)) == bytes[name])
        }
        #expect(try Self.modificationDates(out) == modified)
    }

    @Test func markdownOnlyWithEveryPipeline() throws {
        let out = try RotaBinary.temporaryFolder("runbooks")
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try RotaBinary.run(
            ["runbooks", "--as-of", "2026-11-30", "--out", out.path, "--format", "md", "--all"] + Self.noLedger
        )
        #expect(result.status == 0)
        #expect(result.standardError.contains("6 files written, 0 unchanged (5 runbooks and an index, md,"))
        let written = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        #expect(
            written == [
                "aggregate-engagement.md", "aggregate-growth.md", "aggregate-profit.md", "daily-growth.md", "index.md",
                "unit-level-profit.md",
            ]
        )
        let internalOnly = try String(contentsOf: out.appendingPathComponent("daily-growth.md"), encoding: .utf8)
        #expect(internalOnly.contains("Does not report to investors"))
        #expect(internalOnly.contains("`seasonality`"))
    }

    @Test func helpHasASummaryDiscussionAndExamples() throws {
        let result = try RotaBinary.run(["runbooks", "--help"])
        #expect(result.status == 0)
        #expect(result.standardOutput.hasPrefix("OVERVIEW: Write a runbook (Markdown and HTML) for every pipeline"))
        #expect(result.standardOutput.contains("rota runbooks --all --format md"))
        #expect(result.standardOutput.contains("--format <format>"))
    }

    @Test func aBrokenConfigWritesNothing() throws {
        let out = try RotaBinary.temporaryFolder("runbooks")
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try RotaBinary.run(
            ["runbooks", "--out", out.path, "--config", "fixtures/invalid/unknown-detector.yaml"] + Self.noLedger
        )
        #expect(result.status == 2)
        #expect(result.standardError.contains("'fresh' is not a monitoring point of this pipeline"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).isEmpty)
    }

    private static func modificationDates(_ folder: URL) throws -> [Date?] {
        try files.map {
            try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent($0).path)[.modificationDate]
                as? Date
        }
    }
}
