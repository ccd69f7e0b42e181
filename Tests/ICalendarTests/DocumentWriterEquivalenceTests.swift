import ICalendar
import Testing

/// `write(document)` writes events straight from their fields; these tests pin it to the bytes of
/// `write(document.component)`, the generic path through components and properties.
@Suite struct DocumentWriterEquivalenceTests {
    private func expectSameBytes(_ document: CalendarDocument) {
        let direct = ICalendarWriter.write(document)
        let generic = ICalendarWriter.write(document.component)
        #expect(direct == generic)
        if direct != generic {
            print(String(decoding: direct, as: UTF8.self))
            print(String(decoding: generic, as: UTF8.self))
        }
    }

    @Test func generatedDocumentsWriteTheSameBytesAsTheirComponent() {
        var generator = DocumentGenerator(seed: 0xD1EC7)
        for _ in 0..<200 {
            expectSameBytes(generator.document())
        }
    }

    /// An app that puts one event into several calendars writes it once and appends the bytes to each.
    @Test func appendedWrittenComponentsGiveTheBytesOfTheWholeCalendar() {
        var generator = DocumentGenerator(seed: 0xA99E)
        for _ in 0..<50 {
            let calendar = generator.document().component
            for split in [0, calendar.components.count / 2, calendar.components.count] {
                var head = calendar
                head.components = Array(calendar.components.prefix(split))
                let rest = calendar.components.dropFirst(split).map { ICalendarWriter.write($0) }
                #expect(ICalendarWriter.write(head, appendingWritten: rest) == ICalendarWriter.write(calendar))
            }
        }
    }

    @Test func eventsWithOddFieldsWriteTheSameBytesAsTheirComponent() {
        let parts = DateTimeValue.LocalParts(year: 2026, month: 3, day: 4, hour: 5, minute: 6, second: 7)
        let wide = DateTimeValue.LocalParts(year: 12_345, month: 123, day: -1, hour: 100, minute: 0, second: 0)
        let long = String(repeating: "日本語 a,b;c\\d\r\ne\rf\ng ", count: 12)
        let events = [
            Event(uid: "plain", dtstamp: .utc(parts), start: .date(year: 2026, month: 1, day: 2)),
            Event(
                uid: "odd\r\nuid" + long,
                dtstamp: .floating(wide),
                start: .zoned(tzid: "A;B:C,\"D\"\u{1}", parts),
                end: .date(year: -5, month: 1, day: 200),
                summary: long,
                description: long,
                location: "",
                categories: ["a,b", "c\nd", "", long],
                transparency: .transparent,
                status: .cancelled,
                sequence: -3,
                url: "https://example.com/\n" + long,
                rrule: "FREQ=DAILY\r\n",
                exdates: [.utc(wide), .floating(parts), .date(year: 2026, month: 1, day: 3)],
                alarms: [
                    Alarm(trigger: DurationValue(days: 1, isNegative: true), description: ""),
                    Alarm(trigger: DurationValue(weeks: 2, isNegative: false), description: long),
                ]
            ),
            // A listed name in extra makes the generic path reorder; the direct path must agree.
            Event(
                uid: "reordered",
                dtstamp: .utc(parts),
                start: .floating(parts),
                extra: [Property(name: "X-A", value: "1"), Property(name: "DTSTART", value: "20260101")]
            ),
            Event(
                uid: "alarm-reordered",
                dtstamp: .utc(parts),
                start: .floating(parts),
                alarms: [
                    Alarm(
                        trigger: DurationValue(days: 1, isNegative: true),
                        description: "d",
                        extra: [Property(name: "X-B", value: "2"), Property(name: "ACTION", value: "EMAIL")]
                    )
                ],
                extra: [Property(name: "x-lower", value: "v")]
            ),
        ]
        var renamed = Property(name: "X-N", value: "v")
        renamed.name = "uid"
        var withRenamed = events[0]
        withRenamed.uid = "renamed"
        withRenamed.extra = [
            renamed, Property(name: "X-😀", parameters: [Parameter(name: "P", value: "a:b")], value: "x"),
        ]
        expectSameBytes(CalendarDocument(prodID: "-//t//EN", events: events + [withRenamed]))
        for event in events {
            expectSameBytes(CalendarDocument(prodID: "-//t//EN", events: [event]))
        }
        expectSameBytes(CalendarDocument(prodID: "-//t//EN", events: []))
    }
}
