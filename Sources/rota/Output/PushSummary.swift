import CalendarSync
import Foundation
import ICalendar
import RotaSync

/// What `rota push` did (or, with `--dry-run`, would do), as one value.
///
/// The counts, the failures by UID, and the events it touched. The table and `--format json` both render it, so
/// they never disagree.
///
/// JSON shape (documented in docs/commands.md): `calendar` (the URL, never with a user name or password),
/// `dry_run`, `in_sync` (the calendar matches the plan now, or would without writes), `counts` (`created`,
/// `updated`, `deleted`, `unchanged`, `drift_overwritten`, `drift_kept`, `failed`), `others_left_alone`, `events`
/// (each changed event: `uid`, `action`, `start`, `summary`, `outcome`) and `failures` (`uid`, `url`, `message`,
/// `hint`), both sorted by UID.
struct PushSummary: Encodable {
    struct Counts: Encodable {
        var created = 0
        var updated = 0
        var deleted = 0
        var unchanged = 0
        var driftOverwritten = 0
        var driftKept = 0
        var failed = 0
    }

    struct Event: Encodable {
        let uid: String
        let action: String
        let start: String?
        let summary: String?
        /// What happened: `created`, `updated`, `deleted`, `unchanged`, `drift overwritten`, `drift kept`, `failed`,
        /// or with `--dry-run` what would.
        let outcome: String
    }

    struct Failure: Encodable {
        let uid: String
        let url: String
        let message: String
        let hint: String?
    }

    let calendar: String
    let dryRun: Bool
    let inSync: Bool
    let counts: Counts
    let othersLeftAlone: Int
    let events: [Event]
    let failures: [Failure]

    /// The summary of a push: `results` pairs each entry that was not kept with its outcome.
    init(calendar: URL, reconciliation: Reconciliation, results: [(Reconciliation.Entry, PushOutcome)]) {
        let tally = PushTally(results.map(\.1))
        self.calendar = calendar.absoluteString
        dryRun = false
        counts = Counts(
            created: tally.created,
            updated: tally.updated,
            deleted: tally.deleted,
            unchanged: reconciliation.entries(.keep).count + tally.unchanged,
            driftOverwritten: tally.driftOverwritten,
            driftKept: tally.driftKept,
            failed: tally.failed
        )
        inSync = tally.failed == 0 && tally.driftKept == 0
        othersLeftAlone = reconciliation.foreignCount
        events = results.map { Self.event($0.0, outcome: Self.name($0.1)) }.sorted { $0.uid < $1.uid }
        failures = results.compactMap { (entry, outcome) -> Failure? in
            guard case .failed(let failure) = outcome else { return nil }
            let text = String(describing: failure)
            let (message, hint) = Self.split(text)
            return Failure(uid: entry.uid, url: failure.url.absoluteString, message: message, hint: hint)
        }.sorted { $0.uid < $1.uid }
    }

    /// The summary of `--dry-run`: what push would write, nothing written.
    init(dryRun calendar: URL, reconciliation: Reconciliation, force: Bool) {
        self.calendar = calendar.absoluteString
        dryRun = true
        var counts = Counts()
        var events: [Event] = []
        for entry in reconciliation.entries {
            let outcome: String
            switch entry.action {
            case .keep:
                counts.unchanged += 1
                continue
            case .create:
                counts.created += 1
                outcome = "created"
            case .update:
                counts.updated += 1
                outcome = "updated"
            case .delete:
                counts.deleted += 1
                outcome = "deleted"
            case .drift where force:
                counts.driftOverwritten += 1
                outcome = "drift overwritten"
            case .drift:
                counts.driftKept += 1
                outcome = "drift kept"
            }
            events.append(Self.event(entry, outcome: outcome))
        }
        self.counts = counts
        self.events = events.sorted { $0.uid < $1.uid }
        inSync = reconciliation.isInSync
        othersLeftAlone = reconciliation.foreignCount
        failures = []
    }

    /// The one-line summary: `URL: 3 created, ...` (`URL: would write: 3 created, ...` for a dry run).
    var line: String {
        "\(calendar): " + (dryRun ? "dry run, nothing written; would be " : "")
            + "\(counts.created) created, \(counts.updated) updated, \(counts.deleted) deleted, "
            + "\(counts.unchanged) unchanged, "
            + (dryRun && counts.driftKept > 0 ? "\(counts.driftKept) edited on the server left alone, " : "")
            + "\(counts.driftOverwritten) drift overwritten"
            + (counts.failed > 0 ? ", \(counts.failed) failed" : "")
            + (othersLeftAlone > 0 ? " (\(Plural.count(othersLeftAlone, "other event")) left alone)" : "")
    }

    private static func event(_ entry: Reconciliation.Entry, outcome: String) -> Event {
        let event = entry.planned ?? entry.remote
        return Event(
            uid: entry.uid,
            action: entry.action.rawValue,
            start: event?.property(.dtStart)?.value,
            summary: event?.property(.summary)?.value,
            outcome: outcome
        )
    }

    private static func name(_ outcome: PushOutcome) -> String {
        switch outcome {
        case .created: "created"
        case .updated: "updated"
        case .deleted: "deleted"
        case .unchanged: "unchanged"
        case .driftOverwritten: "drift overwritten"
        case .driftKept: "drift kept"
        case .failed: "failed"
        }
    }

    /// A diagnostic's `what\nhint: how` as its two parts.
    private static func split(_ text: String) -> (String, String?) {
        guard let range = text.range(of: "\nhint: ") else { return (text, nil) }
        return (String(text[..<range.lowerBound]), String(text[range.upperBound...]))
    }
}
