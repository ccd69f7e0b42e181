import ICalendar
import Testing

@Suite struct ReaderTests {
    static let minimal = """
        BEGIN:VCALENDAR
        VERSION:2.0
        PRODID:-//t//EN
        BEGIN:VEVENT
        UID:1@example.com
        DTSTAMP:20260101T000000Z
        DTSTART;VALUE=DATE:20261225
        SUMMARY:Christmas\\, with a comma\\; and\\nlines
        END:VEVENT
        END:VCALENDAR

        """

    @Test func acceptsCRLFAndBareLFAlike() throws {
        let crlf = try ICalendarReader.read(Self.minimal.crlf)
        let lf = try ICalendarReader.read(Array(Self.minimal.utf8))
        #expect(crlf == lf)
        #expect(crlf.events.first?.summary == "Christmas, with a comma; and\nlines")
        #expect(crlf.events.first?.start == .date(year: 2026, month: 12, day: 25))
    }

    @Test func unfoldsSpaceAndTabContinuations() throws {
        let text = "BEGIN:X\nDESCRIPTION:one\n  two\n\tthree\nEND:X\n"
        let component = try #require(try ICalendarReader.readComponents(Array(text.utf8)).first)
        #expect(component.property("DESCRIPTION")?.value == "one twothree")
    }

    @Test func unfoldsAUTF8SequenceSplitByACarelessFolder() throws {
        var bytes = Array("BEGIN:X\r\nSUMMARY:".utf8) + [0xE6, 0x97] + Array("\r\n ".utf8) + [0xA5]
        bytes += Array("\r\nEND:X\r\n".utf8)
        let component = try #require(try ICalendarReader.readComponents(bytes).first)
        #expect(component.property("SUMMARY")?.value == "日")
    }

    @Test func readsQuotedParameterValuesWithColonsSemicolonsAndCommas() throws {
        let text = #"BEGIN:X"# + "\n" + #"ATTENDEE;CN="Lima, Ana";X-A="a:b;c",plain;x-low=v:mailto:a@b.c"# + "\nEND:X\n"
        let property = try #require(try ICalendarReader.readComponents(Array(text.utf8)).first?.property("ATTENDEE"))
        #expect(
            property.parameters == [
                Parameter(name: "CN", value: "Lima, Ana"),
                Parameter(name: "X-A", values: ["a:b;c", "plain"]),
                Parameter(name: "X-LOW", value: "v"),
            ]
        )
        #expect(property.value == "mailto:a@b.c")
    }

    @Test func unescapesOnlyTextProperties() throws {
        let text = """
            BEGIN:X
            SUMMARY:a\\,b\\;c\\\\d\\Ne\\x
            RRULE:FREQ=YEARLY;BYDAY=1SU,2SU
            X-TEXT:p\\,q
            X-URI;VALUE=URI:p\\,q
            CATEGORIES:a\\,b,c
            END:X

            """
        let component = try #require(try ICalendarReader.readComponents(Array(text.utf8)).first)
        #expect(component.property("SUMMARY")?.value == "a,b;c\\d\ne\\x")
        #expect(component.property("RRULE")?.value == "FREQ=YEARLY;BYDAY=1SU,2SU")
        #expect(component.property("X-TEXT")?.value == "p,q")
        #expect(component.property("X-URI")?.value == "p\\,q")
        #expect(component.property("CATEGORIES")?.textList == ["a,b", "c"])
    }

    @Test func keepsUnknownPropertiesAndComponents() throws {
        let text = """
            BEGIN:VCALENDAR
            VERSION:2.0
            PRODID:-//t//EN
            X-APPLE-CALENDAR-COLOR:#FF0000
            BEGIN:VTODO
            UID:todo
            END:VTODO
            BEGIN:VEVENT
            UID:e
            DTSTAMP:20260101T000000Z
            DTSTART:20260101T090000
            X-MICROSOFT-CDO-BUSYSTATUS:FREE
            CLASS:PUBLIC
            BEGIN:X-THING
            FOO:bar
            END:X-THING
            END:VEVENT
            END:VCALENDAR

            """
        let document = try ICalendarReader.read(Array(text.utf8))
        #expect(document.properties == [Property(name: "X-APPLE-CALENDAR-COLOR", value: "#FF0000")])
        #expect(document.otherComponents.map(\.name) == ["VTODO"])
        let event = try #require(document.events.first)
        #expect(event.extra.map(\.name) == ["X-MICROSOFT-CDO-BUSYSTATUS", "CLASS"])
        #expect(
            event.otherComponents == [Component(name: "X-THING", properties: [Property(name: "FOO", value: "bar")])]
        )
    }

    @Test func namesAreCaseInsensitive() throws {
        let text =
            "begin:vcalendar\nversion:2.0\nprodid:x\nbegin:vevent\nuid:u\ndtstamp:20260101T000000Z\n"
            + "dtstart;value=date:20260101\nend:vevent\nend:vcalendar\n"
        let document = try ICalendarReader.read(Array(text.utf8))
        #expect(document.events.first?.start == .date(year: 2026, month: 1, day: 1))
    }

    @Test func ignoresAByteOrderMarkAndEmptyLines() throws {
        let bytes = [0xEF, 0xBB, 0xBF] + Array(("\n" + Self.minimal + "\n\n").utf8)
        #expect(try ICalendarReader.read(bytes) == ICalendarReader.read(Array(Self.minimal.utf8)))
    }

    @Test func readsEveryDateTimeForm() throws {
        let text = """
            BEGIN:X
            DTSTART;VALUE=DATE:20260102
            DTEND:20260102T030405
            DTSTAMP:20260102T030405Z
            DUE;TZID=Europe/London:20260102T030405
            EXDATE;VALUE=DATE:20260103,20260104
            END:X

            """
        let component = try #require(try ICalendarReader.readComponents(Array(text.utf8)).first)
        let parts = DateTimeValue.LocalParts(year: 2026, month: 1, day: 2, hour: 3, minute: 4, second: 5)
        #expect(
            try DateTimeValue(property: #require(component.property("DTSTART"))) == .date(year: 2026, month: 1, day: 2)
        )
        #expect(try DateTimeValue(property: #require(component.property("DTEND"))) == .floating(parts))
        #expect(try DateTimeValue(property: #require(component.property("DTSTAMP"))) == .utc(parts))
        #expect(
            try DateTimeValue(property: #require(component.property("DUE"))) == .zoned(tzid: "Europe/London", parts)
        )
        #expect(
            try DateTimeValue.values(of: #require(component.property("EXDATE"))) == [
                .date(year: 2026, month: 1, day: 3), .date(year: 2026, month: 1, day: 4),
            ]
        )
    }

    @Test func readComponentsReturnsSeveralTopLevelComponents() throws {
        let text = "BEGIN:VCALENDAR\nEND:VCALENDAR\nBEGIN:VCALENDAR\nEND:VCALENDAR\n"
        #expect(try ICalendarReader.readComponents(Array(text.utf8)).count == 2)
        #expect(try ICalendarReader.readComponents([]).isEmpty)
    }
}
