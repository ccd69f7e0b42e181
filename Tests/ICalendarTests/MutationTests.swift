import ICalendar
import RotaTestSupport
import Testing

/// Damaged input never crashes the reader: it gives a value or an ``ICalendarError``.
@Suite struct MutationTests {
    /// Bytes that tend to matter to the reader: separators, quotes, folds, line ends, UTF-8 lead and
    /// continuation bytes, and invalid ones.
    static let interesting: [UInt8] = [
        0x3A, 0x3B, 0x2C, 0x3D, 0x22, 0x5C, 0x20, 0x09, 0x0D, 0x0A, 0x00, 0x80, 0xBF, 0xC0, 0xE6, 0xF0, 0xFF, 0x5A,
        0x30, 0x2D,
    ]

    static let fragments: [[UInt8]] = [
        Array("BEGIN:VEVENT\r\n".utf8), Array("END:VEVENT\r\n".utf8), Array("END:VCALENDAR\r\n".utf8),
        Array("\r\n ".utf8), Array(";X=\"".utf8), Array("DTSTART;VALUE=DATE:2026".utf8), Array("RRULE:FREQ=".utf8),
        Array("SEQUENCE:-1\r\n".utf8), Array("BEGIN:VALARM\r\n".utf8), Array("\\".utf8),
    ]

    static func mutate(_ input: [UInt8], using random: inout SeededGenerator) -> [UInt8] {
        var bytes = input
        for _ in 0..<Int.random(in: 1...4, using: &random) {
            let position = bytes.isEmpty ? 0 : Int.random(in: 0..<bytes.count, using: &random)
            switch Int.random(in: 0..<7, using: &random) {
            case 0 where !bytes.isEmpty: bytes[position] = UInt8.random(in: 0...255, using: &random)
            case 1 where !bytes.isEmpty:
                bytes[position] = interesting[Int.random(in: 0..<interesting.count, using: &random)]
            case 2 where !bytes.isEmpty:
                let length = min(bytes.count - position, Int.random(in: 1...40, using: &random))
                bytes.removeSubrange(position..<(position + length))
            case 3: bytes.insert(interesting[Int.random(in: 0..<interesting.count, using: &random)], at: position)
            case 4:
                bytes.insert(contentsOf: fragments[Int.random(in: 0..<fragments.count, using: &random)], at: position)
            case 5 where !bytes.isEmpty:
                let length = min(bytes.count - position, Int.random(in: 1...200, using: &random))
                let target = Int.random(in: 0...bytes.count, using: &random)
                bytes.insert(contentsOf: Array(bytes[position..<(position + length)]), at: target)
            default: bytes = Array(bytes.prefix(position))
            }
        }
        return bytes
    }

    @Test(arguments: [
        ("golden/team-calendar.ics", 3_000), ("holidays/google-us-holidays.ics", 1_000),
        ("holidays/apple-uk-holidays.ics", 1_000),
    ])
    func mutatedCalendarsNeverCrashTheReader(_ path: String, _ mutations: Int) throws {
        let original = try ICSFixtures.bytes(path)
        var random = SeededGenerator(seed: 0xF022)
        var outcomes = (documents: 0, errors: 0)
        for _ in 0..<mutations {
            let bytes = Self.mutate(original, using: &random)
            do {
                let document = try ICalendarReader.read(bytes)
                outcomes.documents += 1
                // Whatever was read can be written, and what was written reads back the same.
                let written = ICalendarWriter.write(document)
                #expect(ICalendarWriter.write(try ICalendarReader.read(written)) == written)
                for event in document.events {
                    _ = try? event.occurrences(through: .date(year: 2030, month: 12, day: 31))
                }
            } catch {
                outcomes.errors += 1
                #expect(error.line != nil && !error.description.isEmpty)
            }
            _ = try? ICalendarReader.readComponents(bytes)
        }
        #expect(outcomes.documents > 0 && outcomes.errors > 0)
    }

    @Test func randomBytesNeverCrashTheReader() {
        var random = SeededGenerator(seed: 0xB17E5)
        for _ in 0..<2_000 {
            let count = Int.random(in: 0...300, using: &random)
            let bytes = (0..<count).map { _ in
                Bool.random(using: &random)
                    ? interestingOrLetter(&random) : UInt8.random(in: 0...255, using: &random)
            }
            _ = try? ICalendarReader.readComponents(Array("BEGIN:VCALENDAR\n".utf8) + bytes)
        }
    }

    private func interestingOrLetter(_ random: inout SeededGenerator) -> UInt8 {
        Bool.random(using: &random)
            ? Self.interesting[Int.random(in: 0..<Self.interesting.count, using: &random)]
            : UInt8.random(in: 0x41...0x5A, using: &random)
    }

    @Test func mutatedRecurrenceRulesNeverCrash() {
        var random = SeededGenerator(seed: 0xCAFE)
        let seeds = [
            "FREQ=YEARLY;BYMONTH=11;BYDAY=4TH", "FREQ=MONTHLY;BYMONTHDAY=-1;COUNT=5", "FREQ=WEEKLY;INTERVAL=2",
        ]
        let alphabet = Array("FREQ=YEARLYMONTHDAILYWEEKLY;,BYDAYMONTHDAY-+0123456789COUNTUNTILINTERVALWKSTSUMOTH")
        for _ in 0..<5_000 {
            var text = Array(seeds[Int.random(in: 0..<seeds.count, using: &random)])
            for _ in 0..<Int.random(in: 1...3, using: &random) {
                let position = Int.random(in: 0...text.count, using: &random)
                text.insert(alphabet[Int.random(in: 0..<alphabet.count, using: &random)], at: position)
            }
            guard let rule = try? RecurrenceRule(parsing: String(text)) else { continue }
            _ = try? rule.occurrences(
                of: .date(year: 2026, month: 1, day: 31),
                exdates: [],
                through: .date(year: 2028, month: 12, day: 31)
            )
        }
    }
}
