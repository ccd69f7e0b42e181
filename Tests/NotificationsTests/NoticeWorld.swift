import Foundation
import ICalendar
import Notifications
import RotaModel
import RotaTestSupport
import Scheduler

/// The bundled team with chat handles, the golden ledger, kim away over the locked Christmas shift (a conflict) and everyone away
/// the week of 2027-01-18 (an uncovered shift).
enum NoticeWorld {
    static func config() throws -> TeamConfig {
        let text = try NotifyTeam.configText()
        return try ConfigLoader.load(bytes: Array(text.utf8), file: "team.yaml")
    }

    static func ledger(_ config: TeamConfig, asOf: LocalDate) throws -> Ledger {
        let bytes = Array(try Data(contentsOf: RepositoryRoot.appending("fixtures/ledger/golden.yaml")))
        return try LedgerLoader.load(bytes: bytes, file: "golden.yaml", config: config, asOf: asOf)
    }

    struct BadMoment: Error { let text: String }

    /// The notices due at `text` (`YYYY-MM-DDTHH:MM`).
    static func due(at text: String) throws -> [Notice] {
        let config = try config()
        guard let moment = LocalDateTime(text: text) else { throw BadMoment(text: text) }
        let window = DueNotices.planningWindow(for: moment, config: config)
        let schedule = Planner.plan(
            config: config,
            ledger: try ledger(config, asOf: moment.date),
            asOf: moment.date,
            from: window.from,
            until: window.until
        )
        return DueNotices.at(moment, schedule: schedule, config: config)
    }
}
