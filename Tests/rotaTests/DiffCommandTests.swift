import Foundation
import Testing

/// `rota diff --ics`: an exported feed against the plan, through the built binary.
@Suite struct DiffCommandTests {
    static let common = ["--as-of", "2026-11-28", "--ledger", "/nonexistent/x.yaml"]

    @Test func aFeedExportedFromThePlanIsInSyncAndAnOverrideShowsFieldByField() throws {
        let folder = try RotaBinary.temporaryFolder("diff")
        defer { try? FileManager.default.removeItem(at: folder) }
        let feeds = folder.appendingPathComponent("feeds")
        #expect(try RotaBinary.run(["export", "--out", feeds.path] + Self.common).status == 0)
        let team = feeds.appendingPathComponent("team.ics").path

        let same = try RotaBinary.run(["diff", "--ics", team] + Self.common)
        #expect(same.status == 0, "\(same.standardError)")
        #expect(
            same.standardOutput.hasSuffix(
                "in sync with the plan: 0 missing, 0 changed, 0 extra, 0 edited by hand, 61 in sync\n"
            )
        )

        let original = try RotaBinary.bundledConfigText()
        let config = folder.appendingPathComponent("team.yaml")
        try Data(
            original.replacingOccurrences(
                of: "overrides: []",
                with: "overrides:\n  - { engineer: kim, shift: 2027-01-11 }"
            ).utf8
        ).write(to: config)
        let changed = try RotaBinary.run(["diff", "--ics", team, "--config", config.path] + Self.common)
        #expect(changed.status == 1)
        let lines = changed.standardOutput.split(separator: "\n").map(String.init)
        // The override's shift changes, and so do the few around it that even the turns out again.
        #expect(lines.contains("~ 2027-01-11 On call: Kim (shift-20270111@oncall.example.com)"))
        #expect(lines.contains("    SUMMARY: On call: Smith -> On call: Kim"))
        #expect(lines.contains("    X-ROTA-ENGINEER: smith -> kim"))
        let changedCount = lines.filter { $0.hasPrefix("~ ") }.count
        #expect((1...8).contains(changedCount))
        #expect(lines.last?.contains("differs from the plan: 0 missing, \(changedCount) changed, 0 extra") == true)

        let json = try RotaBinary.run(
            ["diff", "--ics", team, "--config", config.path, "--format", "json"] + Self.common
        )
        #expect(json.status == 1)
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any]
        )
        #expect(object["in_sync"] as? Bool == false)
        let events = try #require(object["events"] as? [[String: Any]])
        #expect(events.count == changedCount && events.allSatisfy { $0["action"] as? String == "update" })
    }

    @Test func aShorterFeedIsMissingEventsAndALongerOneHasExtras() throws {
        let folder = try RotaBinary.temporaryFolder("diff-window")
        defer { try? FileManager.default.removeItem(at: folder) }
        let feeds = folder.appendingPathComponent("feeds")
        // A week later the plan has moved on: the old feed lacks the newest week and has an extra old one.
        #expect(try RotaBinary.run(["export", "--out", feeds.path] + Self.common).status == 0)
        let later = ["--as-of", "2026-12-28", "--ledger", "/nonexistent/x.yaml"]
        let result = try RotaBinary.run(["diff", "--ics", feeds.appendingPathComponent("team.ics").path] + later)
        #expect(result.status == 1)
        #expect(result.standardOutput.contains("\n+ 2027-12-"))
        #expect(result.standardOutput.contains("- 2026-10-"))
    }

    @Test func anUnreadableOrBrokenFeedIsAnError() throws {
        let missing = try RotaBinary.run(["diff", "--ics", "/nonexistent/team.ics"] + Self.common)
        #expect(missing.status == 2)
        #expect(missing.standardError.contains("error: cannot read /nonexistent/team.ics"))
        #expect(missing.standardError.contains("hint: "))

        let folder = try RotaBinary.temporaryFolder("diff-broken")
        defer { try? FileManager.default.removeItem(at: folder) }
        let broken = folder.appendingPathComponent("broken.ics")
        try Data("BEGIN:VCALENDAR\nBEGIN:VEVENT\nSUMMARY no colon\n".utf8).write(to: broken)
        let result = try RotaBinary.run(["diff", "--ics", broken.path] + Self.common)
        #expect(result.status == 2)
        #expect(result.standardError.contains("broken.ics:3:"))

        let nothing = try RotaBinary.run(["diff"] + Self.common)
        #expect(nothing.status == 2)
        #expect(nothing.standardError.contains("--ics"))
    }
}
