import Foundation
import Notifications
import RotaTestSupport
import Testing

@Suite struct DueNoticesTests {
    /// The moments of the golden file: the day before a hand-off, the hand-off, the locked Christmas shift kim is
    /// away for, the week everyone is away.
    static let moments = ["2026-12-13T12:00", "2026-12-14T10:00", "2026-12-20T11:00", "2027-01-17T09:00"]

    @Test func messagesMatchTheGoldenFile() throws {
        var text = ""
        for moment in Self.moments {
            text += "== at \(moment)\n"
            for notice in try NoticeWorld.due(at: moment) {
                text += "-- \(notice.kind.rawValue) \(notice.key)\n\(notice.text)\n"
            }
        }
        GoldenFile.check(Array(text.utf8), "fixtures/golden/notifications/due.txt")
    }

    @Test func theListingMatchesTheGoldenFile() throws {
        GoldenFile.check(
            WebhookPayload.listing(try NoticeWorld.due(at: "2026-12-13T12:00")),
            "fixtures/golden/notifications/listing.json"
        )
    }

    @Test func everyKindIsDueSomewhere() throws {
        let kinds = Set(try Self.moments.flatMap { try NoticeWorld.due(at: $0) }.map(\.kind))
        #expect(kinds.isSuperset(of: [.handOff, .reminder, .holidayDecision, .conflict, .uncovered]))
    }

    @Test func theReminderComesOnlyTheDayBeforeAndMentionsTheEngineer() throws {
        let early = try NoticeWorld.due(at: "2026-12-13T09:59")
        let dayBefore = try NoticeWorld.due(at: "2026-12-13T10:00")
        #expect(!early.contains { $0.kind == .reminder })
        let reminder = try #require(dayBefore.first { $0.kind == .reminder })
        #expect(reminder.key == "reminder/2026-12-14T10:00/chen")
        #expect(reminder.text.contains("<@U012AB3CD>"))
    }

    @Test func keysStayTheSameAcrossMomentsOfOneShift() throws {
        let morning = try NoticeWorld.due(at: "2026-12-15T09:00").first { $0.kind == .handOff }
        let evening = try NoticeWorld.due(at: "2026-12-18T22:00").first { $0.kind == .handOff }
        #expect(morning?.key != nil)
        #expect(morning?.key == evening?.key)
    }

    @Test func theBodyIsSlackJSONWithTheText() throws {
        let notice = Notice(kind: .reminder, key: "k", text: "a \"b\" <@U1>")
        let body = WebhookPayload.body(for: notice)
        let decoded = try JSONDecoder().decode([String: String].self, from: Data(body))
        #expect(decoded == ["text": "a \"b\" <@U1>"])
    }

    @Test func configTextIsEscapedForSlack() {
        #expect(ChatText.escaped("R&D <ops>") == "R&amp;D &lt;ops&gt;")
    }
}
