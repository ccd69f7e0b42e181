import Foundation
import RotaTestSupport
import Testing

@Suite struct ExportCommandTests {
    static let noLedger = ["--ledger", "/nonexistent/rota-test.ledger.yaml"]

    @Test func writesEveryFeedAndAnIndexThenNothingWhenUnchanged() throws {
        let out = try RotaBinary.temporaryFolder("export")
        defer { try? FileManager.default.removeItem(at: out) }
        let first = try RotaBinary.run(["export", "--as-of", "2026-11-28", "--out", out.path] + Self.noLedger)
        #expect(first.status == 0)
        #expect(
            first.standardError == "\(out.path): 10 feeds written, 0 unchanged (366 events, 2026-10-29 to 2027-11-28)\n"
        )
        let files = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        #expect(files.contains("team.ics") && files.contains("engineer-kim.ics") && files.contains("index.json"))
        #expect(files.filter { $0.hasSuffix(".ics") }.count == 10)
        let index = try String(contentsOf: out.appendingPathComponent("index.json"), encoding: .utf8)
        GoldenFile.check(index, "fixtures/golden/rota/export-index.json")
        let team = try Data(contentsOf: out.appendingPathComponent("team.ics"))
        let modified =
            try FileManager.default.attributesOfItem(atPath: out.appendingPathComponent("team.ics").path)[
                .modificationDate
            ] as? Date

        let second = try RotaBinary.run(["export", "--as-of", "2026-11-28", "--out", out.path] + Self.noLedger)
        #expect(second.standardError.contains("0 feeds written, 10 unchanged"))
        #expect(try Data(contentsOf: out.appendingPathComponent("team.ics")) == team)
        let modifiedAgain =
            try FileManager.default.attributesOfItem(
                atPath: out.appendingPathComponent("team.ics").path
            )[.modificationDate] as? Date
        #expect(modified == modifiedAgain)
    }

    @Test func anOverrideBumpsTheSequenceOfTheShiftsItMoves() throws {
        let out = try RotaBinary.temporaryFolder("export")
        defer { try? FileManager.default.removeItem(at: out) }
        _ = try RotaBinary.run(["export", "--as-of", "2026-11-28", "--out", out.path] + Self.noLedger)
        var text = try RotaBinary.bundledConfigText()
        text = text.replacingOccurrences(
            of: "overrides: []",
            with: "overrides:\n  - { engineer: kim, shift: 2027-01-11 }"
        )
        let config = out.appendingPathComponent("team.yaml")
        try Data(text.utf8).write(to: config)
        let result = try RotaBinary.run(
            ["export", "--as-of", "2026-11-28", "--out", out.path, "--config", config.path] + Self.noLedger
        )
        #expect(result.status == 0)
        let team = try String(contentsOf: out.appendingPathComponent("team.ics"), encoding: .utf8)
        let events = team.components(separatedBy: "BEGIN:VEVENT").dropFirst()
        let bumped = events.filter { $0.contains("SEQUENCE:1\r\n") }
        // The override counts as Kim's shift: the rest rule keeps her off the week before, and the turns it
        // took are given back over the next weeks; nothing else in the feed changes.
        #expect((1...8).contains(bumped.count))
        let overridden = bumped.first { $0.contains("UID:shift-20270111@oncall.example.com\r\n") }
        #expect(overridden?.contains("SUMMARY:On call: Kim\r\n") == true)
        // Within the week before the override and the six after it.
        let round = ["20270104", "20270111", "20270118", "20270125", "20270201", "20270208", "20270215", "20270222"]
        #expect(bumped.allSatisfy { event in round.contains { event.contains("UID:shift-\($0)@") } })
    }

    @Test func aBrokenStateFileIsAClearError() throws {
        let out = try RotaBinary.temporaryFolder("export")
        defer { try? FileManager.default.removeItem(at: out) }
        try Data("not json".utf8).write(to: out.appendingPathComponent(".rota-feed-state.json"))
        let result = try RotaBinary.run(["export", "--as-of", "2026-11-28", "--out", out.path] + Self.noLedger)
        #expect(result.status == 2)
        #expect(result.standardError.contains("cannot read the feed state"))
        #expect(result.standardError.contains("hint: delete the file"))
    }
}
