import ICalendar
import Testing

@Suite struct TypedValueTests {
    static let stamp = DateTimeValue.utc(.init(year: 2026, month: 1, day: 2, hour: 3, minute: 4, second: 5))

    @Test func dateTimeValuesFormatAndCarryTheirParameters() {
        let parts = DateTimeValue.LocalParts(year: 2026, month: 12, day: 25, hour: 9, minute: 5)
        #expect(
            DateTimeValue.date(year: 2026, month: 12, day: 25).property(named: "DTSTART")
                == Property(
                    name: "DTSTART",
                    parameters: [Parameter(name: "VALUE", value: "DATE")],
                    value: "20261225"
                )
        )
        #expect(DateTimeValue.floating(parts).valueText == "20261225T090500")
        #expect(DateTimeValue.utc(parts).valueText == "20261225T090500Z")
        #expect(
            DateTimeValue.zoned(tzid: "Europe/London", parts).parameters == [
                Parameter(name: "TZID", value: "Europe/London")
            ]
        )
        #expect(DateTimeValue.zoned(tzid: "Europe/London", parts).tzid == "Europe/London")
    }

    @Test(arguments: [
        "2026122", "20261225T", "20260230", "20261225T240000", "20261225T126000", "2026-12-25", "20261225T090000z",
        "x0261225", "20261225T090000+0100", "",
    ])
    func invalidDatesAreRefused(_ text: String) {
        #expect(throws: ICalendarError.self) { try DateTimeValue(valueText: text) }
    }

    @Test func dateParsingFollowsTheValueParameter() throws {
        let date = Property(name: "DTSTART", parameters: [Parameter(name: "VALUE", value: "DATE")], value: "20261225")
        #expect(try DateTimeValue(property: date) == .date(year: 2026, month: 12, day: 25))
        let wrong = Property(
            name: "DTSTART",
            parameters: [Parameter(name: "VALUE", value: "DATE-TIME")],
            value: "20261225"
        )
        #expect(throws: ICalendarError.self) { try DateTimeValue(property: wrong) }
        let utcWithZone = Property(
            name: "DTSTART",
            parameters: [Parameter(name: "TZID", value: "X")],
            value: "20261225T100000Z"
        )
        #expect(
            try DateTimeValue(property: utcWithZone) == .utc(.init(year: 2026, month: 12, day: 25, hour: 10, minute: 0))
        )
        #expect(
            try DateTimeValue(valueText: "20281231T235960")
                == .floating(.init(year: 2028, month: 12, day: 31, hour: 23, minute: 59, second: 60))
        )
    }

    @Test(arguments: [
        ("-P1D", "-P1D"), ("-PT15M", "-PT15M"), ("P2W", "P2W"), ("+P1DT2H3M4S", "P1DT2H3M4S"), ("PT0S", "PT0S"),
        ("P0D", "PT0S"), ("-PT1H30M", "-PT1H30M"),
    ])
    func durationsParseAndPrint(_ text: String, _ canonical: String) throws {
        #expect(try DurationValue(parsing: text).description == canonical)
    }

    @Test(arguments: [
        "", "P", "PT", "P1", "1D", "P1H", "PT1D", "P1W2D", "P1DT", "-P-1D", "P1M", "PT1S2M", "P1D1D", "P9999999999D",
    ])
    func invalidDurationsAreRefused(_ text: String) {
        #expect(throws: ICalendarError.self) { try DurationValue(parsing: text) }
    }

    @Test func alarmsConvertBothWays() throws {
        let alarm = Alarm(
            trigger: DurationValue(minutes: 15, isNegative: true),
            description: "Hand-off, soon",
            extra: [Property(name: "X-WR-ALARMUID", value: "1")]
        )
        #expect(
            alarm.component.properties.map(\.name) == ["ACTION", "TRIGGER", "DESCRIPTION", "X-WR-ALARMUID"]
        )
        #expect(try Alarm(component: alarm.component) == alarm)
        let audio = Component(
            name: "VALARM",
            properties: [Property(name: "ACTION", value: "AUDIO"), Property(name: "TRIGGER", value: "-PT5M")]
        )
        #expect(throws: ICalendarError.self) { try Alarm(component: audio) }
        let absolute = Component(
            name: "VALARM",
            properties: [
                Property(name: "ACTION", value: "DISPLAY"),
                Property(
                    name: "TRIGGER",
                    parameters: [Parameter(name: "VALUE", value: "DATE-TIME")],
                    value: "20260101T000000Z"
                ),
            ]
        )
        #expect(throws: ICalendarError.self) { try Alarm(component: absolute) }
    }

    @Test func eventsKeepWhatTheyDoNotModel() throws {
        let component = Component(
            name: "VEVENT",
            properties: [
                Property(name: "UID", value: "u"),
                Property(name: "DTSTAMP", value: "20260102T030405Z"),
                Property(name: "DTSTART", parameters: [Parameter(name: "VALUE", value: "DATE")], value: "20261225"),
                Property(name: "SUMMARY", value: "first"),
                Property(name: "SUMMARY", value: "second"),
                Property(name: "CATEGORIES", textList: ["a", "b"]),
                Property(name: "CATEGORIES", textList: ["c"]),
                Property(
                    name: "EXDATE",
                    parameters: [Parameter(name: "VALUE", value: "DATE")],
                    value: "20271225,20281225"
                ),
                Property(name: "CLASS", value: "PUBLIC"),
                Property(name: "STATUS", value: "cancelled"),
            ],
            components: [
                Component(name: "VALARM", properties: [Property(name: "ACTION", value: "EMAIL")]),
                Component(
                    name: "VALARM",
                    properties: [Property(name: "ACTION", value: "DISPLAY"), Property(name: "TRIGGER", value: "-P1D")]
                ),
            ]
        )
        let event = try Event(component: component)
        #expect(event.summary == "first")
        #expect(event.extra == [Property(name: "SUMMARY", value: "second"), Property(name: "CLASS", value: "PUBLIC")])
        #expect(event.categories == ["a", "b", "c"])
        #expect(event.exdates == [.date(year: 2027, month: 12, day: 25), .date(year: 2028, month: 12, day: 25)])
        #expect(event.status == .cancelled && event.transparency == .opaque && event.sequence == 0 && event.end == nil)
        #expect(event.alarms == [Alarm(trigger: DurationValue(days: 1, isNegative: true), description: "")])
        #expect(event.otherComponents.map { $0.property("ACTION")?.value } == ["EMAIL"])
    }

    @Test func eventsNeedUIDDTSTAMPAndDTSTART() {
        let start = DateTimeValue.date(year: 2026, month: 1, day: 1).property(named: "DTSTART")
        let base = [Property(name: "UID", value: "u"), Self.stamp.property(named: "DTSTAMP"), start]
        for index in base.indices {
            var properties = base
            properties.remove(at: index)
            #expect(throws: ICalendarError.self) {
                try Event(component: Component(name: "VEVENT", properties: properties))
            }
        }
        for (name, value) in [("SEQUENCE", "-1"), ("SEQUENCE", "two"), ("STATUS", "NEEDS-ACTION"), ("TRANSP", "BUSY")] {
            let properties = base + [Property(name: name, value: value)]
            #expect(throws: ICalendarError.self) {
                try Event(component: Component(name: "VEVENT", properties: properties))
            }
        }
    }

    @Test func emptySummaryAndDescriptionAreNotWritten() {
        let event = Event(uid: "u", dtstamp: Self.stamp, start: .date(year: 2026, month: 1, day: 1))
        #expect(event.component.properties.map(\.name) == ["UID", "DTSTAMP", "SEQUENCE", "DTSTART", "TRANSP"])
    }

    @Test func calendarLevelPropertiesAreTypedOrKept() throws {
        let component = Component(
            name: "VCALENDAR",
            properties: [
                Property(name: "VERSION", value: "2.0"),
                Property(name: "PRODID", value: "p"),
                Property(name: "METHOD", value: "PUBLISH"),
                Property(name: "X-WR-CALNAME", value: "n"),
            ],
            components: [Component(name: "VFREEBUSY"), Component(name: "VTIMEZONE")]
        )
        let document = try CalendarDocument(component: component)
        #expect(document.prodID == "p" && document.method == "PUBLISH" && document.calscale == nil)
        #expect(document.properties == [Property(name: "X-WR-CALNAME", value: "n")])
        #expect(
            document.timeZones == [Component(name: "VTIMEZONE")]
                && document.otherComponents == [Component(name: "VFREEBUSY")]
        )
        #expect(document.component.components.map(\.name) == ["VTIMEZONE", "VFREEBUSY"])
    }

    @Test func valueEncodingFollowsNameAndValueParameter() {
        #expect(Property(name: "summary", value: "").valueEncoding == .text)
        #expect(Property(name: "X-ANY", value: "").valueEncoding == .text)
        #expect(
            Property(name: "X-ANY", parameters: [Parameter(name: "VALUE", value: "URI")], value: "").valueEncoding
                == .raw
        )
        #expect(
            Property(name: "COMMENT", parameters: [Parameter(name: "VALUE", value: "text")], value: "").valueEncoding
                == .text
        )
        #expect(Property(name: "UID", value: "").valueEncoding == .raw)
        #expect(Property(name: "RRULE", value: "").valueEncoding == .raw)
        #expect(Property(name: "RESOURCES", value: "").valueEncoding == .textList)
        #expect(Property(name: "CATEGORIES", value: "").textList.isEmpty)
    }
}
