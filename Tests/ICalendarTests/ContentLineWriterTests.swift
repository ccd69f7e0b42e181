import Foundation
import ICalendar
import RotaTestSupport
import Testing

/// `ContentLineWriter` writes typed fields straight to bytes; each line must be the line `ICalendarWriter`
/// writes for the same property inside a component, or apps that use it would write other bytes.
@Suite struct ContentLineWriterTests {
    /// The lines of `properties` as the writer writes them inside a component, without BEGIN and END.
    static func written(_ properties: [Property]) -> [UInt8] {
        let begin = "BEGIN:X-TEST\r\n".utf8.count
        let end = "END:X-TEST\r\n".utf8.count
        let bytes = ICalendarWriter.write(Component(name: "X-TEST", properties: properties))
        return Array(bytes[begin..<(bytes.count - end)])
    }

    @Test func everyKindOfLineIsTheLineTheWriterWrites() {
        var generator = DocumentGenerator(seed: 11)
        for index in 0..<2000 {
            var writer = ContentLineWriter()
            var properties: [Property] = []
            let name = PropertyName(generator.name())
            let text = generator.text()
            let items = (0..<Int.random(in: 0...3, using: &generator.random)).map { _ in generator.text() }
            let time = generator.dateTime()
            let property = generator.extraProperty()
            writer.appendText(.summary, text)
            properties.append(Property(name: .summary, value: text))
            writer.appendText(name, text)
            properties.append(Property(name: name, value: text))
            writer.appendRaw(.uid, text)
            properties.append(Property(name: .uid, value: text))
            writer.appendTextList(.categories, items)
            properties.append(Property(name: .categories, textList: items))
            writer.appendDateTime(.dtStart, time)
            properties.append(time.property(named: .dtStart))
            writer.append(property)
            properties.append(property)
            #expect(writer.bytes == Self.written(properties), "case \(index)")
        }
    }

    @Test func namesAreCleanedAsTheWriterCleansThem() {
        var writer = ContentLineWriter()
        writer.begin("vevent")
        writer.appendText(PropertyName("x-odd name"), "a")
        writer.appendRaw(PropertyName(""), "b")
        writer.end("vevent")
        let expected = ICalendarWriter.write(
            Component(
                name: "VEVENT",
                properties: [Property(name: "X-ODD NAME", value: "a"), Property(name: "", value: "b")]
            )
        )
        #expect(writer.bytes == expected)
        #expect(String(decoding: writer.bytes, as: UTF8.self).contains("X-ODD-NAME:a\r\n"))
    }
}
