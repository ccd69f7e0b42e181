import Foundation
import ICalendar
import RotaModel
import Testing

@testable import RotaSync

/// The feed state keeps days as `YYYY-MM-DD` text; a day that is not one is an error naming the event and the
/// property, never a guess (rota once read it as 1970-01-01 and stamped events with that date).
@Suite struct FeedStateCodingTests {
    static func json(changed: String, lastDay: String) -> Data {
        Data(
            """
            {"events":{"shift-20261130@example.com":{"cancelled":false,"changed":"\(changed)","contentHash":"00",\
            "feeds":["team"],"lastDay":"\(lastDay)","lastPublished":"","sequence":2}}}
            """.utf8
        )
    }

    @Test func aStateWithRealDaysReadsAndWritesTheSameText() throws {
        let text = Self.json(changed: "2026-11-28", lastDay: "2026-12-07")
        let state = try JSONDecoder().decode(FeedState.self, from: text)
        let entry = try #require(state.events["shift-20261130@example.com"])
        #expect(entry.changed == LocalDate(year: 2026, month: 11, day: 28))
        #expect(entry.lastDay == LocalDate(year: 2026, month: 12, day: 7))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        #expect(String(decoding: try encoder.encode(state), as: UTF8.self) == String(decoding: text, as: UTF8.self))
    }

    @Test(arguments: [
        ("changed", "2026-02-30", "2026-12-07"),
        ("changed", "", "2026-12-07"),
        ("lastDay", "2026-11-28", "7 Dec 2026"),
        ("lastDay", "2026-11-28", "20261207"),
    ])
    func aCorruptDayIsAnErrorNamingTheEventAndTheProperty(property: String, changed: String, lastDay: String) {
        let bad = property == "changed" ? changed : lastDay
        #expect(
            throws: FeedState.CorruptDate(uid: "shift-20261130@example.com", property: property, text: bad)
        ) {
            try JSONDecoder().decode(FeedState.self, from: Self.json(changed: changed, lastDay: lastDay))
        }
    }

    @Test func theMessageSaysWhatIsWrongWhereTheCLIPrintsIt() throws {
        do {
            _ = try JSONDecoder().decode(FeedState.self, from: Self.json(changed: "1970-13-01", lastDay: "2026-12-07"))
            Issue.record("a corrupt day was read")
        } catch {
            // The CLI prints `PATH: error: cannot read the feed state: ` + this.
            #expect(
                error.localizedDescription
                    == "event shift-20261130@example.com: changed is \"1970-13-01\", not a day (YYYY-MM-DD)"
            )
        }
    }
}
