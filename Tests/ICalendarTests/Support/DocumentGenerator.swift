import Foundation
import ICalendar
import RotaTestSupport

/// Random calendars in the writer's canonical form, from a seeded generator, for round-trip laws.
///
/// Canonical means what `read(write(x)) == x` needs: events already sorted, calendar properties in
/// the writer's order, no CR in TEXT, no line break in other values, no DQUOTE or control characters
/// in parameter values, names of letters, digits and `-`, no empty CATEGORIES items.
struct DocumentGenerator {
    var random: SeededGenerator

    init(seed: UInt64) {
        random = SeededGenerator(seed: seed)
    }

    /// Pieces text is made of: ASCII, every character TEXT escapes, emoji (a ZWJ family too), CJK,
    /// combining marks, tabs and quotes.
    static let pieces = [
        "a", "Z", "7", " ", ",", ";", "\\", ":", "\n", "\"", "'", "=", "\t", "😀", "👩‍👩‍👧", "日本語", "e\u{301}",
        "Ω", "ß", "\\n", "rota", " hand-off ", "https://example.com/a?b=c;d",
    ]

    mutating func text(maxPieces: Int = 12, allowNewlines: Bool = true) -> String {
        let long = Int.random(in: 0..<8, using: &random) == 0
        let count = Int.random(in: 0...(long ? 60 : maxPieces), using: &random)
        var result = ""
        for _ in 0..<count {
            var piece = Self.pieces[Int.random(in: 0..<Self.pieces.count, using: &random)]
            if !allowNewlines, piece == "\n" { piece = " " }
            result += piece
        }
        return result
    }

    mutating func nonEmptyText() -> String {
        let value = text()
        return value.isEmpty ? "x" : value
    }

