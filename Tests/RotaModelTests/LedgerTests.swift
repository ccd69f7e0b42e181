import Foundation
import ICalendar
import RotaModel
import RotaTestSupport
import Testing

/// The ledger's text form: `LedgerWriter` and `LedgerLoader` against the bundled team config
/// (chen, smith, jones, kim; weekly Monday hand-offs from 2026-01-05).
@Suite struct LedgerTests {
    /// The `--as-of` date of every test unless it says otherwise.
    static let asOf = date("2026-10-01")

    static func config(overrides: String = "[]") throws -> TeamConfig {
        var text = String(decoding: try Fixtures.bytes("team.yaml"), as: UTF8.self)
        text = text.replacingOccurrences(of: "overrides: []", with: "overrides: \(overrides)")
        return try ConfigLoader.load(bytes: Array(text.utf8), file: "fixtures/team.yaml")
    }

    static func load(_ text: String, config: TeamConfig? = nil, asOf: LocalDate = asOf) throws -> Ledger {
        try LedgerLoader.load(bytes: Array(text.utf8), file: "ledger.yaml", config: config ?? Self.config(), asOf: asOf)
    }

    /// The diagnostics loading `text` reports, rendered; empty when it loads.
    static func problems(_ text: String, config: TeamConfig? = nil, asOf: LocalDate = asOf) throws -> String {
        let config = try config ?? Self.config()
        do {
            _ = try LedgerLoader.load(bytes: Array(text.utf8), file: "ledger.yaml", config: config, asOf: asOf)
            return ""
        } catch {
            return error.description
        }
    }

    // MARK: Samples

