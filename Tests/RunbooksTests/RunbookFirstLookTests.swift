import Foundation
import RotaModel
import Runbooks
import Testing

/// Severity, impact, links and contacts at the top of a runbook, and the failure modes' first checks.
@Suite struct RunbookFirstLookTests {
    static func documents(_ config: TeamConfig) -> [String: String] {
        let runbooks = RunbookSet.runbooks(config: config, ledger: .empty, asOf: RunbookTests.asOf, includeAll: false)
        let documents = RunbookSet.documents(
            runbooks,
            team: config.team,
            asOf: RunbookTests.asOf,
            formats: [.html, .markdown]
        )
        return Dictionary(documents.map { ($0.fileName, $0.text) }, uniquingKeysWith: { first, _ in first })
    }

    /// The offset of `needle` in `text`, or `Int.max` when it is missing (so an order check fails).
    static func offset(of needle: String, in text: String) -> Int {
        text.range(of: needle).map { text.distance(from: text.startIndex, to: $0.lowerBound) } ?? Int.max
    }

    @Test func theFirstLookComesBeforeEverythingElse() throws {
        let documents = Self.documents(try RunbookTests.bundled())
        let markdown = try #require(documents["aggregate-profit.md"])
        let firstLook = Self.offset(of: "## First look", in: markdown)
        #expect(firstLook < Self.offset(of: "## Purpose and consumers", in: markdown))
        #expect(markdown.contains("- **Severity:** sev1 (of sev1, the worst, to sev4)"))
        #expect(markdown.contains("  - [dashboard](<https://grafana.example.com/d/aggregate-profit>)"))
        #expect(markdown.contains("email finance-systems@example.com, Slack \\#finance-systems, phone +1 212 555 0142"))
        let html = try #require(documents["aggregate-profit.html"])
        #expect(Self.offset(of: "<h2>First look</h2>", in: html) < Self.offset(of: "<h2>Purpose", in: html))
        #expect(html.contains("<a href=\"https://grafana.example.com/d/aggregate-profit\">dashboard</a>"))
        #expect(html.contains("email <a href=\"mailto:finance-systems@example.com\">finance-systems@example.com</a>"))
    }

    @Test func everyCatalogueFailureModeShowsWhatToLookAtFirst() throws {
        let documents = Self.documents(try RunbookTests.bundled())
        let markdown = try #require(documents["aggregate-profit.md"])
        let html = try #require(documents["aggregate-profit.html"])
        let profit = try RunbookTests.bundled().pipelines.first { $0.id.rawValue == "aggregate-profit" }
        let modes = try #require(profit?.failureModes)
        #expect(markdown.components(separatedBy: "- **Look first at:**").count - 1 == modes.count)
        #expect(html.components(separatedBy: "<dt>Look first at</dt>").count - 1 == modes.count)
        let check = try #require(RunbookCatalogue.failureMode("currency-conversion")?.firstChecks.first)
        #expect(markdown.contains("  1. \(MarkdownText.escape(check))"))
    }

    @Test func hostileFieldsAreEscapedAndOnlyWebURLsAreLinked() throws {
        let text = """
            team: Tiny
            engineers:
              - { id: ana, name: Ana, email: ana@example.com }
              - { id: bo, name: Bo, email: bo@example.com }
            pipelines:
              - id: revenue
                name: Revenue
                business_area: Finance
                investor_facing: true
                primary: ana
                secondary: bo
                severity: sev3
                impact: "<script>alert(1)</script> | *bold*"
                links: { "<b>dash</b>](x)": "https://grafana.example.com/?a=1&b='2'" }
                contacts: [{ name: "<img src=x>", role: "[IR](javascript:x)", slack: "<@U1>" }]
                landing_deadline: { time: "07:00" }
                monitoring: [freshness, data-quality]
                failure_modes: [{ id: late-finance-data, first_checks: ["<i>x</i> | y"] }]
              - { id: signups, name: Sign-ups, business_area: Growth, primary: bo, secondary: ana }
            rotation:
              handoff: { time: "10:00" }
              time_zone: Europe/London
              start: 2026-01-05
            """
        let config = try ConfigLoader.load(bytes: Array(text.utf8), file: "t.yaml")
        let documents = Self.documents(config)
        let html = try #require(documents["revenue.html"])
        for forbidden in ["<script", "<b>", "<img", "<i>x", "<@U1>"] {
            #expect(!html.contains(forbidden), "revenue.html contains \(forbidden)")
        }
        #expect(html.contains("<a href=\"https://grafana.example.com/?a=1&amp;b=&#39;2&#39;\">&lt;b&gt;dash"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; | *bold*"))
        #expect(html.contains("<li>&lt;i&gt;x&lt;/i&gt; | y</li>"))
        let markdown = try #require(documents["revenue.md"])
        #expect(markdown.contains("  - [\\<b\\>dash\\</b\\>\\](x)](<https://grafana.example.com/?a=1&b='2'>)"))
        #expect(markdown.contains("- **Impact:** \\<script\\>alert(1)\\</script\\> \\| \\*bold\\*"))
        #expect(markdown.contains("  - \\<img src=x\\>, \\[IR\\](javascript:x): Slack \\<@U1\\>"))
    }

    @Test func aPipelineWithoutTheFieldsHasNoFirstLook() throws {
        let config = try RunbookTests.bundled()
        let runbooks = RunbookSet.runbooks(config: config, ledger: .empty, asOf: RunbookTests.asOf, includeAll: true)
        let unitLevel = try #require(runbooks.first { $0.pipeline.id.rawValue == "unit-level-profit" })
        #expect(!MarkdownRunbook.render(unitLevel).contains("First look"))
        #expect(!HTMLRunbook.render(unitLevel).contains("First look"))
    }
}
