import ICalendar
import RotaTestSupport
import Testing

@Suite struct GoldenFileTests {
    @Test func writerMatchesTheGoldenFileByteForByte() {
        GoldenFile.check(ICalendarWriter.write(GoldenDocument.document), "fixtures/ics/" + GoldenDocument.path)
    }

    @Test func readingTheGoldenFileGivesTheDocumentBack() throws {
        let bytes = try ICSFixtures.bytes(GoldenDocument.path)
        var expected = GoldenDocument.document
        expected.events = expected.sortedEvents
        #expect(try ICalendarReader.read(bytes) == expected)
    }

    @Test func writingWhatWasReadGivesTheSameBytes() throws {
        let bytes = try ICSFixtures.bytes(GoldenDocument.path)
        #expect(ICalendarWriter.write(try ICalendarReader.read(bytes)) == bytes)
        #expect(try ICalendarReader.readComponents(bytes).flatMap(ICalendarWriter.write) == bytes)
    }

    @Test func goldenFileUsesCRLFAndFoldsWithinSeventyFiveOctets() throws {
        let bytes = try ICSFixtures.bytes(GoldenDocument.path)
        let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).dropLast()
        #expect(bytes.last == 0x0A)
        for line in lines {
            #expect(line.last == 0x0D)
            #expect(line.count - 1 <= 75)
        }
        #expect(lines.contains { $0.first == 0x20 }, "the golden file should exercise folding")
    }
}
