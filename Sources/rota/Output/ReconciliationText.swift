import Foundation
import ICalendar
import RotaSync

/// `rota diff` and `rota push` output: one line per event that differs, then a summary.
///
/// `+` missing on the remote side, `-` extra there, `~` changed (field by field, before -> after),
/// `!` edited by hand since rota wrote it (drift). Events in sync are counted, not listed.
enum ReconciliationText {
    /// The lines for every entry that is not in sync, then the summary line, each handed to `write` as it is made.
    ///
    /// One line at a time: a diff of a feed of 100,000 extra events would otherwise hold all its lines and then
    /// their joined text (about 20 MiB) on top of the events (issue 17).
    static func render(
        _ reconciliation: Reconciliation,
        remoteName: String,
        colour: Bool = false,
        to write: (String) -> Void
    ) {
        for entry in reconciliation.entries where entry.action != .keep {
            write("\(marker(entry.action, colour: colour)) \(headline(entry))")
            for line in changeLines(entry) { write(line) }
        }
        write(summary(reconciliation, remoteName: remoteName))
    }

    /// `    FIELD: before -> after`, one line per field that differs.
    static func changeLines(_ entry: Reconciliation.Entry) -> [String] {
        entry.changes.map { change in
            let (before, after) = shown(change.before, change.after)
            return "    \(change.name): \(before) -> \(after)"
        }
    }

    static func summary(_ reconciliation: Reconciliation, remoteName: String) -> String {
        var counts: [Reconciliation.Action: Int] = [:]
        for entry in reconciliation.entries { counts[entry.action, default: 0] += 1 }
        func count(_ action: Reconciliation.Action) -> Int { counts[action] ?? 0 }
        let state = reconciliation.isInSync ? "in sync with the plan" : "differs from the plan"
        return "\(remoteName) \(state): \(count(.create)) missing, \(count(.update)) changed, "
            + "\(count(.delete)) extra, \(count(.drift)) edited by hand, \(count(.keep)) in sync"
            + othersLeftAlone(reconciliation)
    }

    /// `+`, `-`, `~`, `!` (or `=` in sync); with `colour`, for a terminal: `+` green, `-` red, `~` yellow,
    /// `!` magenta.
    static func marker(_ action: Reconciliation.Action, colour: Bool = false) -> String {
        let (text, paint): (String, Terminal.Colour?) =
            switch action {
            case .create: ("+", .green)
            case .delete: ("-", .red)
            case .update: ("~", .yellow)
            case .drift: ("!", .magenta)
            case .keep: ("=", nil)
            }
        guard colour, let paint else { return text }
        return Terminal.paint(text, paint)
    }

    /// ` (3 other events left alone)` after a summary, or nothing when there are none.
    static func othersLeftAlone(_ reconciliation: Reconciliation) -> String {
        reconciliation.foreignCount > 0
            ? " (\(Plural.count(reconciliation.foreignCount, "other event")) left alone)" : ""
    }

    /// `2027-01-11 On call: Kim (shift-20270111@oncall.example.com)`.
    static func headline(_ entry: Reconciliation.Entry) -> String {
        let event = entry.planned ?? entry.remote
        let start = event?.property(.dtStart).map { day($0.value) } ?? "?"
        let summary = event?.property(.summary)?.value ?? ""
        return "\(start) \(summary) (\(entry.uid))"
    }

    /// `20270111T100000` -> `2027-01-11`.
    private static func day(_ value: String) -> String {
        let digits = Array(value.prefix(8))
        guard digits.count == 8, digits.allSatisfy(\.isNumber) else { return value }
        return "\(String(digits[0..<4]))-\(String(digits[4..<6]))-\(String(digits[6..<8]))"
    }

    /// Two values as the diff shows them: on one line, `(none)` when absent, and a long pair cut to the
    /// part around their first difference.
    static func shown(_ before: String?, _ after: String?) -> (String, String) {
        func oneLine(_ value: String?) -> [Character]? {
            value.map { Array($0.replacingOccurrences(of: "\n", with: " | ")) }
        }
        guard let old = oneLine(before), let new = oneLine(after) else {
            return (cut(oneLine(before), from: 0), cut(oneLine(after), from: 0))
        }
        var common = 0
        while common < old.count, common < new.count, old[common] == new[common] {
            common += 1
        }
        let from = common > 40 ? common - 20 : 0
        return (cut(old, from: from), cut(new, from: from))
    }

    /// At most 60 characters of `text` from `from`, with `…` where something is left out.
    private static func cut(_ text: [Character]?, from: Int) -> String {
        guard let text else { return "(none)" }
        let start = min(from, text.count)
        let end = min(text.count, start + 60)
        return (start > 0 ? "…" : "") + String(text[start..<end]) + (end < text.count ? "…" : "")
    }
}

/// `rota diff --format json`.
struct ReconciliationJSON: Encodable {
    struct Change: Encodable {
        let field: String
        let before: String?
        let after: String?
    }

    struct Event: Encodable {
        let action: String
        let marker: String
        let uid: String
        let href: String?
        let summary: String?
        let start: String?
        let changes: [Change]
    }

    let inSync: Bool
    let remote: String
    let counts: [String: Int]
    let foreign: Int
    let events: [Event]

    init(_ reconciliation: Reconciliation, remoteName: String) {
        inSync = reconciliation.isInSync
        remote = remoteName
        var counts: [String: Int] = [:]
        for action in ["create", "update", "delete", "drift", "keep"] { counts[action] = 0 }
        for entry in reconciliation.entries { counts[entry.action.rawValue, default: 0] += 1 }
        self.counts = counts
        foreign = reconciliation.foreignCount
        events = reconciliation.entries.filter { $0.action != .keep }.map { entry in
            let event = entry.planned ?? entry.remote
            return Event(
                action: entry.action.rawValue,
                marker: ReconciliationText.marker(entry.action),
                uid: entry.uid,
                href: entry.href,
                summary: event?.property(.summary)?.value,
                start: event?.property(.dtStart)?.value,
                changes: entry.changes.map {
                    Change(field: $0.name, before: $0.before, after: $0.after)
                }
            )
        }
    }
}
