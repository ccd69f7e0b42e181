import ICalendar
import Testing

/// The reader shares a value repeated from one event to the next (issue 17: memory), which must never change what
/// is read: only values with the same bytes are shared.
@Suite struct RepeatedValuesTests {
    @Test func valuesThatLookAlikeButDifferInTheirBytesAreKeptAsWritten() throws {
        let precomposed = "Caf\u{E9} au lait, on call"  // é as one scalar
        let decomposed = "Cafe\u{301} au lait, on call"  // e and a combining acute: == says equal
        #expect(precomposed == decomposed)
        let text = [precomposed, decomposed, decomposed, precomposed].enumerated().map { index, summary in
            "BEGIN:VEVENT\r\nUID:\(index)\r\nSUMMARY:\(summary)\r\nDTSTAMP:20261128T000000Z\r\nEND:VEVENT\r\n"
        }.joined()
        let read = try ICalendarReader.readComponents(Array(("BEGIN:VCALENDAR\r\n" + text + "END:VCALENDAR\r\n").utf8))
        let summaries = try #require(read.first).components.map { Array(($0.property(.summary)?.value ?? "").utf8) }
        #expect(summaries == [precomposed, decomposed, decomposed, precomposed].map { Array($0.utf8) })
    }
}
