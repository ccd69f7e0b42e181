import ICalendar
import Testing

@Suite struct FoldingTests {
    /// Physical lines of written bytes, without their CR LF.
    private func physicalLines(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        var lines: [ArraySlice<UInt8>] = []
        var start = 0
        var index = 0
        while index + 1 < bytes.count {
            if bytes[index] == 0x0D, bytes[index + 1] == 0x0A {
                lines.append(bytes[start..<index])
                start = index + 2
                index += 2
            } else {
                index += 1
            }
        }
        return lines
    }

    static let samples: [String] = [
        String(repeating: "a", count: 300),
        String(repeating: "😀", count: 90),
        String(repeating: "日本語のテキスト", count: 20),
        String(repeating: "e\u{301}", count: 120),
        String(repeating: "👩‍👩‍👧 ", count: 30),
        "x" + String(repeating: "ß", count: 100),
        String(repeating: "ab😀", count: 50),
    ]

    @Test(arguments: samples, 0..<4)
    func foldsWithinSeventyFiveOctetsWithoutSplittingUTF8(_ text: String, shift: Int) throws {
        let value = String(repeating: "s", count: shift) + text
        let bytes = ICalendarWriter.write(
            Component(name: "VEVENT", properties: [Property(name: "SUMMARY", value: value)])
        )
        for line in physicalLines(bytes) {
            #expect(line.count <= 75)
            // No line starts with a UTF-8 continuation byte, after the fold's space or not.
            let body = line.first == 0x20 ? line.dropFirst() : line
            if let first = body.first { #expect(first & 0xC0 != 0x80) }
            // Every physical line is valid UTF-8 on its own.
            #expect(String(validating: Array(line), as: UTF8.self) != nil)
        }
        let read = try ICalendarReader.readComponents(bytes)
        #expect(read.first?.property("SUMMARY")?.value == value)
    }

    @Test func linesUpToSeventyFiveOctetsAreNotFolded() {
        let value = String(repeating: "a", count: 75 - "SUMMARY:".count)
        let bytes = ICalendarWriter.write(Component(name: "X", properties: [Property(name: "SUMMARY", value: value)]))
        #expect(physicalLines(bytes).count == 3)
        let longer = ICalendarWriter.write(
            Component(name: "X", properties: [Property(name: "SUMMARY", value: value + "b")])
        )
        #expect(physicalLines(longer).map(\.count) == [7, 75, 2, 5])
    }

    @Test func continuationLinesCarryAtMostSeventyFourOctetsAfterTheSpace() {
        let bytes = ICalendarWriter.write(
            Component(name: "X", properties: [Property(name: "DESCRIPTION", value: String(repeating: "b", count: 500))])
        )
        let lines = physicalLines(bytes)
        #expect(lines[1].count == 75)
        #expect(lines[2].first == 0x20 && lines[2].count == 75)
    }
}
