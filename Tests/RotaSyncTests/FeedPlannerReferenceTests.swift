import Foundation
import ICalendar
import RotaModel
import RotaTestSupport
import Scheduler
import Testing

@testable import RotaSync

/// `FeedPlanner` writes each config's texts once and puts every event together from them; these tests check that
/// every event it plans (UID, texts, feeds, markers, order) is the one the earlier, event-by-event planner
/// (`FeedPlannerReference`) wrote, over teams that reach every branch of the texts.
@Suite struct FeedPlannerReferenceTests {
    /// Changes to `fixtures/team.yaml`, each a (text, replacement) list, named by what they reach.
    static let variants: [(name: String, edits: [(String, String)])] = [
        ("the fixture team: holidays, backups, investor pipelines with runbook links", []),
        (
            "shifts in pieces",
            [
                (
                    "overrides: []",
                    "overrides:\n  - { engineer: kim, from: 2027-01-12T10:00, to: 2027-01-13T10:00 }\n"
                        + "  - { engineer: jones, from: 2027-03-02T15:30, to: 2027-03-04T10:00 }"
                )
            ]
        ),
        (
            "everyone away: uncovered shifts",
            ["chen", "smith", "jones", "kim"].map {
                (
                    "    email: \($0)@example.com\n",
                    "    email: \($0)@example.com\n    pto: [{ from: 2027-01-25, to: 2027-02-14 }]\n"
                )
            }
        ),
        ("no runbook links", [("runbooks:\n  url_base: https://oncall.example.com/runbooks", "")]),
        (
            "a pipeline without a secondary owner",
            [("  secondary: { min: 1, max: 2 }", "  secondary: { min: 0, max: 2 }"), ("    secondary: smith\n", "")]
        ),
    ]

    @Test(arguments: variants.indices)
    func plannerWritesTheReferenceEvents(variant: Int) throws {
        var text = try String(
            contentsOf: RepositoryRoot.url.appendingPathComponent("fixtures/team.yaml"),
            encoding: .utf8
        )
        for (old, new) in Self.variants[variant].edits {
            #expect(text.contains(old), "\(Self.variants[variant].name): '\(old)'")
            text = text.replacingOccurrences(of: old, with: new)
        }
        let config = try ConfigLoader.load(bytes: Array(text.utf8), file: "team.yaml")
        // Before, inside and after the lock window and the holidays, so both statuses and the holiday shifts show.
        for asOf in ["2026-11-28", "2027-01-20", "2027-12-20"].compactMap({ LocalDate(iso: $0) }) {
            let schedule = Planner.plan(
                config: config,
                ledger: .empty,
                asOf: asOf,
                from: config.feeds.windowPast.added(to: asOf, direction: -1),
                until: config.feeds.windowFuture.added(to: asOf)
            )
            let events = FeedPlanner.events(for: schedule, config: config)
            let expected = FeedPlannerReference.events(for: schedule, config: config)
            #expect(events.count == expected.count)
            for (event, reference) in zip(events, expected) where event != reference {
                Issue.record("\(Self.variants[variant].name), as of \(asOf): \(event) is not \(reference)")
            }
            #expect(!events.isEmpty)
        }
    }

    /// The variants reach what they are named for, so the comparison above covers every branch of the texts.
    @Test func variantsReachEveryBranch() throws {
        var descriptions: [String] = []
        var uids: [String] = []
        for variant in Self.variants {
            var text = try String(
                contentsOf: RepositoryRoot.url.appendingPathComponent("fixtures/team.yaml"),
                encoding: .utf8
            )
            for (old, new) in variant.edits { text = text.replacingOccurrences(of: old, with: new) }
            let config = try ConfigLoader.load(bytes: Array(text.utf8), file: "team.yaml")
            let asOf = try #require(LocalDate(iso: "2026-11-28"))
            let schedule = Planner.plan(
                config: config,
                ledger: .empty,
                asOf: asOf,
                from: config.feeds.windowPast.added(to: asOf, direction: -1),
                until: config.feeds.windowFuture.added(to: asOf)
            )
            let events = FeedPlanner.events(for: schedule, config: config)
            descriptions += events.map(\.description)
            uids += events.map(\.uid)
        }
        for phrase in [
            "nobody is on call.", "nobody is on call for ", "Holiday shift: ", "is primary owner of: ", "Runbook: ",
            "reports to investors.", "backs up ", "(secondary owner).", "(primary owner).", "Why: ",
        ] {
            #expect(descriptions.contains { $0.contains(phrase) }, "\(phrase)")
        }
        // A pipeline event whose escalation ends at the primary owner: the pipeline without a secondary.
        #expect(descriptions.contains { $0.contains("(on call), then Chen (primary owner).") })
        // Split pieces that start after the hand-off carry their start, for the team and for each pipeline.
        #expect(uids.contains { $0.hasSuffix("T1530@oncall.example.com") })
        #expect(uids.contains { $0.hasSuffix("T1530-aggregate-profit@oncall.example.com") })
    }
}