    mutating func name(prefix: String = "X-") -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-")
        let length = Int.random(in: 1...12, using: &random)
        return prefix + String((0..<length).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &random)] })
    }

    mutating func parameterValue() -> String {
        text(maxPieces: 4, allowNewlines: false).replacingOccurrences(of: "\"", with: "").replacingOccurrences(
            of: "\t",
            with: ""
        )
    }

    mutating func parameters() -> [Parameter] {
        (0..<Int.random(in: 0...2, using: &random)).map { _ in
            Parameter(name: name(), values: (0..<Int.random(in: 1...3, using: &random)).map { _ in parameterValue() })
        }
    }

    /// An X- property: TEXT by default, or raw with `VALUE=URI`.
    mutating func extraProperty() -> Property {
        if Bool.random(using: &random) {
            return Property(name: name(), parameters: parameters(), value: text())
        }
        return Property(
            name: name(),
            parameters: [Parameter(name: "VALUE", value: "URI")],
            value: text(allowNewlines: false)
        )
    }

    mutating func dateTime() -> DateTimeValue {
        let year = Int.random(in: 1990...2040, using: &random)
        let month = Int.random(in: 1...12, using: &random)
        let day = Int.random(in: 1...28, using: &random)
        let parts = DateTimeValue.LocalParts(
            year: year,
            month: month,
            day: day,
            hour: Int.random(in: 0...23, using: &random),
            minute: Int.random(in: 0...59, using: &random),
            second: Int.random(in: 0...59, using: &random)
        )
        switch Int.random(in: 0..<4, using: &random) {
        case 0: return .date(year: year, month: month, day: day)
        case 1: return .floating(parts)
        case 2: return .utc(parts)
        default:
            let zones = ["America/New_York", "Europe/London", "Asia/Kolkata", "Australia/Sydney"]
            return .zoned(tzid: zones[Int.random(in: 0..<zones.count, using: &random)], parts)
        }
    }

    mutating func duration() -> DurationValue {
        let negative = Bool.random(using: &random)
        if Int.random(in: 0..<4, using: &random) == 0 {
            return DurationValue(weeks: Int.random(in: 0...4, using: &random), isNegative: negative)
        }
        return DurationValue(
            days: Int.random(in: 0...3, using: &random),
            hours: Int.random(in: 0...23, using: &random),
            minutes: Int.random(in: 0...59, using: &random),
            seconds: Int.random(in: 0...2, using: &random) == 0 ? 30 : 0,
            isNegative: negative
        )
    }

    mutating func maybe<T>(_ make: (inout DocumentGenerator) -> T) -> T? {
        Bool.random(using: &random) ? make(&self) : nil
    }

    mutating func event() -> Event {
        let statuses: [Event.Status?] = [nil, .tentative, .confirmed, .cancelled]
        let rules = ["FREQ=YEARLY;BYMONTH=11;BYDAY=4TH", "FREQ=WEEKLY;INTERVAL=2;COUNT=10", "FREQ=DAILY"]
        var alarms: [Alarm] = []
        for _ in 0..<Int.random(in: 0...2, using: &random) {
            alarms.append(
                Alarm(trigger: duration(), description: text(), extra: maybe { [$0.extraProperty()] } ?? [])
            )
        }
        let others: [Component] =
            Bool.random(using: &random)
            ? [
                Component(
                    name: "VALARM",
                    properties: [Property(name: "ACTION", value: "AUDIO"), Property(name: "TRIGGER", value: "-PT5M")]
                ),
                Component(name: name(), properties: [extraProperty()]),
            ] : []
        return Event(
            uid: text(allowNewlines: false) + "@example.com",
            dtstamp: .utc(.init(year: 2026, month: 1, day: 2, hour: 3, minute: 4, second: 5)),
            start: dateTime(),
            end: maybe { $0.dateTime() },
            summary: text(),
            description: text(maxPieces: 40),
            location: maybe { $0.text() },
            categories: (0..<Int.random(in: 0...3, using: &random)).map { _ in nonEmptyText() },
            transparency: Bool.random(using: &random) ? .opaque : .transparent,
            status: statuses[Int.random(in: 0..<statuses.count, using: &random)],
            sequence: Int.random(in: 0...1000, using: &random),
            url: maybe { "https://example.com/" + $0.text(maxPieces: 3, allowNewlines: false) },
            rrule: maybe { rules[Int.random(in: 0..<rules.count, using: &$0.random)] },
            exdates: (0..<Int.random(in: 0...2, using: &random)).map { _ in dateTime() },
            alarms: alarms,
            extra: (0..<Int.random(in: 0...3, using: &random)).map { _ in extraProperty() },
            otherComponents: others
        )
    }

    mutating func document() -> CalendarDocument {
        var properties = [
            Property(name: "X-WR-CALNAME", value: text()),
            Property(name: "NAME", value: text()),
            Property(
                name: "REFRESH-INTERVAL",
                parameters: [Parameter(name: "VALUE", value: "DURATION")],
                value: "PT1H"
            ),
        ]
        properties += (0..<Int.random(in: 0...3, using: &random)).map { _ in extraProperty() }
        let ordered = ICalendarWriter.orderedProperties(of: Component(name: "VCALENDAR", properties: properties))
        let start = Date(timeIntervalSince1970: 1_767_225_600)  // 2026-01-01
        var timeZones: [Component] = []
        if Bool.random(using: &random),
            let zone = TimeZoneComponent.component(
                tzid: "Europe/London",
                covering: start...start.addingTimeInterval(4e7)
            )
        {
            timeZones.append(zone)
        }
        var document = CalendarDocument(
            prodID: "-//Example//Generator " + text(maxPieces: 3, allowNewlines: false) + "//EN",
            calscale: maybe { _ in "GREGORIAN" },
            method: maybe { _ in "PUBLISH" },
            properties: ordered,
            timeZones: timeZones,
            events: (0..<Int.random(in: 0...6, using: &random)).map { _ in event() },
            otherComponents: maybe { [Component(name: "VTODO", properties: [$0.extraProperty()])] } ?? []
        )
        document.events = document.sortedEvents
        return document
    }
}
