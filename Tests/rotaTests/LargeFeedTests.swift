import Foundation
import Testing

/// rota reads back feeds as large as it writes (issue 17): the size limit is 256 MiB, it is checked before a byte
/// is read, and a feed of 100,000 events compares with the plan.
@Suite struct LargeFeedTests {
    static let common = ["--as-of", "2026-11-28", "--ledger", "/nonexistent/x.yaml"]

    /// A 300 MiB file of zeros is refused by its size alone, naming the size and the limit.
    ///
    /// Had rota read it, the zeros would have been reported as a broken iCalendar line instead.
    @Test func aFeedOverTheLimitIsRefusedBeforeItIsRead() throws {
        let folder = try RotaBinary.temporaryFolder("diff-huge")
        defer { try? FileManager.default.removeItem(at: folder) }
        let huge = folder.appendingPathComponent("huge.ics")
        #expect(FileManager.default.createFile(atPath: huge.path, contents: nil))
        let handle = try FileHandle(forWritingTo: huge)
        try handle.truncate(atOffset: 300 << 20)  // sparse: no disk space, all zeros when read
        try handle.close()

        let result = try RotaBinary.run(["diff", "--ics", huge.path] + Self.common)
        #expect(result.status == 2)
        #expect(
            result.standardError.contains(
                "error: cannot read \(huge.path): it has 314572800 bytes (300 MiB), more than 256 MiB, "
                    + "the most rota reads"
            ),
            "\(result.standardError)"
        )
        #expect(!result.standardError.contains("huge.ics:1:"))
    }

    /// The exported feed with 100,000 other events in it (a busy shared calendar, about 70 MiB: more
    /// than the 64 MiB rota used to refuse) still compares: rota's own events are in sync and the others are counted
    /// and left alone.
    @Test func aFeedOf100000EventsIsCompared() throws {
        let folder = try RotaBinary.temporaryFolder("diff-100k")
        defer { try? FileManager.default.removeItem(at: folder) }
        let feeds = folder.appendingPathComponent("feeds")
        #expect(try RotaBinary.run(["export", "--out", feeds.path] + Self.common).status == 0)
        let exported = try String(contentsOf: feeds.appendingPathComponent("team.ics"), encoding: .utf8)
        let end = try #require(exported.range(of: "END:VCALENDAR\r\n", options: .backwards))

        var feed = [UInt8](exported[..<end.lowerBound].utf8)
        feed.reserveCapacity(80 << 20)
        for index in 0..<100_000 {
            let day = 1 + index % 28
            let month = 1 + index / 28 % 12
            let stamp = "2026\(month < 10 ? "0" : "")\(month)\(day < 10 ? "0" : "")\(day)"
            let event =
                "BEGIN:VEVENT\r\nUID:meeting-\(index)@elsewhere.example.com\r\nDTSTAMP:\(stamp)T090000Z\r\n"
                + "DTSTART;TZID=America/New_York:\(stamp)T140000\r\nDTEND;TZID=America/New_York:\(stamp)T150000\r\n"
                + "SUMMARY:Planning meeting \(index)\r\n"
                + "DESCRIPTION:Agenda: the quarter's pipelines\\, the on-call hand-offs and anything else that comes\r\n"
                + "  up\\; long enough to be folded once like the ones calendar servers write\\, and followed by the\r\n"
                + "  list of pipelines the team owns and their runbooks\\, as the descriptions rota writes are: ingest\r\n"
                + " ion\\, billing-export\\, search-index\\, warehouse-load\\, reporting\\, alerting\\, backfills and\r\n"
                + "  the nightly reconciliation jobs.\r\n"
                + "CATEGORIES:Meeting\r\nTRANSP:OPAQUE\r\nEND:VEVENT\r\n"
            feed += event.utf8
        }
        feed += "END:VCALENDAR\r\n".utf8
        #expect(feed.count > 64 << 20)
        let path = folder.appendingPathComponent("busy.ics")
        try Data(feed).write(to: path)

        let result = try RotaBinary.run(["diff", "--ics", path.path] + Self.common)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(
            result.standardOutput.hasSuffix(
                "\(path.path) in sync with the plan: 0 missing, 0 changed, 0 extra, 0 edited by hand, 61 in sync "
                    + "(100000 other events left alone)\n"
            ),
            "\(result.standardOutput.suffix(300))"
        )
    }

    /// A feed is read in pieces of 1 MiB, yet an error 3 MiB into it names the line and column of the whole
    /// file, with the line quoted, as when it was read whole.
    @Test func anErrorFarIntoALargeFeedNamesItsLineAndColumn() throws {
        let folder = try RotaBinary.temporaryFolder("diff-broken")
        defer { try? FileManager.default.removeItem(at: folder) }
        var feed = [UInt8]("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n".utf8)
        for index in 0..<12_000 {
            feed += Array(
                ("BEGIN:VEVENT\r\nUID:meeting-\(index)@elsewhere.example.com\r\nDTSTART:20261201T090000Z\r\n"
                    + "DESCRIPTION:Agenda: the quarter's pipelines\\, the on-call hand-offs and anything else that\r\n"
                    + "  comes up\\; long enough to be folded once like the ones calendar servers write.\r\n"
                    + "END:VEVENT\r\n").utf8
            )
        }
        #expect(feed.count > 3 << 20)
        let line = feed.count { $0 == 0x0A } + 3
        feed += Array("BEGIN:VEVENT\r\nUID:broken@elsewhere.example.com\r\nDTSTART:20260230T090000Z\r\n".utf8)
        feed += Array("END:VEVENT\r\nEND:VCALENDAR\r\n".utf8)
        let path = folder.appendingPathComponent("broken.ics")
        try Data(feed).write(to: path)

        let result = try RotaBinary.run(["diff", "--ics", path.path] + Self.common)
        #expect(result.status == 2)
        #expect(
            result.standardError.hasPrefix(
                "\(path.path):\(line):9: error: '20260230T090000Z' is not a DATE or DATE-TIME"
            ),
            "\(result.standardError)"
        )
        #expect(result.standardError.contains("    DTSTART:20260230T090000Z\n            ^\n"))
    }
}
