import Testing

@testable import ICalendar

/// The reader recognises common names without building strings; it must read them exactly as the
/// general path does.
@Suite struct KnownNameTests {
    static let names = [
        "BEGIN", "END", "UID", "DTSTAMP", "DTSTART", "DTEND", "DUE", "DURATION", "SEQUENCE", "SUMMARY", "DESCRIPTION",
        "LOCATION", "CATEGORIES", "TRANSP", "STATUS", "URL", "RRULE", "RDATE", "EXDATE", "ACTION", "TRIGGER", "PRODID",
        "VERSION", "CALSCALE", "METHOD", "NAME", "TZID", "TZOFFSETFROM", "TZOFFSETTO", "TZNAME", "CREATED",
        "LAST-MODIFIED", "RECURRENCE-ID", "ORGANIZER", "ATTENDEE", "CLASS", "PRIORITY", "COMMENT", "CONTACT", "VALUE",
        "RELATED", "CN", "ROLE", "PARTSTAT", "RSVP", "X-WR-CALNAME", "X-WR-CALDESC", "X-WR-TIMEZONE", "X-ROTA-TEAM",
        "X-ROTA-HASH", "RESOURCES", "X-OTHER", "UNKNOWN-NAME", "DTSTARX", "UIDX",
    ]

    @Test(arguments: names)
    func aKnownNameIsItselfWithTheGeneralEncoding(_ name: String) {
        let bytes = Array(name.utf8)
        let known = bytes.withUnsafeBufferPointer { KnownName.lookUp($0) }
        if let known {
            #expect(known.name == name)
            #expect(known.encoding == Property(name: name, value: "").valueEncoding)
        }
        // Either way, a line with this name parses as the general path reads it.
        let line = Array("\(name);X-P=1:a\\,b".utf8)
        let plain = Array("\(name):a\\,b".utf8)
        let withParameter = try? line.withUnsafeBufferPointer { try ContentLineParser.parse($0) }.property
        let withoutParameter = try? plain.withUnsafeBufferPointer { try ContentLineParser.parse($0) }.property
        let expected = Property(name: name, value: "").valueEncoding == .text ? "a,b" : "a\\,b"
        #expect(withoutParameter?.name == name && withoutParameter?.value == expected)
        #expect(withParameter?.name == name && withParameter?.value == expected)
    }

    @Test func lowerCaseNamesAreUpperCased() throws {
        let read = try ICalendarReader.readComponents(Array("BEGIN:vevent\r\nsummary:x\r\nEND:VEVENT\r\n".utf8))
        #expect(read.first?.name == "VEVENT")
        #expect(read.first?.properties.first?.name == "SUMMARY")
    }
}
