import Foundation
import Testing

/// A corrupt day in the feed state stops `rota export` with the file, the event and the property named; rota
/// once read it as 1970-01-01 and published that as the events' DTSTAMP.
@Suite struct FeedStateErrorTests {
    @Test func aCorruptDayInTheFeedStateIsReportedWithTheFileAndNothingIsWritten() throws {
        let out = try RotaBinary.temporaryFolder("feed-state")
        defer { try? FileManager.default.removeItem(at: out) }
        let arguments = ["export", "--as-of", "2026-11-28", "--out", out.path, "--ledger", "/nonexistent/rota.yaml"]
        #expect(try RotaBinary.run(arguments).status == 0)
        let stateFile = out.appendingPathComponent(".rota-feed-state.json")
        let state = try String(contentsOf: stateFile, encoding: .utf8)
        let entry = try #require(state.range(of: #""changed" : "2026-11-28""#))
        try Data(state.replacingCharacters(in: entry, with: #""changed" : "2026-02-30""#).utf8).write(to: stateFile)
        let team = try Data(contentsOf: out.appendingPathComponent("team.ics"))

        let result = try RotaBinary.run(arguments)
        #expect(result.status == 2)
        #expect(result.standardError.hasPrefix("\(stateFile.path): error: cannot read the feed state: event "))
        #expect(result.standardError.contains(#": changed is "2026-02-30", not a day (YYYY-MM-DD)"#))
        #expect(result.standardError.contains("hint: delete the file"))
        #expect(try Data(contentsOf: out.appendingPathComponent("team.ics")) == team)
        #expect(!String(decoding: team, as: UTF8.self).contains("DTSTAMP:1970"))
    }
}
