import ICalendar
import RotaTestSupport
import Testing

@testable import RotaModel

@Suite struct LocalDateTests {
    @Test func daysSinceEpochRoundTripsOverCenturies() {
        // 1600-01-01 to 2400-12-31, including 1900 (not leap) and 2000 (leap).
        for days in stride(from: -134_774, through: 157_000, by: 1) {
            let date = LocalDate(daysSinceEpoch: days)
            #expect(date.daysSinceEpoch == days)
            if days > -134_774 {
                let previous = LocalDate(daysSinceEpoch: days - 1)
                #expect(previous < date)
            }
        }
    }

    @Test func knownWeekdays() throws {
        let cases: [(String, Weekday)] = [
            ("1970-01-01", .thursday), ("2000-02-29", .tuesday), ("2026-11-28", .saturday), ("2100-12-31", .friday),
        ]
        for (text, weekday) in cases {
            #expect(try #require(LocalDate(iso: text)).weekday == weekday, "\(text)")
        }
    }

    @Test func parsesOnlyRealDays() {
        #expect(LocalDate(iso: "2026-02-29") == nil)
        #expect(LocalDate(iso: "2028-02-29") != nil)
        #expect(LocalDate(iso: "2026-13-01") == nil)
        #expect(LocalDate(iso: "2026-1-01") == nil)
        #expect(LocalDate(iso: "20260101") == nil)
        #expect(LocalDate(iso: "2026-01-0x") == nil)
    }

    @Test func addingMonthsClampsToTheEndOfShortMonths() throws {
        let january31 = try #require(LocalDate(iso: "2026-01-31"))
        #expect(january31.adding(months: 1).description == "2026-02-28")
        #expect(january31.adding(months: 13).description == "2027-02-28")
        #expect(january31.adding(months: -2).description == "2025-11-30")
    }

    @Test func spansParseShortAndLongForms() {
        #expect(CalendarSpan(text: "3m") == CalendarSpan(count: 3, unit: .months))
        #expect(CalendarSpan(text: "3 months") == CalendarSpan(count: 3, unit: .months))
        #expect(CalendarSpan(text: "12w") == CalendarSpan(count: 12, unit: .weeks))
        #expect(CalendarSpan(text: "1 year") == CalendarSpan(count: 1, unit: .years))
        #expect(CalendarSpan(text: "3x") == nil)
        #expect(CalendarSpan(text: "m") == nil)
        #expect(CalendarSpan(text: "-3d") == nil)
    }

    @Test func localTimesAndDateTimes() {
        #expect(LocalTime(text: "10:00")?.description == "10:00")
        #expect(LocalTime(text: "7:05")?.description == "07:05")
        #expect(LocalTime(text: "24:00") == nil)
        #expect(LocalTime(text: "10:60") == nil)
        #expect(LocalDateTime(text: "2026-12-24T10:00")?.description == "2026-12-24T10:00")
        #expect(LocalDateTime(text: "2026-12-24 10:00")?.description == "2026-12-24T10:00")
        #expect(LocalDateTime(text: "2026-12-24") == nil)
    }

    @Test func suggestionsFindTyposButNotUnrelatedWords() {
        let keys = ["primary", "secondary", "consumers", "upstream_sources"]
        #expect(DidYouMean.suggestion(for: "primry", among: keys) == "primary")
        #expect(DidYouMean.suggestion(for: "secnodary", among: keys) == "secondary")
        #expect(DidYouMean.suggestion(for: "owner", among: keys) == nil)
    }

    /// The config decoder's byte parser (`init(configText:)`) accepts and rejects exactly what `init(iso:)` does.
    @Test func configTextParserAgreesWithISOParser() {
        // Real and unreal days, then texts a character away from them: other digits (Arabic-Indic, full-width),
        // combining marks, spaces, signs and separators, shorter and longer.
        let pieces = ["0", "1", "2", "9", "-", "٣", "２", "\u{301}", " ", "+", "T", "/", "a", "é", "\r\n"]
        var generator = SeededGenerator(seed: 17)
        var texts = ["2026-12-24", "2028-02-29", "2026-02-29", "0000-01-01", "0001-01-01", "9999-12-31", "2026-13-01"]
        texts += ["2026-00-10", "2026-04-31", "2026-4-01", "20261224", "2026-12-24 ", "+026-12-24", ""]
        // Digits anywhere in range of the form, so real days, February 29ths and months 13-19 all come up.
        for _ in 0..<5_000 {
            let (year, month, day) = (
                Int.random(in: 0...9999, using: &generator), Int.random(in: 0...19, using: &generator),
                Int.random(in: 0...39, using: &generator)
            )
            texts.append("\(LocalDate.pad(year, 4))-\(LocalDate.pad(month, 2))-\(LocalDate.pad(day, 2))")
        }
        for _ in 0..<20_000 {
            var text = Array(texts[Int.random(in: 0..<7, using: &generator)])
            for _ in 0..<Int.random(in: 1...2, using: &generator) {
                let position = Int.random(in: 0...text.count, using: &generator)
                let piece = Character(pieces.randomElement(using: &generator) ?? "0")
                switch Int.random(in: 0..<3, using: &generator) {
                case 0 where position < text.count: text[position] = piece
                case 1 where position < text.count: text.remove(at: position)
                default: text.insert(piece, at: position)
                }
            }
            texts.append(String(text))
        }
        var accepted = 0
        for text in texts {
            let parsed = LocalDate(configText: text)
            #expect(parsed == LocalDate(iso: text), "\(text.debugDescription)")
            if parsed != nil { accepted += 1 }
        }
        // Both sides of the comparison are exercised: many texts are days, many are not.
        #expect(accepted > 1_000)
        #expect(accepted < texts.count - 1_000)
    }
}
