import Foundation
import ICalendar
import RotaTestSupport
import Testing

@testable import RotaModel

@Suite struct ConfigLoaderTests {
    static func load(_ text: String, file: String = "test.yaml") throws(ConfigError) -> TeamConfig {
        try ConfigLoader.load(bytes: Array(text.utf8), file: file)
    }

    /// Ten levels of anchored lists, each holding ten aliases of the level below: 10^10 values if expanded.
    static let nestedAliasLists: String = {
        var text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...9 {
            let previous = "*a\(level - 1)"
            text += "a\(level): &a\(level) [" + Array(repeating: previous, count: 10).joined(separator: ", ") + "]\n"
        }
        return text
    }()

    static func diagnostics(_ bytes: [UInt8]) -> [Diagnostic] {
        do {
            _ = try ConfigLoader.load(bytes: bytes, file: "test.yaml")
            return []
        } catch {
            return error.diagnostics
        }
    }

    @Test func tenureAndTheRestRuleAreRead() throws {
        var text = String(decoding: try Fixtures.bytes("team.yaml"), as: UTF8.self)
        text = text.replacingOccurrences(
            of: "    email: kim@example.com\n",
            with: "    email: kim@example.com\n    joined: 2026-03-02\n    left: 2027-06-30\n"
        )
        text += "policy:\n  min_gap: 2\n"
        let config = try Self.load(text)
        let kim = try #require(config.engineer(EngineerID("kim")))
        #expect(kim.joined?.description == "2026-03-02" && kim.left?.description == "2027-06-30")
        #expect(kim.isOnTeam(on: LocalDate(iso: "2027-06-30") ?? .init(daysSinceEpoch: 0)))
        #expect(!kim.isOnTeam(on: LocalDate(iso: "2027-07-01") ?? .init(daysSinceEpoch: 0)))
        #expect(config.policy.minimumGap == 2)
        #expect(try Self.load(String(decoding: try Fixtures.bytes("team.yaml"), as: UTF8.self)).policy.minimumGap == 1)
    }

    @Test func leavingBeforeJoiningAndABadGapAreReported() throws {
        var text = String(decoding: try Fixtures.bytes("team.yaml"), as: UTF8.self)
        text = text.replacingOccurrences(
            of: "    email: kim@example.com\n",
            with: "    email: kim@example.com\n    joined: 2027-03-02\n    left: 2026-06-30\n"
        )
        text += "policy:\n  min_gap: -1\n"
        let messages = Self.diagnostics(Array(text.utf8)).map(\.message)
        #expect(messages.contains("left (2026-06-30) is before joined (2027-03-02)"))
        #expect(messages.contains { $0.hasPrefix("min_gap") })
    }

