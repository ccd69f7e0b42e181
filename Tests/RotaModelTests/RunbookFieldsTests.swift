import Foundation
import RotaModel
import RotaTestSupport
import Testing

/// A pipeline's severity, impact, links and contacts, and the failure modes' first checks (docs/config.md,
/// "Runbook fields").
@Suite struct RunbookFieldsTests {
    static func load(_ fields: String, failureModes: String = "[late-finance-data]") throws(ConfigError) -> Pipeline? {
        let text = RunbookCatalogueTests.config(
            monitoring: "[freshness, data-quality]",
            failureModes: failureModes
        )
        .replacingOccurrences(of: "    landing_deadline:", with: fields + "\n    landing_deadline:")
        return try ConfigLoader.load(bytes: Array(text.utf8), file: "t.yaml").pipelines.first
    }

    @Test func theBundledProfitPipelineSaysHowBadAndWhereToLook() throws {
        let config = try ConfigLoader.load(bytes: try Fixtures.bytes("team.yaml"), file: "fixtures/team.yaml")
        let profit = try #require(config.pipelines.first { $0.id.rawValue == "aggregate-profit" })
        #expect(profit.severity == .sev1)
        #expect(profit.impact?.hasPrefix("Investors, the board and Finance leadership") == true)
        #expect(profit.links.map(\.name) == ["dashboard", "logs", "dag", "alerts"])
        #expect(profit.contacts.map(\.role).first == "ERP export owner (Finance systems)")
        #expect(profit.contacts.last?.slack == "#investor-relations")
        let unitLevel = try #require(config.pipelines.first { $0.id.rawValue == "unit-level-profit" })
        #expect(unitLevel.severity == nil && unitLevel.links.isEmpty && unitLevel.contacts.isEmpty)
    }

    @Test func fieldsKeepTheirOrderAndContactsNeedOnlyOneWayToReachThem() throws {
        let pipeline = try #require(
            try Self.load(
                """
                    severity: SEV2
                    impact: The board deck is late.
                    links: { logs: "https://logs.example.com/?q=a&b='c'", dashboard: "http://grafana.example.com:3000" }
                    contacts: [{ name: Dana, role: Investor Relations, phone: +1 212 555 0100 }]
                """
            )
        )
        #expect(pipeline.severity == .sev2)
        #expect(pipeline.links.map(\.name) == ["logs", "dashboard"])
        #expect(pipeline.links.first?.url == "https://logs.example.com/?q=a&b='c'")
        #expect(
            pipeline.contacts == [ExternalContact(name: "Dana", role: "Investor Relations", phone: "+1 212 555 0100")]
        )
    }

    @Test func everyCatalogueFailureModeHasFirstChecks() {
        #expect(RunbookCatalogue.failureModes.count == 8)
        for mode in RunbookCatalogue.failureModes {
            #expect(mode.firstChecks.count >= 2, "\(mode.id)")
            #expect(mode.remedies.isEmpty, "\(mode.id): the catalogue says what to look at, not what to do")
        }
    }

    @Test func aPickedFailureModeKeepsItsFirstChecksAndAConfigMayReplaceThem() throws {
        let picked = try #require(try Self.load(""))
        #expect(
            picked.failureModes.first?.firstChecks == RunbookCatalogue.failureMode("late-finance-data")?.firstChecks
        )
        let replaced = try #require(
            try Self.load("", failureModes: "[{ id: late-finance-data, first_checks: [The ERP job's last run] }]")
        )
        #expect(replaced.failureModes.first?.firstChecks == ["The ERP job's last run"])
    }

    @Test func anEmptyFirstChecksListIsAnError() {
        #expect(throws: ConfigError.self) {
            try Self.load("", failureModes: "[{ id: late-finance-data, first_checks: [] }]")
        }
    }

    @Test(arguments: [
        ("https://grafana.example.com/d/x?from=now-7d#panel", true),
        ("HTTP://EXAMPLE.COM", true),
        ("http://localhost:3000/", true),
        ("https://", false),
        ("https:///path", false),
        ("https://:443/", false),
        ("grafana.example.com/d/x", false),
        ("/runbooks/x", false),
        ("ftp://example.com/x", false),
        ("javascript:alert(1)", false),
        ("https://user:pw@example.com/", false),
        ("https://example.com/a b", false),
        ("https://example.com/\"onmouseover=x", false),
        ("https://example.com/<x>", false),
    ])
    func onlyAbsoluteHTTPURLsWithAHostAreLinks(url: String, valid: Bool) {
        #expect(WebURL.isAbsoluteHTTP(url) == valid)
    }
}
