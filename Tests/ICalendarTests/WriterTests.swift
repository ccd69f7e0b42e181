import Foundation
import ICalendar
import Testing

@Suite struct WriterTests {
    private func written(_ properties: [Property], component name: String = "VEVENT") -> String {
        String(decoding: ICalendarWriter.write(Component(name: name, properties: properties)), as: UTF8.self)
    }

    @Test func linesEndInCRLF() {
        let bytes = ICalendarWriter.write(Component(name: "VEVENT", properties: [Property(name: "UID", value: "a")]))
        #expect(bytes == "BEGIN:VEVENT\nUID:a\nEND:VEVENT\n".crlf)
    }

    @Test func textEscapesBackslashSemicolonCommaAndNewlines() {
        let text = written([Property(name: "SUMMARY", value: "a\\b;c,d\ne\r\nf\rg:h")])
        #expect(text.contains("SUMMARY:a\\\\b\\;c\\,d\\ne\\nf\\ng:h\r\n"))
    }

    @Test func rawValuesAreWrittenAsTheyAreExceptLineBreaks() {
        let text = written([
            Property(name: "RRULE", value: "FREQ=YEARLY;BYMONTH=11,12"),
            Property(name: "URL", value: "https://a.example/x?y=1,2;3\nz"),
            Property(name: "X-DATA", parameters: [Parameter(name: "VALUE", value: "URI")], value: "a,b;c"),
        ])
        #expect(text.contains("RRULE:FREQ=YEARLY;BYMONTH=11,12\r\n"))
        #expect(text.contains("URL:https://a.example/x?y=1,2;3\\nz\r\n"))
        #expect(text.contains("X-DATA;VALUE=URI:a,b;c\r\n"))
    }

    @Test func xPropertiesAreTextByDefault() {
        #expect(written([Property(name: "X-NOTE", value: "a,b")]).contains("X-NOTE:a\\,b\r\n"))
    }

    @Test func categoriesKeepSeparatingCommas() {
        let property = Property(name: "CATEGORIES", textList: ["on-call", "primary, platform", "a;b"])
        #expect(written([property]).contains("CATEGORIES:on-call,primary\\, platform,a\\;b\r\n"))
        #expect(property.textList == ["on-call", "primary, platform", "a;b"])
    }

    @Test func parameterValuesAreQuotedWhenNeededAndNeverHoldDQUOTE() {
        let text = written([
            Property(
                name: "ATTENDEE",
                parameters: [
                    Parameter(name: "CN", value: "Lima, Ana"),
                    Parameter(name: "X-A", value: "x:y"),
                    Parameter(name: "X-B", value: "x;y"),
                    Parameter(name: "X-C", value: "say \"hi\""),
                    Parameter(name: "X-D", values: ["plain", "two,parts"]),
                ],
                value: "mailto:ana@example.com"
            )
        ])
        let unfolded = text.replacingOccurrences(of: "\r\n ", with: "")
        #expect(
            unfolded.contains(
                "ATTENDEE;CN=\"Lima, Ana\";X-A=\"x:y\";X-B=\"x;y\";X-C=say 'hi';X-D=plain,\"two,parts\":mailto:ana@example.com\r\n"
            )
        )
    }

    @Test func propertiesFollowTheFixedOrderPerComponent() {
        let event = Component(
            name: "VEVENT",
            properties: ["X-B", "SUMMARY", "TRANSP", "X-A", "DTSTART", "UID", "EXDATE", "DTSTAMP", "EXDATE"]
                .enumerated()
                .map { Property(name: $0.element, value: $0.element == "DTSTART" ? "20260101" : "\($0.offset)") }
        )
        #expect(
            ICalendarWriter.orderedProperties(of: event).map(\.name) == [
                "UID", "DTSTAMP", "DTSTART", "EXDATE", "EXDATE", "SUMMARY", "TRANSP", "X-B", "X-A",
            ]
        )
        let calendar = Component(
            name: "VCALENDAR",
            properties: ["X-OTHER", "X-WR-CALNAME", "PRODID", "VERSION", "NAME"].map { Property(name: $0, value: "v") }
        )
        #expect(
            ICalendarWriter.orderedProperties(of: calendar).map(\.name) == [
                "VERSION", "PRODID", "NAME", "X-WR-CALNAME", "X-OTHER",
            ]
        )
        let alarm = Component(
            name: "VALARM",
            properties: ["DESCRIPTION", "TRIGGER", "ACTION"].map { Property(name: $0, value: "v") }
        )
        #expect(ICalendarWriter.orderedProperties(of: alarm).map(\.name) == ["ACTION", "TRIGGER", "DESCRIPTION"])
    }

    @Test func namesKeepOnlyLettersDigitsAndDashes() {
        let text = written([Property(name: "X-a_b c", parameters: [Parameter(name: "p/q", value: "1")], value: "v")])
        #expect(text.contains("X-A-B-C;P-Q=1:v\r\n"))
    }

    @Test func eventsAreSortedByStartThenUID() {
        let stamp = DateTimeValue.utc(.init(year: 2026, month: 1, day: 1, hour: 0, minute: 0))
        let document = CalendarDocument(
            prodID: "-//t//EN",
            events: [
                Event(uid: "b", dtstamp: stamp, start: .date(year: 2026, month: 3, day: 1)),
                Event(
                    uid: "c",
                    dtstamp: stamp,
                    start: .floating(.init(year: 2026, month: 2, day: 1, hour: 9, minute: 0))
                ),
                Event(uid: "a", dtstamp: stamp, start: .date(year: 2026, month: 3, day: 1)),
                Event(uid: "d", dtstamp: stamp, start: .date(year: 2026, month: 2, day: 1)),
            ]
        )
        #expect(document.sortedEvents.map(\.uid) == ["d", "c", "a", "b"])
        let text = String(decoding: ICalendarWriter.write(document), as: UTF8.self)
        let uids = text.split(separator: "\r\n").filter { $0.hasPrefix("UID:") }
        #expect(uids == ["UID:d", "UID:c", "UID:a", "UID:b"])
    }
}