    @Test func bundledTeamMatchesTheBrief() throws {
        let config = try ConfigLoader.load(bytes: try Fixtures.bytes("team.yaml"), file: "fixtures/team.yaml")
        #expect(config.engineers.map(\.name) == ["Chen", "Smith", "Jones", "Kim"])
        let owners = config.pipelines.map {
            "\($0.id) \($0.primary) \($0.secondary?.rawValue ?? "-") \($0.investorFacing)"
        }
        #expect(
            owners == [
                "unit-level-profit chen smith false", "aggregate-profit smith jones true",
                "aggregate-growth jones kim true", "daily-growth kim chen false",
                "aggregate-engagement chen jones true",
            ]
        )
        #expect(config.rotation.lengthDays == 7)
        #expect(config.rotation.handOffWeekday == .monday)
        #expect(config.rotation.handOffTime.description == "10:00")
        #expect(config.rotation.timeZone.identifier == "America/New_York")
        #expect(config.rotation.order.map(\.rawValue) == ["chen", "smith", "jones", "kim"])
        let major = config.holidays.rules.filter(\.major).map(\.id.rawValue)
        #expect(major == ["new-years-day", "thanksgiving", "christmas"])
        #expect(config.holidayPolicy.leadTime == CalendarSpan(count: 3, unit: .months))
        for pipeline in config.pipelines where pipeline.investorFacing {
            #expect(pipeline.monitoring.map(\.id) == ["freshness", "execution", "data-quality", "resources", "errors"])
            #expect(!pipeline.failureModes.isEmpty)
            #expect(pipeline.landingDeadline != nil)
        }
        // The brief's eight failure modes (the catalogue) all appear somewhere, mapped to the right pipelines.
        let modes = Set(config.pipelines.flatMap(\.failureModes).map(\.id))
        #expect(Set(RunbookCatalogue.failureModes.map(\.id)).isSubset(of: modes))
        func modesOf(_ id: String) -> Set<String> {
            Set(config.pipelines.first { $0.id.rawValue == id }?.failureModes.map(\.id) ?? [])
        }
        let everywhere: Set = ["large-volumes", "reporting-tool-integration"]
        #expect(
            modesOf("aggregate-profit").isSuperset(
                of: everywhere.union(["late-finance-data", "profit-data-quality", "currency-conversion"])
            )
        )
        #expect(
            modesOf("aggregate-growth").isSuperset(of: everywhere.union(["seasonality", "missing-business-units"]))
        )
        #expect(modesOf("aggregate-engagement").isSuperset(of: everywhere.union(["user-activity-gaps"])))
        #expect(
            config.runbooks.link(to: PipelineID("aggregate-profit"))
                == "https://oncall.example.com/runbooks/aggregate-profit.html"
        )
    }

    @Test func minimalConfigGetsDocumentedDefaults() throws {
        let config = try ConfigLoader.load(bytes: try Fixtures.bytes("valid/minimal.yaml"), file: "minimal.yaml")
        #expect(config.rotation.lengthDays == 7)
        #expect(config.rotation.handOffWeekday == .monday)  // 2026-01-05 is a Monday
        #expect(config.rotation.order.map(\.rawValue) == ["ana", "bo"])
        #expect(config.engineers.allSatisfy { $0.timeZone.identifier == "Europe/London" })
        #expect(config.ownershipBounds == .default)
        #expect(config.holidays.rules.count == 11)
        #expect(config.holidays.rules.filter(\.major).isEmpty)
        #expect(config.holidayPolicy.volunteerCreditDays == 1)
        #expect(config.feeds.uidDomain == "rota.localhost")
        #expect(config.feeds.calendarName == "Tiny on call")
        #expect(config.feeds.windowPast == CalendarSpan(count: 30, unit: .days))
        #expect(config.feeds.windowFuture == CalendarSpan(count: 12, unit: .months))
        #expect(config.pipelines[1].investorFacing == false)
    }

    @Test func customHolidaysAndOverridesDecode() throws {
        var text = String(decoding: try Fixtures.bytes("valid/minimal.yaml"), as: UTF8.self)
        text += """
            holidays:
              exclude: [columbus-day]
              major: [christmas, day-after-thanksgiving]
              custom:
                - id: day-after-thanksgiving
                  name: Day after Thanksgiving
                  nth_weekday: { month: 11, weekday: thursday, nth: 4, offset_days: 1 }
                - id: christmas-eve
                  name: Christmas Eve
                  month_day: 12-24
                  observed: nearest-weekday
            overrides:
              - engineer: bo
                shift: 2026-01-12
              - engineer: ana
                from: 2026-01-20T18:00
                to: 2026-01-22T08:00
                reason: Bo at a conference

            """
        let config = try Self.load(text)
        let holidays2026 = config.holidays.occurrences(in: 2026)
        #expect(!holidays2026.contains { $0.id.rawValue == "columbus-day" })
        let friday = try #require(holidays2026.first { $0.id.rawValue == "day-after-thanksgiving" })
        #expect(friday.date.description == "2026-11-27")
        #expect(friday.major)
        // 2027-12-24 is a Friday; 2028-12-24 a Sunday, observed Monday.
        let eve2028 = try #require(config.holidays.occurrences(in: 2028).first { $0.id.rawValue == "christmas-eve" })
        #expect(eve2028.observed.description == "2028-12-25")
        #expect(config.overrides.count == 2)
        #expect(config.overrides[1].reason == "Bo at a conference")
    }

    @Test func everyDiagnosticHasLocationAndHint() throws {
        for name in Fixtures.files(in: "invalid", withExtension: "yaml") {
            for diagnostic in Self.diagnostics(try Fixtures.bytes("invalid/\(name)")) {
                #expect(diagnostic.location.line >= 1 && diagnostic.location.column >= 1)
                #expect(!diagnostic.hint.isEmpty, "\(name): \(diagnostic.message)")
            }
        }
    }

    @Test func tenMegabytesIsRefusedBeforeParsing() {
        let bytes = [UInt8](repeating: UInt8(ascii: "a"), count: 10 * 1024 * 1024)
        let found = Self.diagnostics(bytes)
        #expect(found.count == 1)
        #expect(found.first?.message == "config has 10485760 bytes; rota accepts at most 1048576 (1 MiB)")
    }

    @Test func deepFlowNestingIsRefused() {
        let bytes = Array(("team: " + String(repeating: "[", count: 100_000)).utf8)
        #expect(Self.diagnostics(bytes).first?.message == "config nests lists or mappings more than 64 levels deep")
    }

    /// Aliases cannot make a small file expand without bound ("billion laughs").
    ///
    /// Aliases multiply a small file. Lists of lists are rejected without being walked; lists of mappings are walked,
    /// within a budget.
    @Test func aliasExpansionIsBounded() {
        var text = Self.nestedAliasLists
        text += "team: T\nengineers: *a9\n"
        #expect(Self.diagnostics(Array(text.utf8)).count < 100)

        var mappings = "day: &day { from: 2026-01-01 }\n"
        mappings += "days: &days [" + Array(repeating: "*day", count: 1000).joined(separator: ", ") + "]\n"
        mappings += "engineer: &engineer { id: a, name: A, email: a@example.com, pto: *days }\n"
        mappings += "team: T\nengineers: [" + Array(repeating: "*engineer", count: 1000).joined(separator: ", ") + "]\n"
        let found = Self.diagnostics(Array(mappings.utf8))
        #expect(found.contains { $0.message == "config expands to more than 100000 values" })
    }

    /// An alias used as a mapping key makes the YAML library hash the whole aliased tree.
    @Test func aliasAsKeyDoesNotHang() {
        var text = Self.nestedAliasLists
        text += "? *a9\n: 1\n"
        #expect(!Self.diagnostics(Array(text.utf8)).isEmpty)
    }

    @Test func whitespaceOnlyIsEmpty() {
        #expect(Self.diagnostics(Array("  \n\n\t\n".utf8)).map(\.message) == ["config is empty"])
    }

    @Test func byteOrderMarkIsAccepted() throws {
        let bytes = [0xEF, 0xBB, 0xBF] + (try Fixtures.bytes("valid/minimal.yaml"))
        #expect(Self.diagnostics(bytes).isEmpty)
    }

    /// Random mutations of the bundled config: every outcome is a config or diagnostics, never a crash.
    @Test func mutatedConfigsNeverCrash() throws {
        let original = try Fixtures.bytes("team.yaml")
        var generator = SeededGenerator(seed: 2026)
        let alphabet = Array(":-[]{}#&*!|>'\"\n \t?,%@`".utf8) + [0x00, 0xFF, 0xC3]
        for _ in 0..<300 {
            var bytes = original
            for _ in 0..<Int.random(in: 1...8, using: &generator) {
                let index = Int.random(in: 0..<bytes.count, using: &generator)
                switch Int.random(in: 0..<3, using: &generator) {
                case 0: bytes[index] = alphabet.randomElement(using: &generator) ?? 0
                case 1: bytes.remove(at: index)
                default: bytes.insert(alphabet.randomElement(using: &generator) ?? 0, at: index)
                }
            }
            _ = Self.diagnostics(bytes)
        }
    }
}

@Suite struct TimeZoneDatabaseTests {
    @Test func acceptsCanonicalNamesTheListLacks() {
        #expect(TimeZoneDatabase.zone("Asia/Kolkata") != nil)
        #expect(TimeZoneDatabase.zone("Etc/UTC") != nil)
        #expect(TimeZoneDatabase.zone("UTC") != nil)
        #expect(TimeZoneDatabase.zone("America/Argentina/Buenos_Aires") != nil)
    }

    @Test func refusesAbbreviationsAndUnknownNames() {
        for name in ["EST", "GMT+5", "EST5EDT", "Mars/Olympus", "america/new_york", "", "America/"] {
            #expect(TimeZoneDatabase.zone(name) == nil, "\(name)")
        }
    }
}
