import ICalendar
import RotaModel
import Scheduler
import Testing

@testable import RotaSync

/// Feed events link to the runbooks of investor-facing pipelines when `runbooks.url_base` is set.
@Suite struct RunbookLinkTests {
    static func events(_ config: TeamConfig) -> [FeedEvent] {
        let schedule = Planner.plan(
            config: config,
            ledger: .empty,
            asOf: FeedTests.asOf,
            from: FeedTests.asOf,
            until: FeedTests.asOf.adding(days: 60)
        )
        return FeedPlanner.events(for: schedule, config: config)
    }

    @Test func shiftsAndBackupsLinkInvestorFacingPipelinesOnly() throws {
        let events = Self.events(try FeedTests.config())
        let shift = try #require(events.first { $0.kind == .shift && $0.feeds.contains(FeedNames.team) })
        let links = shift.description.split(separator: "\n").filter { $0.contains("Runbook: ") }
        #expect(
            links == [
                "  Runbook: https://oncall.example.com/runbooks/aggregate-profit.html",
                "  Runbook: https://oncall.example.com/runbooks/aggregate-growth.html",
                "  Runbook: https://oncall.example.com/runbooks/aggregate-engagement.html",
            ]
        )
        // A pipeline feed's shift links its own runbook only, and only when the pipeline reports to investors.
        let pipelineShifts = events.filter { $0.kind == .shift && !$0.feeds.contains(FeedNames.team) }
        #expect(!pipelineShifts.isEmpty)
        for event in pipelineShifts {
            let pipelineID = try #require(event.markers.first { $0.name == "X-ROTA-PIPELINE" }?.value)
            let investorFacing = pipelineID.hasPrefix("aggregate-")
            #expect(
                event.description.contains("\nRunbook: https://oncall.example.com/runbooks/\(pipelineID).html")
                    == investorFacing,
                "\(event.uid)"
            )
        }
        let backups = events.filter { $0.kind == .backup }
        #expect(!backups.isEmpty)
        for backup in backups {
            let investorFacing =
                !backup.uid.hasPrefix("backup-unit-level-profit-")
                && !backup.uid.hasPrefix("backup-daily-growth-")
            #expect(backup.description.contains("\nRunbook: https://oncall.example.com/runbooks/") == investorFacing)
        }
    }

    @Test func noURLBaseNoLinks() throws {
        let config = try FeedTests.config(
            replacing: "runbooks:\n  url_base: https://oncall.example.com/runbooks",
            with: ""
        )
        #expect(config.runbooks.urlBase == nil)
        #expect(Self.events(config).allSatisfy { !$0.description.contains("Runbook:") })
    }
}
