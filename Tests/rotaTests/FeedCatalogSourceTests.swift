import FeedServer
import Foundation
import ICalendar
import Logging
import RotaModel
import RotaSync
import Synchronization
import Testing

@testable import rota

/// `rota serve` without `--as-of` follows the calendar: the feeds and the page move on when the day
/// does, with no restart and no file touched, and stay byte for byte the same within a day.
@Suite struct FeedCatalogSourceTests {
    /// A clock the test sets by hand.
    final class ManualClock: Sendable {
        private let state: Mutex<(today: LocalDate, now: Date)>

        init(today: LocalDate, now: Date) {
            state = Mutex((today, now))
        }

        func set(today: LocalDate, now: Date) {
            state.withLock { $0 = (today, now) }
        }

        var clock: FeedCatalogSource.Clock {
            FeedCatalogSource.Clock(
                today: { _ in self.state.withLock { $0.today } },
                now: { self.state.withLock { $0.now } }
            )
        }
    }

    static func day(_ iso: String) throws -> LocalDate { try #require(LocalDate(iso: iso)) }

    @Test func theFeedsMoveOnWhenTheDayChanges() async throws {
        let folder = try RotaBinary.temporaryFolder("catalog-clock")
        defer { try? FileManager.default.removeItem(at: folder) }
        let config = folder.appendingPathComponent("team.yaml")
        try RotaBinary.bundledConfigText().write(to: config, atomically: true, encoding: .utf8)
        let firstMorning = Date(timeIntervalSince1970: 1_795_842_000)  // 2026-11-28T05:00:00Z
        let manual = ManualClock(today: try Self.day("2026-11-28"), now: firstMorning)
        let source = try await FeedCatalogSource(
            inputs: .init(
                configPath: config.path,
                ledgerPath: folder.appendingPathComponent("ledger.yaml").path,
                secretsPath: nil,
                fixedAsOf: nil
            ),
            state: .empty,
            authority: "127.0.0.1:8080",
            log: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }),
            clock: manual.clock
        )
        let first = await source.current()
        let team = try #require(first.feeds[FeedNames.team])
        #expect(String(decoding: first.index.bytes, as: UTF8.self).contains("2026-11-28"))
        #expect(team.lastModified == firstMorning)

        // Later the same day: nothing to rebuild, so the same bytes and the same Last-Modified.
        manual.set(today: try Self.day("2026-11-28"), now: firstMorning.addingTimeInterval(6 * 3600))
        let sameDay = await source.current()
        #expect(sameDay == first)

        // A week on: the window has moved, so the team feed and the page change, published now.
        let weekLater = firstMorning.addingTimeInterval(7 * 86400)
        manual.set(today: try Self.day("2026-12-05"), now: weekLater)
        let moved = await source.current()
        let movedTeam = try #require(moved.feeds[FeedNames.team])
        #expect(movedTeam.etag != team.etag)
        #expect(movedTeam.lastModified == weekLater)
        let page = String(decoding: moved.index.bytes, as: UTF8.self)
        #expect(page.contains("2026-12-05"))
        #expect(!page.contains("As of Saturday 2026-11-28"))
    }
}
