import Foundation
import ICalendar
import Testing

@Suite struct TimeZoneComponentTests {
    private func range(_ firstYear: Int, _ lastYear: Int) -> ClosedRange<Date> {
        let start = TimeZoneEvaluator.seconds(.init(year: firstYear, month: 1, day: 1, hour: 0, minute: 0))
        let end = TimeZoneEvaluator.seconds(.init(year: lastYear, month: 12, day: 31, hour: 23, minute: 59))
        return Date(timeIntervalSince1970: TimeInterval(start))...Date(timeIntervalSince1970: TimeInterval(end))
    }

    private func component(_ tzid: String, _ firstYear: Int, _ lastYear: Int) throws -> Component {
        try #require(TimeZoneComponent.component(tzid: tzid, covering: range(firstYear, lastYear)))
    }

    /// Checks the offset every six hours and on both sides of every real change, for every covered year.
    private func expectRightOffsets(_ tzid: String, _ firstYear: Int, _ lastYear: Int) throws {
        let zone = try #require(TimeZone(identifier: tzid))
        let vtimezone = try component(tzid, firstYear, lastYear)
        let evaluator = try TimeZoneEvaluator(vtimezone, throughYear: lastYear + 1)
        let covered = range(firstYear, lastYear)
        var instants = Array(
            stride(
                from: Int(covered.lowerBound.timeIntervalSince1970) - 14 * 3600,
                through: Int(covered.upperBound.timeIntervalSince1970) + 14 * 3600,
                by: 6 * 3600
            )
        )
        var cursor = covered.lowerBound
        while let next = zone.nextDaylightSavingTimeTransition(after: cursor), next <= covered.upperBound {
            let instant = Int(next.timeIntervalSince1970.rounded())
            instants += [instant - 1, instant, instant + 1]
            cursor = next
        }
        var mismatches: [String] = []
        for instant in instants {
            let expected = zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(instant)))
            let actual = evaluator.offset(at: instant)
            if actual != expected {
                mismatches.append("\(instant): \(actual.map(String.init) ?? "nil") != \(expected)")
            }
        }
        #expect(
            mismatches.isEmpty,
            "\(tzid): \(mismatches.prefix(5))\n\(String(decoding: ICalendarWriter.write(vtimezone), as: UTF8.self))"
        )
    }

    private func observances(_ component: Component) -> [[String]] {
        component.components.map { observance in
            [observance.name] + observance.properties.filter { $0.name != "DTSTART" }.map { "\($0.name):\($0.value)" }
        }
    }

    @Test func newYorkDerivesTheUSRules() throws {
        let zone = try component("America/New_York", 2026, 2030)
        #expect(zone.property("TZID")?.value == "America/New_York")
        #expect(
            observances(zone) == [
                [
                    "STANDARD", "TZOFFSETFROM:-0400", "TZOFFSETTO:-0500", "RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU",
                    "TZNAME:EST",
                ],
                [
                    "DAYLIGHT", "TZOFFSETFROM:-0500", "TZOFFSETTO:-0400", "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU",
                    "TZNAME:EDT",
                ],
            ]
        )
        #expect(zone.components.map { $0.property("DTSTART")?.value } == ["20251102T020000", "20260308T020000"])
        try expectRightOffsets("America/New_York", 2026, 2030)
    }

    @Test func londonUsesLastSundays() throws {
        let zone = try component("Europe/London", 2026, 2030)
        let rules = zone.components.compactMap { $0.property("RRULE")?.value }
        #expect(rules.sorted() == ["FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU"])
        #expect(zone.components.compactMap { $0.property("TZOFFSETTO")?.value }.sorted() == ["+0000", "+0100"])
        try expectRightOffsets("Europe/London", 2026, 2030)
    }

    @Test func sydneyIsInTheSouthernHemisphere() throws {
        let zone = try component("Australia/Sydney", 2026, 2030)
        let daylight = try #require(zone.components.first { $0.name == "DAYLIGHT" })
        let standard = try #require(zone.components.first { $0.name == "STANDARD" })
        #expect(daylight.property("RRULE")?.value == "FREQ=YEARLY;BYMONTH=10;BYDAY=1SU")
        #expect(daylight.property("TZOFFSETTO")?.value == "+1100")
        #expect(standard.property("RRULE")?.value == "FREQ=YEARLY;BYMONTH=4;BYDAY=1SU")
        #expect(
            standard.property("TZOFFSETFROM")?.value == "+1100" && standard.property("TZOFFSETTO")?.value == "+1000"
        )
        #expect(standard.property("DTSTART")?.value.hasSuffix("T030000") == true)
        try expectRightOffsets("Australia/Sydney", 2026, 2030)
    }

    @Test(arguments: [("Asia/Kolkata", "+0530"), ("UTC", "+0000")])
    func zonesWithoutDaylightSavingGetOneStandardBlock(_ tzid: String, _ offset: String) throws {
        let zone = try component(tzid, 2026, 2030)
        #expect(zone.components.count == 1)
        let standard = try #require(zone.components.first)
        #expect(standard.name == "STANDARD")
        #expect(standard.property("DTSTART")?.value == "19700101T000000")
        #expect(standard.property("TZOFFSETFROM")?.value == offset && standard.property("TZOFFSETTO")?.value == offset)
        #expect(standard.property("RRULE") == nil)
        try expectRightOffsets(tzid, 2026, 2030)
    }

    @Test func newYorkAcrossThe2007RuleChangeIsRightEveryYear() throws {
        let zone = try component("America/New_York", 2005, 2009)
        let text = String(decoding: ICalendarWriter.write(zone), as: UTF8.self)
        #expect(text.contains("UNTIL=") || text.contains("RDATE"))
        #expect(text.contains("RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU\r\n"))
        #expect(text.contains("RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU\r\n"))
        #expect(text.contains("RRULE:FREQ=YEARLY;UNTIL=20061029T060000Z;BYMONTH=10;BYDAY=-1SU\r\n"))
        #expect(text.contains("RRULE:FREQ=YEARLY;UNTIL=20060402T070000Z;BYMONTH=4;BYDAY=1SU\r\n"))
        try expectRightOffsets("America/New_York", 2005, 2009)
        try expectRightOffsets("America/New_York", 2006, 2007)
    }

    @Test(arguments: [
        ("Europe/Moscow", 2009, 2016), ("America/Caracas", 2006, 2018), ("Pacific/Apia", 2009, 2022),
        ("Africa/Casablanca", 2011, 2020), ("America/Sao_Paulo", 2016, 2021), ("Asia/Tehran", 2020, 2024),
        ("America/Santiago", 2014, 2020), ("Europe/Dublin", 2026, 2027), ("Australia/Lord_Howe", 2026, 2028),
    ])
    func irregularZonesAreRightEveryYear(_ tzid: String, _ firstYear: Int, _ lastYear: Int) throws {
        try expectRightOffsets(tzid, firstYear, lastYear)
    }

    @Test func unknownZonesGiveNil() {
        for tzid in ["Mars/Olympus_Mons", "", "\u{0}", "../../etc/passwd", String(repeating: "A/", count: 5_000), "日本"]
        {
            #expect(TimeZoneComponent.component(tzid: tzid, covering: range(2026, 2026)) == nil)
        }
    }

    @Test func documentsGetAZoneForEveryTZIDTheyUse() throws {
        let stamp = DateTimeValue.utc(.init(year: 2026, month: 1, day: 1, hour: 0, minute: 0))
        func at(_ tzid: String, _ year: Int) -> DateTimeValue {
            .zoned(tzid: tzid, .init(year: year, month: 6, day: 1, hour: 9, minute: 0))
        }
        var document = CalendarDocument(
            prodID: "-//t//EN",
            events: [
                Event(uid: "a", dtstamp: stamp, start: at("Europe/London", 2026), end: at("Europe/London", 2028)),
                Event(
                    uid: "b",
                    dtstamp: stamp,
                    start: at("America/New_York", 2027),
                    exdates: [at("America/New_York", 2029)]
                ),
                Event(uid: "c", dtstamp: stamp, start: at("Nowhere/Special", 2027)),
                Event(uid: "d", dtstamp: stamp, start: .date(year: 2026, month: 1, day: 1)),
            ]
        )
        let unknown = document.addTimeZones()
        #expect(unknown == ["Nowhere/Special"])
        #expect(document.timeZones.map { $0.property("TZID")?.value } == ["America/New_York", "Europe/London"])
        #expect(document.addTimeZones() == ["Nowhere/Special"])
        #expect(document.timeZones.count == 2)
        let london = try TimeZoneEvaluator(try #require(document.timeZones.last), throughYear: 2029)
        #expect(
            london.offset(at: TimeZoneEvaluator.seconds(.init(year: 2028, month: 7, day: 1, hour: 0, minute: 0)))
                == 3600
        )
    }

    @Test func extremeDatesDoNotCrash() {
        var document = CalendarDocument(
            prodID: "p",
            events: [
                Event(
                    uid: "x",
                    dtstamp: .date(year: 2026, month: 1, day: 1),
                    start: .zoned(tzid: "UTC", .init(year: Int.max, month: Int.min, day: Int.max, hour: 0, minute: 0))
                )
            ]
        )
        #expect(document.addTimeZones().isEmpty)
        #expect(TimeZoneComponent.component(tzid: "UTC", covering: Date.distantPast...Date.distantFuture) != nil)
    }
}

