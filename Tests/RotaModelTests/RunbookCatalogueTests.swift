import RotaModel
import Testing

/// Picking, overriding and adding monitoring points and failure modes (docs/config.md, `pipelines`).
@Suite struct RunbookCatalogueTests {
    static func config(monitoring: String, failureModes: String, extra: String = "") -> String {
        """
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
            landing_deadline: { time: "07:00" }
            monitoring: \(monitoring)
            failure_modes: \(failureModes)
          - { id: signups, name: Sign-ups, business_area: Growth, primary: bo, secondary: ana }
        rotation:
          handoff: { time: "10:00" }
          time_zone: Europe/London
          start: 2026-01-05
        \(extra)
        """
    }

    static func load(_ text: String) throws(ConfigError) -> Pipeline? {
        try ConfigLoader.load(bytes: Array(text.utf8), file: "t.yaml").pipelines.first
    }

    @Test func everyCatalogueDefaultIsDetectedByACatalogueMonitoringPoint() {
        let points = Set(RunbookCatalogue.monitoringPoints.map(\.id))
        #expect(RunbookCatalogue.monitoringPoints.count == 5)
        #expect(RunbookCatalogue.failureModes.count == 8)
        for mode in RunbookCatalogue.failureModes {
            #expect(!mode.detectedBy.isEmpty && Set(mode.detectedBy).isSubset(of: points), "\(mode.id)")
            #expect(mode.remedies.isEmpty)
        }
    }

    @Test func aBareIdPicksTheCatalogueEntry() throws {
        let pipeline = try #require(
            try Self.load(Self.config(monitoring: "[freshness, data-quality]", failureModes: "[late-finance-data]"))
        )
        #expect(
            pipeline.monitoring == [
                RunbookCatalogue.monitoringPoint("freshness"), RunbookCatalogue.monitoringPoint("data-quality"),
            ]
        )
        #expect(pipeline.failureModes == [RunbookCatalogue.failureMode("late-finance-data")])
    }

    @Test func aMappingWithACatalogueIdOverridesOnlyWhatItGives() throws {
        let text = Self.config(
            monitoring: "[{ id: freshness, threshold: older than 2 h }, data-quality, errors]",
            failureModes: "[{ id: currency-conversion, symptoms: Totals in EUR, remedies: [Reload FX, Re-run] }]"
        )
        let pipeline = try #require(try Self.load(text))
        let freshness = try #require(pipeline.monitoring.first)
        #expect(freshness.name == "Data freshness and latency" && freshness.threshold == "older than 2 h")
        let mode = try #require(pipeline.failureModes.first)
        #expect(mode.name == "Currency conversion errors")
        #expect(mode.symptoms == "Totals in EUR")
        #expect(mode.detectedBy == ["data-quality", "errors"])
        #expect(mode.remedies == ["Reload FX", "Re-run"])
    }

    @Test func aNewIdAddsTheConfigsOwnEntry() throws {
        let text = Self.config(
            monitoring: "[{ id: row-counts, name: Row counts, threshold: under 1000 }]",
            failureModes:
                "[{ id: vendor-outage, name: Vendor outage, symptoms: No file, detected_by: [row-counts], remedy: Call them }]"
        )
        let pipeline = try #require(try Self.load(text))
        #expect(pipeline.monitoring == [MonitoringPoint(id: "row-counts", name: "Row counts", threshold: "under 1000")])
        #expect(
            pipeline.failureModes
                == [
                    FailureMode(
                        id: "vendor-outage",
                        name: "Vendor outage",
                        symptoms: "No file",
                        detectedBy: ["row-counts"],
                        remedies: ["Call them"]
                    )
                ]
        )
    }

    @Test func runbookURLBaseLosesItsTrailingSlash() throws {
        let text = Self.config(
            monitoring: "[freshness]",
            failureModes: "[{ id: seasonality, detected_by: [freshness] }]",
            extra: "runbooks: { url_base: \"https://x.example.com/rb/\" }"
        )
        let config = try ConfigLoader.load(bytes: Array(text.utf8), file: "t.yaml")
        #expect(config.runbooks.urlBase == "https://x.example.com/rb")
        #expect(config.runbooks.link(to: PipelineID("revenue")) == "https://x.example.com/rb/revenue.html")
    }
}