    /// The small ledger of `fixtures/ledger/golden.yaml`.
    static let small = Ledger(
        shifts: [
            RecordedShift(start: date("2026-11-23"), engineer: EngineerID("smith"), recorded: date("2026-08-23")),
            RecordedShift(start: date("2026-12-21"), engineer: EngineerID("kim"), recorded: date("2026-09-21")),
        ],
        holidays: [
            decision(
                "thanksgiving",
                "2026-11-23",
                "smith",
                .rotation,
                "fewest holiday shifts (0); then rotation order"
            ),
            decision("christmas", "2026-12-21", "kim", .volunteer, #"kim volunteered: "happy to cover""#),
        ],
        credits: [
            PTOCredit(
                engineer: EngineerID("kim"),
                days: 1,
                holiday: HolidayID("christmas"),
                year: 2026,
                recorded: date("2026-09-21")
            )
        ]
    )

    /// Notes that YAML would misread unless they are quoted and escaped.
    static let awkwardNotes = [
        "", " ", "  padded  ", #"say "hi""#, #"C:\path\new"#, "\\", "key: value", "a # not a comment", "#first",
        "- dash", "'single'", "{ flow: [1, 2] }", "&anchor *alias", "!tag", "%directive", "@at", "`tick`", "null", "~",
        "true", "2026-12-21", "0x1F", "Zoë, 日本語, ☃︎, 🎄, e\u{301}", "line one\nline two", "tab\there",
        "crlf\r\nend", "\u{0}\u{7}\u{1B}\u{7F}", "nel\u{85}ls\u{2028}ps\u{2029}", "bom\u{FEFF}", "c1\u{80}\u{9F}",
        "nbsp\u{A0}and thin\u{2009}space", "trailing newline\n", "\u{10FFFF}\u{FFFD}",
    ]

    static let samples: [Ledger] = [
        .empty,
        small,
        // History may name an engineer who has left; `null` must be quoted to stay an id.
        Ledger(shifts: [
            RecordedShift(start: date("2026-01-05"), engineer: EngineerID("lee"), recorded: date("2025-10-06")),
            RecordedShift(start: date("2026-01-12"), engineer: EngineerID("null"), recorded: date("2025-10-13")),
        ]),
        Ledger(
            holidays: awkwardNotes.enumerated().map { index, note in
                decision("christmas", "2026-12-21", "kim", .onlyAvailable, note, year: 1971 + index)
            }
        ),
        Ledger(credits: [
            PTOCredit(
                engineer: EngineerID("chen"),
                days: 365,
                holiday: HolidayID("christmas"),
                year: 1971,
                recorded: date("2026-01-05")
            ),
            PTOCredit(
                engineer: EngineerID("chen"),
                days: 0,
                holiday: HolidayID("new-years-day"),
                year: 2100,
                recorded: date("2026-01-05")
            ),
            PTOCredit(
                engineer: EngineerID("kim"),
                days: 2,
                holiday: HolidayID("christmas"),
                year: 2026,
                recorded: date("2026-01-05")
            ),
        ]),
    ]

    /// Swaps with and without a give-back, with awkward causes, in the order they were recorded.
    static let swapSamples: [Ledger] = [
        Ledger(swaps: [
            LedgerSwap(
                shift: date("2027-01-04"),
                engineer: EngineerID("kim"),
                giveBack: LedgerSwap.Assignment(shift: date("2027-01-18"), engineer: EngineerID("smith")),
                cause: "Smith is on PTO 2027-01-04 to 2027-01-08",
                recorded: date("2026-11-28")
            ),
            LedgerSwap(
                shift: date("2027-01-11"),
                engineer: EngineerID("null"),
                giveBack: nil,
                cause: "lee left on 2027-01-08: \"gone\"",
                recorded: date("2026-11-28")
            ),
            LedgerSwap(
                shift: date("2026-12-07"),
                engineer: EngineerID("chen"),
                giveBack: nil,
                cause: "",
                recorded: date("2026-12-01")
            ),
        ])
    ]

    @Test(arguments: swapSamples)
    func swapsReadBackInTheOrderTheyWereRecorded(ledger: Ledger) throws {
        let config = try Self.config()
        let text = LedgerWriter.text(ledger, team: config.team)
        #expect(try Self.load(text, config: config) == ledger)
        #expect(
            text.contains(
                "swaps:\n  - { shift: 2027-01-04, engineer: kim, give_back: { shift: 2027-01-18, engineer: smith }, "
            )
        )
        // The last swap of a shift wins; a give-back fixes the later shift too.
        #expect(ledger.fixedEngineers[Self.date("2027-01-18")] == EngineerID("smith"))
        #expect(ledger.fixedEngineers[Self.date("2027-01-04")] == EngineerID("kim"))
    }

    @Test func aSwapWithoutItsShiftOrWithABrokenGiveBackIsReported() throws {
        let text = """
            swaps:
              - { engineer: kim, cause: x, recorded: 2026-11-28 }
              - { shift: 2027-01-04, engineer: kim, give_back: { shift: 2027-01-05 }, cause: x, recorded: 2026-11-28 }

            """
        let problems = try Self.problems(text)
        #expect(problems.contains("ledger.yaml:2:5: error:"))
        #expect(problems.contains("2027-01-05 is not a hand-off date of the rotation"))
        #expect(problems.contains("engineer"))
    }

    // MARK: Round trip and golden

    @Test(arguments: samples)
    func loadingWhatWasWrittenGivesItBack(ledger: Ledger) throws {
        let config = try Self.config()
        let text = LedgerWriter.text(ledger, team: config.team)
        #expect(try Self.load(text, config: config) == ledger)
        #expect(LedgerWriter.text(try Self.load(text, config: config), team: config.team) == text)
    }

    @Test(arguments: awkwardNotes)
    func everyNoteReadsBackExactly(note: String) throws {
        let ledger = Ledger(holidays: [Self.decision("christmas", "2026-12-21", "kim", .volunteer, note)])
        let loaded = try Self.load(LedgerWriter.text(ledger, team: "Data Engineering"))
        // Compare scalars: String's == would accept a canonically equivalent note.
        #expect(loaded.holidays.map { Array($0.note.unicodeScalars) } == [Array(note.unicodeScalars)])
    }

