import ICalendar
import Testing

@Suite struct HolidayCalendarTests {
    private func days(_ values: [DateTimeValue]) -> [String] {
        values.map(\.valueText)
    }

    @Test func readsAGoogleStyleHolidayCalendar() throws {
        let document = try ICalendarReader.read(try ICSFixtures.bytes("holidays/google-us-holidays.ics"))
        #expect(document.prodID == "-//Google Inc//Google Calendar 70.9054//EN")
        #expect(document.method == "PUBLISH")
        #expect(document.properties.first { $0.name == "X-WR-CALNAME" }?.value == "Holidays in United States")
        #expect(document.events.count == 14)
        for event in document.events {
            guard case .date = event.start, case .date = event.end else {
                Issue.record("\(event.summary) is not all-day")
                continue
            }
            #expect(event.transparency == .transparent && event.status == .confirmed)
            #expect(event.extra.map(\.name) == ["CLASS", "CREATED", "LAST-MODIFIED"])
            #expect(try event.occurrences(through: .date(year: 2030, month: 1, day: 1)) == [event.start])
        }
        let dst = try #require(document.events.first { $0.summary == "Daylight Saving Time starts" })
        #expect(
            dst.description
                == "Observance\nTo hide observances, go to Google Calendar Settings > Holidays in United States"
                + " (local time moves forward one hour at 2:00 a.m.)"
        )
        let columbus = try #require(document.events.first { $0.summary == "Columbus Day" })
        #expect(columbus.description.contains("Indigenous Peoples' Day in some places; check your state's"))
    }

    @Test func readsAnAppleStyleHolidayCalendarAndExpandsItsRules() throws {
        let document = try ICalendarReader.read(try ICSFixtures.bytes("holidays/apple-uk-holidays.ics"))
        #expect(document.properties.map(\.name) == ["X-WR-CALNAME", "X-APPLE-CALENDAR-COLOR", "X-WR-TIMEZONE"])
        func event(_ summary: String) throws -> Event {
            try #require(document.events.first { $0.summary == summary })
        }
        let through = DateTimeValue.date(year: 2026, month: 12, day: 31)

        let spring = try event("Spring Bank Holiday").occurrences(through: through)
        #expect(spring.count == 15)  // 2010-2026 less the Diamond and Platinum Jubilee years
        #expect(!days(spring).contains("20120528") && !days(spring).contains("20220530"))
        #expect(days(spring).suffix(3) == ["20240527", "20250526", "20260525"])

        let earlyMay = try event("Early May Bank Holiday").occurrences(through: through)
        #expect(days(earlyMay).prefix(3) == ["20100503", "20110502", "20120507"])
        #expect(!days(earlyMay).contains("20200504") && earlyMay.count == 16)

        let summer = try event("Summer Bank Holiday").occurrences(through: .date(year: 2040, month: 1, day: 1))
        #expect(summer.count == 21 && days(summer).last == "20300826")

        let newYear = try event("New Year's Day").occurrences(through: .date(year: 2100, month: 1, day: 1))
        #expect(newYear.count == 30 && days(newYear).last == "20390101")

        let boxing = try event("Boxing Day")
        #expect(boxing.description.hasSuffix("is the day after Christmas Day. ☃"))
        #expect(days(try boxing.occurrences(through: through)).suffix(2) == ["20251226", "20261226"])
        #expect(boxing.categories == ["Holidays"])
        #expect(boxing.extra.map(\.name) == ["X-APPLE-UNIVERSAL-ID", "X-APPLE-SPECIAL-DAY"])
    }

    @Test(arguments: ["holidays/google-us-holidays.ics", "holidays/apple-uk-holidays.ics"])
    func holidayCalendarsSurviveAWriteAndRead(_ path: String) throws {
        let document = try ICalendarReader.read(try ICSFixtures.bytes(path))
        var expected = document
        expected.events = document.sortedEvents
        expected.properties = ICalendarWriter.orderedProperties(
            of: Component(name: "VCALENDAR", properties: document.properties)
        )
        let written = ICalendarWriter.write(document)
        #expect(try ICalendarReader.read(written) == expected)
        #expect(ICalendarWriter.write(try ICalendarReader.read(written)) == written)
    }

    @Test func readsTheSameCalendarWithLFLineEnds() throws {
        let crlf = try ICSFixtures.bytes("holidays/apple-uk-holidays.ics")
        var lf: [UInt8] = []
        for (index, byte) in crlf.enumerated()
        where !(byte == 0x0D && crlf.indices.contains(index + 1) && crlf[index + 1] == 0x0A) {
            lf.append(byte)
        }
        #expect(lf.count < crlf.count)
        #expect(try ICalendarReader.read(lf) == ICalendarReader.read(crlf))
    }
}
