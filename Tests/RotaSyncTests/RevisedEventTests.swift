import ICalendar
import RotaModel
import Testing

@testable import RotaSync

/// An event is written once with its revision, and its content hash is taken from those bytes; the hash must stay
/// the FNV-1a of the event written without DTSTAMP and SEQUENCE, the value existing state files hold.
@Suite struct RevisedEventTests {
    /// FNV-1a 64 as 16 hex digits, written out here so the test does not lean on the code it checks.
    static func fnv1a(_ bytes: [UInt8]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        let digits = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    static func body(uid: String) -> Component {
        Component(
            name: "VEVENT",
            properties: [
                Property(name: "UID", value: uid),
                Property(name: "DTSTART", value: "20261207T100000"),
                Property(name: "SUMMARY", value: "On call\nDTSTAMP:20261201T000000Z\nSEQUENCE:0"),
                Property(name: "X-ROTA-KIND", value: "shift"),
            ],
            components: [
                Component(name: "VALARM", properties: [Property(name: "ACTION", value: "DISPLAY")])
            ]
        )
    }

    static let day = LocalDate(daysSinceEpoch: 20_423)
    static let later = LocalDate(daysSinceEpoch: 20_500)

    @Test(arguments: [
        "shift-20261207@example.com",
        // A UID long enough to fold: the stamp lines follow its continuation lines.
        String(repeating: "long-uid-", count: 20) + "@example.com",
    ])
    func theHashIsTheHashOfTheEventWithoutItsRevision(uid: String) {
        let body = Self.body(uid: uid)
        let revised = RevisedEvent(body, guess: (3, Self.day)) { _ in (3, Self.day) }
        #expect(revised.contentHash == Self.fnv1a(ICalendarWriter.write(body)))
        #expect(revised.bytes == ICalendarWriter.write(EventComponent.stamped(body, sequence: 3, changed: Self.day)))
    }

    @Test func aWrongGuessIsWrittenAgainWithTheRevisionTheHashCalledFor() {
        let body = Self.body(uid: "shift-20261207@example.com")
        var hashes: [String] = []
        let revised = RevisedEvent(body, guess: (3, Self.day)) { hash in
            hashes.append(hash)
            return (4, Self.later)
        }
        #expect(hashes == [Self.fnv1a(ICalendarWriter.write(body))])
        #expect((revised.sequence, revised.changed) == (4, Self.later))
        #expect(revised.bytes == ICalendarWriter.write(EventComponent.stamped(body, sequence: 4, changed: Self.later)))
        #expect(revised.contentHash == Self.fnv1a(ICalendarWriter.write(body)))
    }
}
