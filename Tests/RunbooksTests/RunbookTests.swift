import Foundation
import ICalendar
import RotaModel
import RotaTestSupport
import Runbooks
import Scheduler
import Testing

/// What a runbook holds, and that both formats stay safe and self-contained whatever the config says.
@Suite struct RunbookTests {
    static let root = RepositoryRoot.url

    static func bundled() throws -> TeamConfig {
        let bytes = Array(try Data(contentsOf: root.appendingPathComponent("fixtures/team.yaml")))
        return try ConfigLoader.load(bytes: bytes, file: "fixtures/team.yaml")
    }

    static let asOf = LocalDate(year: 2026, month: 11, day: 30) ?? LocalDate(daysSinceEpoch: 0)

    @Test func theBundledTeamGetsOneRunbookPerInvestorFacingPipeline() throws {
        let config = try Self.bundled()
        let runbooks = RunbookSet.runbooks(config: config, ledger: .empty, asOf: Self.asOf, includeAll: false)
        #expect(
            runbooks.map(\.pipeline.id.rawValue) == ["aggregate-profit", "aggregate-growth", "aggregate-engagement"]
        )
        let all = RunbookSet.runbooks(config: config, ledger: .empty, asOf: Self.asOf, includeAll: true)
        #expect(all.count == 5)
        let profit = try #require(runbooks.first)
        #expect(profit.primary.name == "Smith" && profit.secondary?.name == "Jones")
        #expect(profit.onCallNow?.contact.name == "Kim")
        #expect(profit.onCallNow?.start.description == "2026-11-30T10:00")
        #expect(profit.onCallNext?.start == profit.onCallNow?.end)
        #expect(profit.windowEnd.description == "2027-02-28")
        #expect(profit.holidayBackups.map(\.holiday) == ["Christmas Day", "New Year's Day"])
        #expect(profit.holidayBackups.allSatisfy { $0.backup != nil && !$0.recorded })
        let freshness = try #require(profit.pipeline.monitoring.first { $0.id == "freshness" })
        #expect(profit.failureModes(detectedBy: freshness).map(\.id).contains("late-finance-data"))
    }

    /// Output across processes is compared in rotaTests' DeterminismAcrossProcessesTests.
    @Test func documentsComeInFormatOrder() throws {
        let config = try Self.bundled()
        func render() -> [RunbookDocument] {
            let runbooks = RunbookSet.runbooks(config: config, ledger: .empty, asOf: Self.asOf, includeAll: false)
            return RunbookSet.documents(runbooks, team: config.team, asOf: Self.asOf, formats: [.html, .markdown])
        }
        let documents = render()
        #expect(documents.map(\.fileName).first == "index.md")
        #expect(documents.map(\.fileName)[4] == "index.html")
        for document in documents {
            #expect(document.text.hasSuffix("\n") && !document.text.contains("\r"))
        }
    }

    @Test func hostileConfigTextIsEscapedAndPagesLoadNothing() throws {
        let text = """
            team: "<script>alert(1)</script> & Co"
            engineers:
              - { id: ana, name: "Ana <b>", email: ana@example.com }
              - { id: bo, name: Bo, email: bo@example.com }
            pipelines:
              - id: revenue
                name: "Rev | </title><img src=x onerror=alert(1)>"
                business_area: "*Fin* [x](javascript:alert(1))"
                investor_facing: true
                primary: ana
                secondary: bo
                description: "<iframe src='https://evil.example'></iframe>"
                consumers: ["\\"quoted\\" & 'single'"]
                landing_deadline: { time: "07:00" }
                monitoring: [{ id: freshness, threshold: "<style>body{display:none}</style>" }]
                failure_modes:
                  - { id: own, name: "<h1>x</h1>", symptoms: "a|b", detected_by: [freshness], remedies: ["<a href=x>y</a>"] }
              - { id: signups, name: Sign-ups, business_area: Growth, primary: bo, secondary: ana }
            rotation:
              handoff: { time: "10:00" }
              time_zone: Europe/London
              start: 2026-01-05
            """
        let config = try ConfigLoader.load(bytes: Array(text.utf8), file: "t.yaml")
        let runbooks = RunbookSet.runbooks(config: config, ledger: .empty, asOf: Self.asOf, includeAll: false)
        let documents = RunbookSet.documents(runbooks, team: config.team, asOf: Self.asOf, formats: [.html, .markdown])
        for document in documents where document.format == .html {
            for forbidden in ["<script", "<img", "<iframe", "<b>", "<h1>x", "<a href=x", "<link", "@import"] {
                #expect(!document.text.contains(forbidden), "\(document.fileName) contains \(forbidden)")
            }
            #expect(document.text.contains("<style>"))
            #expect(document.text.components(separatedBy: "<style>").count == 2, "only rota's own style sheet")
        }
        let page = try #require(documents.first { $0.fileName == "revenue.html" })
        #expect(page.text.contains("Rev | &lt;/title&gt;&lt;img src=x onerror=alert(1)&gt;"))
        #expect(page.text.contains("&quot;quoted&quot; &amp; &#39;single&#39;"))
        let markdown = try #require(documents.first { $0.fileName == "revenue.md" })
        #expect(markdown.text.contains("# Runbook: Rev \\| \\</title\\>\\<img src=x onerror=alert(1)\\>"))
        #expect(markdown.text.contains("\\*Fin\\* \\[x\\](javascript:alert(1))"))
        #expect(markdown.text.contains("\\<iframe src='https://evil.example'\\>\\</iframe\\>"))
    }
}

extension RunbookTests {
    @Test func aZeroLeadTimeStillShowsTheNextShiftAndNoBackups() throws {
        let text = try String(contentsOf: Self.root.appendingPathComponent("fixtures/team.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "lead_time: 3m", with: "lead_time: 0d")
        let config = try ConfigLoader.load(bytes: Array(text.utf8), file: "team.yaml")
        let runbook = try #require(
            RunbookSet.runbooks(config: config, ledger: .empty, asOf: Self.asOf, includeAll: false).first
        )
        #expect(runbook.onCallNext != nil)
        #expect(runbook.holidayBackups.isEmpty)
    }
}
