import Foundation
import ICalendar
import RotaModel
import RotaTestSupport
import Testing

@testable import RotaSync

/// Drift is a difference in what an event says.
///
/// Random rewrites a server may make are never drift; random real edits always are. The rewrites are made on the text rota writes, then read back, as a server's copy is.
@Suite struct EventMeaningTests {
    /// rota's events as the CalDAV resources it PUTs, one text per event.
    static func resources() throws -> [String] {
        try ReconcileTests.planned(try FeedTests.config()).map { event in
            String(
                decoding: CalendarPlan.resource(
                    for: event,
                    sequence: 2,
                    asOf: ReconcileTests.asOf,
                    zone: try #require(TimeZoneDatabase.zone("America/New_York"))
                ),
                as: UTF8.self
            )
        }
    }

    /// The unfolded content lines of a resource's text.
    static func lines(_ text: String) -> [String] {
        text.replacingOccurrences(of: "\r\n ", with: "").components(separatedBy: "\r\n").filter { !$0.isEmpty }
    }

    static func text(_ lines: [String]) -> String { lines.joined(separator: "\r\n") + "\r\n" }

    static func event(_ text: String) throws -> Component {
        try #require(CalendarPlan.events(in: Array(text.utf8))?.first)
    }

    /// The VEVENT's lines and the lines around it.
    static func split(_ lines: [String]) -> (before: [String], body: [String], after: [String]) {
        let start = (lines.firstIndex(of: "BEGIN:VEVENT") ?? 0) + 1
        let end = lines.firstIndex(of: "END:VEVENT") ?? lines.count
        return (Array(lines[..<start]), Array(lines[start..<end]), Array(lines[end...]))
    }

