import Foundation
import ICalendar
import RotaModel
import RotaTestSupport
import Testing

@testable import Scheduler

/// Configs for scheduler tests, built as YAML text and loaded through the real loader, so every test
/// world is a config a user could write.
enum TestWorlds {
    static let repositoryRoot = RepositoryRoot.url

    static func bundled() throws -> TeamConfig {
        let bytes = Array(try Data(contentsOf: repositoryRoot.appendingPathComponent("fixtures/team.yaml")))
        return try ConfigLoader.load(bytes: bytes, file: "fixtures/team.yaml")
    }

    static func load(_ yaml: String) throws -> TeamConfig {
        do {
            return try ConfigLoader.load(bytes: Array(yaml.utf8), file: "world.yaml")
        } catch {
            Issue.record("test world does not load:\n\(error)\n\(yaml)")
            throw error
        }
    }

    /// The bundled team's YAML with `extra` appended (extra top-level keys such as overrides).
    static func bundledText(replacing old: String = "", with new: String = "") throws -> String {
        let text = try String(contentsOf: repositoryRoot.appendingPathComponent("fixtures/team.yaml"), encoding: .utf8)
        return old.isEmpty ? text : text.replacingOccurrences(of: old, with: new)
    }

    /// A random team: 2 to 6 engineers, random PTO, random major holidays, weekly or fortnightly shifts.
    static func random(
        using generator: inout some RandomNumberGenerator,
        pto: Bool = true,
        holidays: Bool = true,
        engineers: ClosedRange<Int> = 2...6
    )
        -> String
    {
        let count = Int.random(in: engineers, using: &generator)
        let ids = (0..<count).map { "e\($0)" }
        var yaml = "team: World\nengineers:\n"
        for id in ids {
            yaml += "  - id: \(id)\n    name: \(id.uppercased())\n    email: \(id)@example.com\n"
            if pto, Bool.random(using: &generator) {
                yaml += "    pto:\n"
                var day = LocalDate(year: 2026, month: 1, day: 1)?.adding(
                    days: Int.random(in: 0...60, using: &generator)
                )
                for _ in 0..<Int.random(in: 1...4, using: &generator) {
                    guard let start = day else { break }
                    let end = start.adding(days: Int.random(in: 0...12, using: &generator))
                    yaml += "      - { from: \(start), to: \(end) }\n"
                    day = end.adding(days: Int.random(in: 20...150, using: &generator))
                }
            }
        }
        yaml += "ownership: { primary: { min: 0, max: 9 }, secondary: { min: 0, max: 9 } }\n"
        yaml += "pipelines:\n  - { id: p, name: P, business_area: A, primary: e0, secondary: e1 }\n"
        let length = Bool.random(using: &generator) ? "1w" : "2w"
        let hour = Int.random(in: 0...23, using: &generator)
        let order = ids.shuffled(using: &generator).joined(separator: ", ")
        yaml += """
            rotation:
              length: \(length)
              handoff: { time: "\(hour < 10 ? "0" : "")\(hour):00" }
              time_zone: America/New_York
              order: [\(order)]
              start: 2026-01-05

            """
        if holidays {
            let all = ["new-years-day", "memorial-day", "independence-day", "labor-day", "thanksgiving", "christmas"]
            let major = all.filter { _ in Bool.random(using: &generator) }
            yaml += "holidays:\n  major: [\(major.joined(separator: ", "))]\n"
        } else {
            yaml += "holidays:\n  builtin: none\n"
        }
        return yaml
    }
}

extension LocalDate {
    static func on(_ text: String) -> LocalDate {
        LocalDate(iso: text) ?? LocalDate(daysSinceEpoch: 0)
    }
}
