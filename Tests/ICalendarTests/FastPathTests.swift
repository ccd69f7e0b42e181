import ICalendar
import RotaTestSupport
import Testing

/// The byte-level fast paths of the writer and reader agree with the general code they bypass.
@Suite struct FastPathTests {
    @Test(arguments: [
        ("-P1D", DurationValue(days: 1, isNegative: true)), ("+PT15M", DurationValue(minutes: 15)),
        ("PT15m", DurationValue(minutes: 15)), ("P2W", DurationValue(weeks: 2)), ("PT0S", DurationValue()),
        ("PT123456789H", DurationValue(hours: 123_456_789)), ("-PT5s", DurationValue(seconds: 5, isNegative: true)),
    ])
    func simpleDurationsRead(text: String, expected: DurationValue) throws {
        #expect(try DurationValue(parsing: text) == expected)
    }

    @Test(arguments: ["P1d", "PT1W", "P1H", "PT1234567890S", "P", "PT", "-P", "P1", "PTM", "P 1D"])
    func malformedSimpleDurationsAreRefused(text: String) {
        #expect(throws: ICalendarError.self) { try DurationValue(parsing: text) }
    }

    @Test func textWithLineBreaksAndNonASCIINamesIsWrittenAsBefore() throws {
        let component = Component(
            name: "VEVENT",
            properties: [
                Property(name: "SUMMARY", value: "a\r\nb\rc\nd;e,f\\g"),
                Property(name: "X-ÄB", parameters: [Parameter(name: "X-P", values: ["q\"x:y", "z\u{1}"])], value: "v"),
                Property(name: "URL", value: "http://x/\r\ny"),
            ]
        )
        let text = String(decoding: ICalendarWriter.write(component), as: UTF8.self)
        #expect(
            text
                == "BEGIN:VEVENT\r\nSUMMARY:a\\nb\\nc\\nd\\;e\\,f\\\\g\r\nURL:http://x/\\ny\r\n"
                + "X--B;X-P=\"q'x:y\",z :v\r\nEND:VEVENT\r\n"
        )
    }

    @Test func dateListsAreSplitAtCommas() throws {
        let property = Property(name: "EXDATE", value: "20261225,20261226T100000,20261227T100000Z")
        #expect(
            try DateTimeValue.values(of: property) == [
                .date(year: 2026, month: 12, day: 25),
                .floating(.init(year: 2026, month: 12, day: 26, hour: 10, minute: 0)),
                .utc(.init(year: 2026, month: 12, day: 27, hour: 10, minute: 0)),
            ]
        )
        #expect(try DateTimeValue(property: property) == .date(year: 2026, month: 12, day: 25))
        #expect(throws: ICalendarError.self) {
            try DateTimeValue.values(of: Property(name: "EXDATE", value: "20261225,"))
        }
    }

    @Test func readingAnInvalidEventStillPointsAtIt() {
        let text =
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VEVENT\r\nUID:a\r\nDTSTAMP:20260101T000000Z\r\n"
            + "DTSTART:20260101\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:b\r\nDTSTAMP:20260101T000000Z\r\n"
            + "DTSTART:20260101\r\nSEQUENCE:x\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
        #expect {
            try ICalendarReader.read(Array(text.utf8))
        } throws: { error in
            (error as? ICalendarError)?.line == 13
        }
    }
}

/// The shortcuts of ``CivilDay`` (a step inside the month, digits written straight into a string) agree with the
/// general code beside them.
@Suite struct CivilDayFastPathTests {
    /// `value` in decimal, zero-padded to `width`, as the general path writes it.
    static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    /// Days from year -400 to 10400 (beyond four digits on both sides, where the general path writes them), and
    /// steps of every size from a month back to a month ahead, plus years.
    @Test func randomDaysAndStepsAgreeWithTheDayCount() {
        var generator = SeededGenerator(seed: 17)
        let lowest = -(1970 + 400) * 366
        let highest = (10_400 - 1970) * 366
        var inMonth = 0
        for _ in 0..<200_000 {
            let day = CivilDay(daysSinceEpoch: Int.random(in: lowest...highest, using: &generator))
            let step =
                Bool.random(using: &generator)
                ? Int.random(in: -40...40, using: &generator) : Int.random(in: -5_000...5_000, using: &generator)
            let expected = CivilDay(daysSinceEpoch: day.daysSinceEpoch + step)
            let actual = day.adding(days: step)
            #expect(
                actual.year == expected.year && actual.month == expected.month && actual.day == expected.day,
                "\(day) + \(step) days is \(actual), not \(expected)"
            )
            if actual.month == day.month, actual.year == day.year { inMonth += 1 }
            let (year, month, date) = (Self.padded(day.year, 4), Self.padded(day.month, 2), Self.padded(day.day, 2))
            #expect(day.description == "\(year)-\(month)-\(date)")
            #expect(day.basicFormat == "\(year)\(month)\(date)")
        }
        #expect(inMonth > 30_000)
    }
}

/// Reading `YYYY-MM-DD` from its bytes accepts exactly the texts the reading by parts and characters accepted.
@Suite struct CivilDayISOReadingTests {
    /// The reading before: split at hyphens, four, two and two characters that are ASCII numbers.
    static func reference(_ text: String) -> CivilDay? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return nil }
        return CivilDay(year: year, month: month, day: day)
    }

    /// 100,000 texts: real and impossible dates, some with one character replaced, inserted or removed (other
    /// digits, signs, spaces, combining marks, full-width and Arabic-Indic digits), read whole and as substrings.
    @Test func randomTextsAreReadAsByParts() {
        let others = ["-", "+", " ", "0", "9", "a", "\u{301}", "\u{FF11}", "\u{0661}", "½", "\r\n", "/", "T", "日"]
        var generator = SeededGenerator(seed: 23)
        var dates = 0
        for _ in 0..<100_000 {
            let year = Int.random(in: 0...10_500, using: &generator)
            let month = Int.random(in: 0...13, using: &generator)
            let day = Int.random(in: 0...32, using: &generator)
            var characters = Array("\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)")
            let position = Int.random(in: 0...characters.count, using: &generator)
            let other = Character(others.randomElement(using: &generator) ?? "-")
            switch Int.random(in: 0...3, using: &generator) {
            case 0 where position < characters.count: characters[position] = other
            case 1: characters.insert(other, at: position)
            case 2 where position < characters.count: characters.remove(at: position)
            default: break
            }
            let text = String(characters)
            let expected = Self.reference(text)
            #expect(CivilDay(iso: text) == expected, "\(text.debugDescription)")
            // Inside a longer text (which may hold a combining mark of the text's first character).
            let inner = "[\(text)]".dropFirst().dropLast()
            #expect(CivilDay(iso: inner) == Self.reference(String(inner)), "\(inner.debugDescription)")
            if expected != nil { dates += 1 }
        }
        #expect(dates > 20_000)
    }
}
