// Prints how long planning takes and how much memory it needs, for the figures in issue 3:
// ten years of the bundled team, and an organisation of 500 teams of 8 engineers over 3 years.
// Run with `make bench` (release build). Figures vary with the machine; nothing here asserts them.
import Foundation
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

let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
guard
    let bundledText = try? String(contentsOf: repository.appendingPathComponent("fixtures/team.yaml"), encoding: .utf8)
else {
    print("cannot read fixtures/team.yaml")
    exit(2)
}
let bundled = load(bundledText, "fixtures/team.yaml")
let asOf = LocalDate(iso: "2026-01-05") ?? LocalDate(daysSinceEpoch: 0)

var shiftCount = 0
let tenYears = fastest(20) {
    shiftCount =
        Planner.plan(config: bundled, ledger: .empty, asOf: asOf, horizon: CalendarSpan(count: 10, unit: .years))
        .shifts.count
}
print("bundled team, 10 years (\(shiftCount) shifts): \(String(format: "%.2f", tenYears)) ms (fastest of 20)")

let teams = (0..<500).map { load(teamText($0), "team-\($0).yaml") }
var organisationShifts = 0
let organisation = fastest(3) {
    organisationShifts = 0
    for team in teams {
        organisationShifts +=
            Planner.plan(config: team, ledger: .empty, asOf: asOf, horizon: CalendarSpan(count: 3, unit: .years)).shifts
            .count
    }
}
print(
    "500 teams of 8, 3 years (\(organisationShifts) shifts): \(String(format: "%.0f", organisation)) ms (fastest of 3)"
)
print("peak memory: \(String(format: "%.1f", peakMemoryMiB())) MiB")