/// VTIMEZONEs are kept per process once made; what is kept must be what was asked for.
@Suite struct TimeZoneComponentYearsTests {
    @Test func eachZoneAndSpanOfYearsGetsItsOwnComponent() throws {
        let york = try #require(TimeZone(identifier: "America/New_York"))
        let london = try #require(TimeZone(identifier: "Europe/London"))
        let first = TimeZoneComponent.component(tzid: "America/New_York", zone: york, years: 2026...2028)
        let again = TimeZoneComponent.component(tzid: "America/New_York", zone: york, years: 2026...2028)
        let longer = TimeZoneComponent.component(tzid: "America/New_York", zone: york, years: 2005...2028)
        let otherName = TimeZoneComponent.component(tzid: "Eastern", zone: york, years: 2026...2028)
        let otherZone = TimeZoneComponent.component(tzid: "America/New_York", zone: london, years: 2026...2028)
        #expect(first == again)
        #expect(first != longer)
        #expect(otherName?.property("TZID")?.value == "Eastern")
        #expect(otherZone?.components.first?.property("TZOFFSETTO")?.value == "+0000")
        // The years of the instants `covering` spans, at the UTC year boundaries.
        let newYear = Date(timeIntervalSince1970: 1_798_761_600)  // 2027-01-01T00:00:00Z
        #expect(TimeZoneComponent.year(of: newYear) == 2027)
        #expect(TimeZoneComponent.year(of: newYear.addingTimeInterval(-1)) == 2026)
        #expect(
            TimeZoneComponent.component(tzid: "America/New_York", covering: newYear.addingTimeInterval(-1)...newYear)
                == TimeZoneComponent.component(tzid: "America/New_York", zone: york, years: 2026...2027)
        )
    }
}
