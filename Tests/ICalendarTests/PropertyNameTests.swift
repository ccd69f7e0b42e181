import ICalendar
import Testing

/// Property names are case-insensitive (RFC 5545 §2.1): a typed name finds a property however it was written.
@Suite struct PropertyNameTests {
    @Test func namesThatDifferOnlyInCaseAreEqual() {
        #expect(PropertyName("dtstart") == .dtStart)
        #expect(PropertyName("X-Rota-Team") == PropertyName("X-ROTA-TEAM"))
        #expect(PropertyName(rawValue: "Summary").rawValue == "SUMMARY")
        #expect(PropertyName("DTSTART") != .dtEnd)
        #expect(Set([PropertyName("uid"), .uid, PropertyName("UID")]).count == 1)
    }

    @Test func aLookupFindsAPropertyWrittenInAnyCase() throws {
        let text = "BEGIN:VEVENT\r\nuid:a@example.com\r\nDtStart:20261130T100000Z\r\nsummary:On call\r\nEND:VEVENT\r\n"
        let event = try #require(try ICalendarReader.readComponents(Array(text.utf8)).first)
        #expect(event.property(.uid)?.value == "a@example.com")
        #expect(event.property(.dtStart)?.value == "20261130T100000Z")
        #expect(event.property(PropertyName("DTSTART"))?.value == "20261130T100000Z")
        #expect(event.properties(named: .summary).map(\.value) == ["On call"])
        #expect(event.property(.dtEnd) == nil)
        #expect(event.properties.first?.hasName(PropertyName("Uid")) == true)
    }

    @Test func aPropertyMadeWithATypedNameIsWrittenInUpperCase() {
        var event = Component(
            name: "VEVENT",
            properties: [
                Property(name: PropertyName("x-rota-kind"), value: "shift"),
                Property(name: .categories, textList: ["a,b", "c"]),
                Property(name: .status, value: "CONFIRMED"),
            ]
        )
        #expect(event.properties.map(\.name) == ["X-ROTA-KIND", "CATEGORIES", "STATUS"])
        #expect(event.property(.categories)?.textList == ["a,b", "c"])
        event.removeProperties(named: PropertyName("Status"))
        #expect(event.properties.map(\.propertyName) == [PropertyName("X-ROTA-KIND"), .categories])
    }
}
