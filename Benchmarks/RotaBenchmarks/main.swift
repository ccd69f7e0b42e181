// Prints how long planning and iCalendar writing and reading take, and peak memory (issues 3 and 4): ten years of
// the bundled team, and an organisation of 500 teams of 8 engineers over 3 years; then the memory reading a large feed
// takes, in a process of its own, next to its target of twice the file (issue 17, see FeedReading.swift).
// Run with `make bench` (release build). Figures vary with the machine; nothing here asserts them.
import Foundation
import ICalendar
import RotaModel
import Scheduler

/// Peak resident memory of this process so far, in MiB, from /proc/self/status (VmHWM).
func peakMemoryMiB() -> Double {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
        let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
        let kilobytes = Double(line.split(separator: " ").dropFirst().first ?? "")
    else { return 0 }
    return kilobytes / 1024
}

/// The fastest of `runs` wall-clock timings of `body`, in milliseconds.
func fastest(_ runs: Int, _ body: () -> Void) -> Double {
    var best = Double.infinity
    for _ in 0..<runs {
        let start = ContinuousClock.now
        body()
        let elapsed = ContinuousClock.now - start
        best = min(best, Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15)
    }
    return best
}

func load(_ text: String, _ name: String) -> TeamConfig {
    do {
        return try ConfigLoader.load(bytes: Array(text.utf8), file: name)
    } catch {
        print("benchmark config \(name) does not load:\n\(error)")
        exit(2)
    }
}

/// A team of eight with some PTO and three major holidays, varied by `seed` so teams differ.
func teamText(_ seed: Int) -> String {
    var yaml = "team: Team \(seed)\nengineers:\n"
    for member in 0..<8 {
        yaml += "  - { id: e\(member), name: E\(member), email: e\(member)@example.com"
        let month = (seed + member) % 12 + 1
        yaml +=
            ", pto: [{ from: 2027-\(month < 10 ? "0" : "")\(month)-03, to: 2027-\(month < 10 ? "0" : "")\(month)-12 }] }\n"
    }
    yaml += "ownership: { primary: { min: 0, max: 8 }, secondary: { min: 0, max: 8 } }\n"
    yaml += "pipelines:\n  - { id: p, name: P, business_area: A, primary: e0, secondary: e1 }\n"
    let order = (0..<8).map { "e\(($0 + seed) % 8)" }.joined(separator: ", ")
    yaml +=
        "rotation: { handoff: { time: \"10:00\" }, time_zone: America/New_York, order: [\(order)], start: 2026-01-05 }\n"
    yaml += "holidays: { major: [thanksgiving, christmas, new-years-day] }\n"
    return yaml
}

/// `RotaBenchmarks icalendar [COUNT]` runs only the iCalendar part (for profiling the reader and writer).
let arguments = CommandLine.arguments.dropFirst()
if arguments.first == "read-feed", let path = arguments.dropFirst().first {
    readFeedInPieces(path)
    exit(0)
}
if arguments.first == "read-feed-whole", let path = arguments.dropFirst().first {
    readFeedWhole(path)
    exit(0)
}
let onlyICalendar = arguments.first == "icalendar"
let eventCount = arguments.dropFirst().first.flatMap { Int($0) } ?? 100_000

let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
guard
    let bundledText = try? String(contentsOf: repository.appendingPathComponent("fixtures/team.yaml"), encoding: .utf8)
else {
    print("cannot read fixtures/team.yaml")
    exit(2)
}
if !onlyICalendar {
    let bundled = load(bundledText, "fixtures/team.yaml")
    let asOf = LocalDate(iso: "2026-01-05") ?? LocalDate(daysSinceEpoch: 0)

    var shiftCount = 0
    let tenYears = fastest(20) {
        shiftCount =
            Planner.plan(config: bundled, ledger: .empty, asOf: asOf, horizon: CalendarSpan(count: 10, unit: .years))
            .shifts.count
    }
    print(
        "bundled team, 10 years (\(shiftCount) shifts): \(String(format: "%.2f", tenYears)) ms (fastest of 20; "
            + "target well under 50 ms, issue 12)"
    )

    let teams = (0..<500).map { load(teamText($0), "team-\($0).yaml") }
    var organisationShifts = 0
    let organisation = fastest(3) {
        organisationShifts = 0
        for team in teams {
            organisationShifts +=
                Planner.plan(config: team, ledger: .empty, asOf: asOf, horizon: CalendarSpan(count: 3, unit: .years))
                .shifts
                .count
        }
    }
    print(
        "500 teams of 8, 3 years (\(organisationShifts) shifts): \(String(format: "%.0f", organisation)) ms (fastest of 3)"
    )
    print("peak memory: \(String(format: "%.1f", peakMemoryMiB())) MiB")
}

// MARK: iCalendar: write 100,000 events and read them back.

/// A calendar of `count` weekly on-call events with TZID times, a folded description and an alarm.
func sampleCalendar(_ count: Int) -> CalendarDocument {
    let events = (0..<count).map { index -> Event in
        let day = (LocalDate(iso: "2026-01-05") ?? LocalDate(daysSinceEpoch: 0)).adding(days: index)
        let next = day.adding(days: 7)
        func parts(_ date: LocalDate) -> DateTimeValue.LocalParts {
            DateTimeValue.LocalParts(year: date.year, month: date.month, day: date.day, hour: 10, minute: 0)
        }
        return Event(
            uid: "shift-\(index)@bench.example.com",
            dtstamp: .utc(parts(day)),
            start: .zoned(tzid: "America/New_York", parts(day)),
            end: .zoned(tzid: "America/New_York", parts(next)),
            summary: "On call: Engineer \(index % 8)",
            description: "Escalation: on call, then the primary owner, then the secondary owner; runbooks, "
                + "pipelines and the reasons for this shift, long enough to fold twice.",
            categories: ["On call"],
            transparency: .transparent,
            alarms: [Alarm(trigger: DurationValue(days: 1, isNegative: true), description: "On call tomorrow")]
        )
    }
    return CalendarDocument(prodID: "-//rota//bench//EN", events: events)
}

let document = sampleCalendar(eventCount)
var written: [UInt8] = []
let writeMilliseconds = fastest(3) { written = ICalendarWriter.write(document) }
var readCount = 0
let readMilliseconds = fastest(3) {
    readCount = (try? ICalendarReader.read(written))?.events.count ?? -1
}
print(
    "iCalendar, \(eventCount) events (\(written.count / 1_048_576) MiB): write \(String(format: "%.0f", Double(eventCount) / writeMilliseconds * 1000)) events/s, "
        + "read \(String(format: "%.0f", Double(readCount) / readMilliseconds * 1000)) events/s"
)
print("peak memory after iCalendar: \(String(format: "%.1f", peakMemoryMiB())) MiB")
measureFeedReading(written)