    @Test func smallLedgerMatchesGoldenFile() throws {
        let config = try Self.config()
        GoldenFile.check(LedgerWriter.text(Self.small, team: config.team), "fixtures/" + "ledger/golden.yaml")
        let golden = try LedgerLoader.load(
            bytes: Fixtures.bytes("ledger/golden.yaml"),
            file: "fixtures/ledger/golden.yaml",
            config: config,
            asOf: Self.asOf
        )
        #expect(golden == Self.small)
    }

    @Test func outputDoesNotDependOnEntryOrder() {
        var shuffled = Self.small
        shuffled.shifts.reverse()
        shuffled.holidays.reverse()
        #expect(LedgerWriter.text(shuffled, team: "T") == LedgerWriter.text(Self.small, team: "T"))
        #expect(LedgerWriter.text(Self.small, team: "T") == LedgerWriter.text(Self.small, team: "T"))
    }

    @Test func emptyListsAreWrittenInline() {
        #expect(
            LedgerWriter.text(.empty, team: "Data Engineering") == """
                # rota ledger for Data Engineering: decisions recorded by `rota plan --record`.
                # Review it like the config; entries are appended, never rewritten.
                version: 1
                shifts: []
                holidays: []
                credits: []

                """
        )
    }

    @Test func teamNameCannotBreakOutOfTheHeaderComment() throws {
        let text = LedgerWriter.text(.empty, team: "Data\nEngineering\u{2028}\u{0}")
        #expect(text.hasPrefix("# rota ledger for Data Engineering  : decisions"))
        #expect(try Self.load(text) == .empty)
    }

    @Test func entriesComeBackSorted() throws {
        let ledger = try Self.load(
            """
            credits:
              - { engineer: kim, days: 1, holiday: christmas, year: 2026, recorded: 2026-09-21 }
              - { engineer: chen, days: 1, holiday: thanksgiving, year: 2026, recorded: 2026-09-21 }
              - { engineer: smith, days: 1, holiday: thanksgiving, year: 2025, recorded: 2025-08-25 }
            holidays:
              - { holiday: christmas, year: 2026, shift: 2026-12-21, engineer: kim, reason: volunteer, recorded: 2026-09-21 }
              - { holiday: thanksgiving, year: 2026, shift: 2026-11-23, engineer: chen, reason: rotation, recorded: 2026-08-24 }
            shifts:
              - { start: 2026-12-07, engineer: chen, recorded: 2026-09-07 }
              - { start: 2026-11-30, engineer: kim, recorded: 2026-08-31 }
            """
        )
        #expect(ledger.shifts.map(\.start.description) == ["2026-11-30", "2026-12-07"])
        #expect(ledger.holidays.map(\.holiday.rawValue) == ["thanksgiving", "christmas"])
        #expect(ledger.credits.map(\.engineer.rawValue) == ["smith", "chen", "kim"])
        #expect(ledger.holidays.allSatisfy { $0.note.isEmpty })
    }

    // MARK: Empty ledgers

    @Test(arguments: [
        "", " ", "\n\n", " \t\r\n", "\u{FEFF}", "\u{FEFF}\n", "\u{A0}\n", "# only a comment", "# one\n\n  # two\n",
        "---\n",
        "--- # nothing\n...\n", "~\n",
    ])
    func fileWithoutEntriesIsTheEmptyLedger(text: String) throws {
        #expect(try Self.load(text) == .empty)
    }

    @Test func emptySectionsAreTheEmptyLedger() throws {
        #expect(try Self.load("version: 1\nshifts: []\nholidays:\ncredits: ~\n") == .empty)
    }

    // MARK: Past and future engineers

    static let leeShift = "shifts:\n  - { start: START, engineer: lee, recorded: 2026-06-29 }\n"
    static let leeHoliday = """
        holidays:
          - { holiday: christmas, year: 2026, shift: 2026-12-21, engineer: lee, reason: rotation, recorded: 2026-09-21 }

        """

    @Test func pastShiftMayNameAnEngineerWhoLeft() throws {
        let ledger = try Self.load(Self.leeShift.replacingOccurrences(of: "START", with: "2026-09-28"))
        #expect(ledger.shifts.map(\.engineer) == [EngineerID("lee")])
    }

    /// The ledger is history: a shift still to come may name someone who left (or was removed from the config);
    /// the planner reports it as a conflict and proposes who takes it, rather than the ledger failing to load.
    @Test(arguments: ["2026-10-05", "2027-01-04"])
    func commitmentMayNameAnEngineerWhoLeft(start: String) throws {
        let text = Self.leeShift.replacingOccurrences(of: "START", with: start)
        let ledger = try Self.load(text, asOf: Self.date("2026-10-05"))
        #expect(ledger.shifts.map(\.engineer) == [EngineerID("lee")])
    }

    @Test func holidayDecisionMayNameAnEngineerWhoLeft() throws {
        #expect(try Self.load(Self.leeHoliday, asOf: Self.date("2026-12-21")).holidays.count == 1)
    }

    @Test func creditsAreHistory() throws {
        let text = "credits:\n  - { engineer: lee, days: 1, holiday: christmas, year: 2027, recorded: 2027-09-20 }\n"
        #expect(try Self.load(text).credits.count == 1)
    }

    // MARK: Messages say "ledger"

    @Test func inputGuardsNameTheLedger() throws {
        #expect(try Self.problems("shifts: [\u{7}]").contains("error: ledger contains the control character U+0007"))
        let error = LedgerLoader.tooLargeError(byteCount: 2_000_000, file: "ledger.yaml")
        #expect(error.description.hasPrefix("ledger.yaml:1:1: error: ledger has 2000000 bytes; rota accepts at most"))
    }

    // MARK: Helpers

    static func date(_ text: String) -> LocalDate {
        guard let date = LocalDate(iso: text) else {
            Issue.record("bad test date \(text)")
            return LocalDate(daysSinceEpoch: 0)
        }
        return date
    }

    static func decision(
        _ holiday: String,
        _ shift: String,
        _ engineer: String,
        _ reason: HolidayDecision.Reason,
        _ note: String,
        year: Int = 2026
    ) -> HolidayDecision {
        HolidayDecision(
            holiday: HolidayID(holiday),
            year: year,
            shift: date(shift),
            engineer: EngineerID(engineer),
            reason: reason,
            note: note,
            recorded: date(shift).adding(months: -3)
        )
    }
}

/// Every broken ledger under `fixtures/ledger/invalid/` yields exactly the diagnostics in its
/// `.expected` file, checked against the bundled config as of 2026-10-01.
@Suite struct InvalidLedgerCorpusTests {
    static let ledgers = Fixtures.files(in: "ledger/invalid", withExtension: "yaml")

    @Test func corpusIsLargeEnough() {
        #expect(Self.ledgers.count >= 8)
    }

    @Test(arguments: ledgers)
    func diagnosticsMatchExpected(name: String) throws {
        let path = "fixtures/ledger/invalid/\(name)"
        let bytes = try Fixtures.bytes("ledger/invalid/\(name)")
        let config = try LedgerTests.config()
        do {
            _ = try LedgerLoader.load(bytes: bytes, file: path, config: config, asOf: LedgerTests.asOf)
            Issue.record("\(path) loaded without diagnostics")
        } catch {
            #expect(!error.diagnostics.isEmpty)
            #expect(error.diagnostics.allSatisfy { !$0.hint.isEmpty })
            let expectedName = "ledger/invalid/" + name.dropLast(".yaml".count) + ".expected"
            GoldenFile.check(error.description + "\n", "fixtures/" + expectedName)
        }
    }
}