    /// A DATE-TIME in New York as the same instant in UTC: `20261130T100000` -> `20261130T150000Z`.
    static func utc(_ local: String) -> String? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss"
        formatter.timeZone = TimeZone(identifier: "America/New_York")
        guard let date = formatter.date(from: local) else { return nil }
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date) + "Z"
    }

    /// One of the equivalent rewrites servers make, chosen by `kind`.
    static func rewrite(_ body: [String], kind: Int, using generator: inout SeededGenerator) -> [String] {
        switch kind {
        case 0:  // property order
            return body.shuffled(using: &generator)
        case 1:  // multi-valued TEXT split into one line per value (Cyrus)
            return body.flatMap { line -> [String] in
                guard line.hasPrefix("CATEGORIES:") else { return [line] }
                let items = line.dropFirst("CATEGORIES:".count).split(separator: ",").map(String.init)
                return items.map { "CATEGORIES:" + $0 }
            }
        case 2:  // parameter names in lower case, values quoted
            return body.map { line in
                line.replacingOccurrences(of: ";TZID=America/New_York:", with: ";tzid=\"America/New_York\":")
            }
        case 3:  // a zoned time given in UTC instead
            return body.map { line in
                for name in ["DTSTART", "DTEND"] where line.hasPrefix(name + ";TZID=America/New_York:") {
                    let local = String(line.dropFirst((name + ";TZID=America/New_York:").count))
                    return utc(local).map { name + ":" + $0 } ?? line
                }
                return line
            }
        case 4:  // properties a server or client adds, and new stamps
            return body.map { $0.hasPrefix("DTSTAMP:") ? "DTSTAMP:20270101T000000Z" : $0 }
                + [
                    "X-MOZ-GENERATION:3", "CREATED:20261201T120000Z", "LAST-MODIFIED:20261202T080000Z",
                    "X-APPLE-TRAVEL-ADVISORY-BEHAVIOR:AUTOMATIC",
                ]
        case 5:  // TEXT escaping variants: \N for \n
            return body.map { $0.hasPrefix("DESCRIPTION") ? $0.replacingOccurrences(of: "\\n", with: "\\N") : $0 }
        default:  // a sequence bump
            return body.map { $0.hasPrefix("SEQUENCE:") ? "SEQUENCE:9" : $0 }
        }
    }

    /// An alarm a client added, at the end of the event (a component, so it is added after any reordering).
    static let alarm = ["BEGIN:VALARM", "ACTION:DISPLAY", "TRIGGER:-PT15M", "DESCRIPTION:Reminder", "END:VALARM"]

    /// A DATE or DATE-TIME line moved a year on: `DTSTART;TZID=...:20261130T100000` -> `...:20271130T100000`.
    static func nextYear(_ line: String) -> String {
        guard let colon = line.lastIndex(of: ":") else { return line }
        let value = line[line.index(after: colon)...]
        guard let year = Int(value.prefix(4)) else { return line }
        return String(line[...colon]) + "\(year + 1)" + value.dropFirst(4)
    }

    /// Folds every line at random places (never inside a UTF-8 character), as servers refold.
    static func refold(_ lines: [String], using generator: inout SeededGenerator) -> String {
        var out = ""
        for line in lines {
            var current = ""
            var width = 0
            let limit = Int.random(in: 20...74, using: &generator)
            for character in line {
                let size = String(character).utf8.count
                if width + size > limit {
                    out += current + "\r\n"
                    current = " "
                    width = 1
                }
                current.append(character)
                width += size
            }
            out += current + "\r\n"
        }
        return out
    }

    @Test func equivalentRewritesAreNeverDrift() throws {
        var generator = SeededGenerator(seed: 1205)
        var checked = 0
        var byKind = [Int](repeating: 0, count: 7)
        for resource in try Self.resources() {
            let original = try Self.event(resource)
            for _ in 0..<12 {
                let parts = Self.split(Self.lines(resource))
                var body = parts.body
                var applied: [Int] = []
                for _ in 0..<Int.random(in: 1...4, using: &generator) {
                    let kind = Int.random(in: 0..<7, using: &generator)
                    body = Self.rewrite(body, kind: kind, using: &generator)
                    applied.append(kind)
                }
                if Bool.random(using: &generator) { body += Self.alarm }
                let text = Self.refold(parts.before + body + parts.after, using: &generator)
                let copy = try Self.event(text)
                #expect(ManagedEvent.contentLines(of: copy) == ManagedEvent.contentLines(of: original), "\(applied)")
                #expect(!ManagedEvent.isDrifted(copy), "\(applied)")
                for kind in applied { byKind[kind] += 1 }
                checked += 1
            }
        }
        #expect(checked > 200)
        #expect(byKind.allSatisfy { $0 > 10 }, "\(byKind)")
    }

    @Test func realEditsAreAlwaysDrift() throws {
        var generator = SeededGenerator(seed: 77)
        let edits: [(String, ([String]) -> [String])] = [
            ("SUMMARY", { $0.map { $0.hasPrefix("SUMMARY:") ? $0 + " (swapped)" : $0 } }),
            ("DESCRIPTION", { $0.map { $0.hasPrefix("DESCRIPTION:") ? $0 + "\\nCall Kim instead" : $0 } }),
            ("DTSTART", { $0.map { $0.hasPrefix("DTSTART") ? Self.nextYear($0) : $0 } }),
            ("DTEND", { $0.map { $0.hasPrefix("DTEND") ? Self.nextYear($0) : $0 } }),
            ("ATTENDEE", { $0 + ["ATTENDEE;CN=Kim:mailto:kim@example.com"] }),
            ("STATUS", { $0.filter { !$0.hasPrefix("STATUS:") } + ["STATUS:CANCELLED"] }),
        ]
        var checked = 0
        for resource in try Self.resources() {
            let parts = Self.split(Self.lines(resource))
            for (name, edit) in edits {
                // An edit survives any equivalent rewrite on top of it.
                let body = Self.rewrite(
                    edit(parts.body),
                    kind: Int.random(in: 0..<7, using: &generator),
                    using: &generator
                )
                let copy = try Self.event(Self.refold(parts.before + body + parts.after, using: &generator))
                #expect(ManagedEvent.isDrifted(copy), "\(name) not seen")
                checked += 1
            }
        }
        #expect(checked > 100)
    }
}
