import Foundation
import ICalendar
import RotaModel
import RotaTestSupport
import Testing

@testable import RotaSync

/// Events written from their fields are the components written.
///
/// rota's own events are written straight from their fields (`EventBytes`); the `Component` path stays the
/// definition. Over many generated events the two must give the same bytes, the same content hash (the value
/// state files hold) and the same VEVENT without alarms, or feeds and state files would change.
@Suite struct EventBytesTests {
    /// Text pieces: every character TEXT escapes, CR and LF in all combinations, multi-byte UTF-8 (a fold
    /// may fall inside them), quotes and commas for parameter values.
    static let pieces = [
        "a", "Z", "7", " ", ",", ";", "\\", ":", "\n", "\r", "\r\n", "\"", "\t", "😀", "👩‍👩‍👧", "日本語", "e\u{301}",
        "ß", "\\n", "On call", "https://example.com/a?b=c;d", String(repeating: "x", count: 70),
    ]

    struct Events {
        var random: SeededGenerator

        mutating func text() -> String {
            let count = Int.random(in: 0...(Bool.random(using: &random) ? 4 : 40), using: &random)
            return (0..<count).map { _ in pieces[Int.random(in: 0..<pieces.count, using: &random)] }.joined()
        }

        mutating func parts() -> DateTimeValue.LocalParts {
            .init(
                year: Int.random(in: 2020...2030, using: &random),
                month: Int.random(in: 1...12, using: &random),
                day: Int.random(in: 1...28, using: &random),
                hour: Int.random(in: 0...23, using: &random),
                minute: Int.random(in: 0...59, using: &random),
                second: Int.random(in: 0...1, using: &random) * 30
            )
        }

        mutating func time() -> DateTimeValue {
            switch Int.random(in: 0..<6, using: &random) {
            case 0:
                let day = parts()
                return .date(year: day.year, month: day.month, day: day.day)
            case 1: return .utc(parts())
            case 2: return .floating(parts())
            case 3: return .zoned(tzid: text(), parts())
            default: return .zoned(tzid: "America/New_York", parts())
            }
        }

        mutating func marker() -> Property {
            let names = ["X-ROTA-KIND", "X-ROTA-ENGINEER", "x-rota-shift", "X-ODD NAME", "X-ROTA-ÉTÉ", "COMMENT"]
            let name = names[Int.random(in: 0..<names.count, using: &random)]
            let parameters =
                Bool.random(using: &random) ? [] : [Parameter(name: "X-P", values: [text(), text()])]
            return Property(name: name, parameters: parameters, value: text())
        }

        mutating func event() -> FeedEvent {
            FeedEvent(
                uid: Bool.random(using: &random) ? "shift-20270201@rota.localhost" : text(),
                kind: .shift,
                start: time(),
                end: time(),
                summary: text(),
                description: text(),
                categories: (0..<Int.random(in: 0...3, using: &random)).map { _ in text() },
                status: Bool.random(using: &random) ? .confirmed : .tentative,
                alarmMinutesBefore: Bool.random(using: &random) ? nil : Int.random(in: 1...3000, using: &random),
                feeds: ["team"],
                markers: (0..<Int.random(in: 0...3, using: &random)).map { _ in marker() }
            )
        }
    }

    static let day = LocalDate(daysSinceEpoch: 20_423)

    @Test func eventsWrittenFromTheirFieldsAreTheComponentsWritten() {
        var events = Events(random: SeededGenerator(seed: 17))
        for index in 0..<3000 {
            let event = events.event()
            let team = events.text()
            let sequence = index % 3 == 0 ? index : index % 3
            #expect(EventBytes.canWrite(event))
            let written = EventBytes(event, team: team, sequence: sequence, changed: Self.day)
            let body = EventComponent.component(for: event, team: team)
            let stamped = EventComponent.stamped(body, sequence: sequence, changed: Self.day)
            #expect(written.bytes == ICalendarWriter.write(stamped), "event \(index)")
            #expect(written.contentHash == RevisedEventTests.fnv1a(ICalendarWriter.write(body)), "event \(index)")
            #expect(
                written.withoutAlarms == ICalendarWriter.write(EventComponent.withoutAlarms(stamped)),
                "event \(index)"
            )
        }
    }

    @Test(arguments: [(3, 3), (3, 4)])
    func aRevisedEventIsTheSameWhicheverPathWritesIt(guessed: Int, chosen: Int) {
        var events = Events(random: SeededGenerator(seed: UInt64(chosen)))
        for _ in 0..<200 {
            let event = events.event()
            var fastHashes: [String] = []
            var generalHashes: [String] = []
            let fast = RevisedEvent(event, team: "Team", guess: (guessed, Self.day)) { hash in
                fastHashes.append(hash)
                return (chosen, Self.day.adding(days: chosen - guessed))
            }
            let general = RevisedEvent(
                EventComponent.component(for: event, team: "Team"),
                guess: (guessed, Self.day)
            ) { hash in
                generalHashes.append(hash)
                return (chosen, Self.day.adding(days: chosen - guessed))
            }
            #expect(fastHashes == generalHashes)
            #expect(fast.bytes == general.bytes)
            #expect(fast.bytesWithoutAlarms == general.bytesWithoutAlarms)
            #expect((fast.sequence, fast.changed) == (general.sequence, general.changed))
        }
    }

    /// A marker the writer would move up (it has a place in the fixed VEVENT order) sends the event down
    /// the general path, which orders it.
    @Test func aMarkerWithAFixedPlaceTakesTheGeneralPath() {
        var events = Events(random: SeededGenerator(seed: 5))
        let plain = events.event()
        let event = FeedEvent(
            uid: plain.uid,
            kind: plain.kind,
            start: plain.start,
            end: plain.end,
            summary: "S",
            description: "D",
            categories: [],
            status: .confirmed,
            alarmMinutesBefore: 15,
            feeds: ["team"],
            markers: [Property(name: "X-ROTA-KIND", value: "shift"), Property(name: "URL", value: "https://a.b/")]
        )
        #expect(!EventBytes.canWrite(event))
        let revised = RevisedEvent(event, team: "Team", guess: (0, Self.day)) { _ in (0, Self.day) }
        let body = EventComponent.component(for: event, team: "Team")
        #expect(revised.bytes == ICalendarWriter.write(EventComponent.stamped(body, sequence: 0, changed: Self.day)))
        #expect(String(decoding: revised.bytes, as: UTF8.self).contains("TRANSP:TRANSPARENT\r\nURL:https://a.b/\r\n"))
    }
}
