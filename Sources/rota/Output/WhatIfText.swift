import ICalendar
import RotaModel
import Scheduler

/// What `rota plan --what-if` prints: the shifts that move and why.
enum WhatIfText {
    static func render(_ changes: [PlanComparison.Change], config: TeamConfig, otherPath: String) -> String {
        func names(_ ids: [EngineerID]) -> String {
            ids.isEmpty ? "nobody" : ids.map { config.engineer($0)?.name ?? $0.rawValue }.joined(separator: " + ")
        }
        guard !changes.isEmpty else { return "No shift moves with \(otherPath).\n" }
        let count = changes.count == 1 ? "1 shift moves" : "\(changes.count) shifts move"
        var lines = ["\(count) with \(otherPath):", ""]
        for change in changes {
            lines.append("\(change.handOff): \(names(change.before)) -> \(names(change.after))")
            for reason in change.reasons where reason.kind != .rotation {
                lines.append("    \(reason.text)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func json(_ changes: [PlanComparison.Change]) throws -> String {
        // The encoder writes an empty array over two lines; `[]` reads better.
        guard !changes.isEmpty else { return "[]\n" }
        struct Entry: Encodable {
            let handOff: String
            let before: [String]
            let after: [String]
            let reasons: [PlanJSON.Reason]
        }
        return try JSONOutput.encode(
            changes.map {
                Entry(
                    handOff: $0.handOff.description,
                    before: $0.before.map(\.rawValue),
                    after: $0.after.map(\.rawValue),
                    reasons: $0.reasons.map { PlanJSON.Reason(kind: $0.kind.rawValue, text: $0.text) }
                )
            }
        )
    }
}
