import ICalendar
import Testing

@Suite struct RoundTripTests {
    @Test(arguments: 0..<8)
    func readOfWriteIsIdentityForGeneratedDocuments(batch: UInt64) throws {
        var generator = DocumentGenerator(seed: 0x5EED_0000 + batch)
        for _ in 0..<50 {
            let document = generator.document()
            let bytes = ICalendarWriter.write(document)
            let read = try ICalendarReader.read(bytes)
            #expect(read == document)
            if read != document { return }
            #expect(ICalendarWriter.write(read) == bytes)
        }
    }

    @Test func writeIsStableForUnsortedDocuments() throws {
        var generator = DocumentGenerator(seed: 42)
        for _ in 0..<50 {
            var document = generator.document()
            document.events.reverse()
            let bytes = ICalendarWriter.write(document)
            #expect(ICalendarWriter.write(try ICalendarReader.read(bytes)) == bytes)
        }
    }

    @Test func componentsRoundTripThroughTheGenericTree() throws {
        var generator = DocumentGenerator(seed: 7)
        for _ in 0..<100 {
            let component = generator.document().component
            #expect(try ICalendarReader.readComponents(ICalendarWriter.write(component)) == [component])
        }
    }

    @Test func textEscapingRoundTripsEveryPiece() throws {
        for piece in DocumentGenerator.pieces {
            for name in ["SUMMARY", "DESCRIPTION", "X-NOTE", "LOCATION", "X-WR-CALNAME"] {
                let value = "[\(piece)]\(piece)\(piece)"
                let component = Component(name: "X", properties: [Property(name: name, value: value)])
                let read = try ICalendarReader.readComponents(ICalendarWriter.write(component))
                #expect(read == [component], "\(name): \(piece)")
            }
        }
    }

    @Test func carriageReturnsInTextBecomeNewlines() throws {
        let component = Component(name: "X", properties: [Property(name: "SUMMARY", value: "a\r\nb\rc\nd")])
        let read = try ICalendarReader.readComponents(ICalendarWriter.write(component))
        #expect(read.first?.property("SUMMARY")?.value == "a\nb\nc\nd")
    }

    @Test func eventConvertsToAComponentAndBack() throws {
        var generator = DocumentGenerator(seed: 99)
        for _ in 0..<200 {
            let event = generator.event()
            #expect(try Event(component: event.component) == event)
        }
    }
}
