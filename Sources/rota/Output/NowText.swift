import ICalendar
import RotaModel
import Scheduler

/// The table and JSON forms of `rota now`; docs/commands.md documents the JSON fields.
enum NowText {
    struct Document: Encodable {
        let at: String
        let team: String
        let timeZone: String
        let onCall: String
        let onCallName: String
        let uncovered: Bool
        let since: String
        let until: String
        let kind: String
        let backups: [PlanJSON.Backup]
        let next: Next?
        let holidays: [PlanJSON.Occasion]
    }

    struct Next: Encodable {
        let at: String
        let engineer: String
        let engineerName: String
        let uncovered: Bool
    }

    static func table(_ now: OnCallNow, config: TeamConfig) -> String {
        func name(_ id: EngineerID) -> String { config.engineer(id)?.name ?? id.rawValue }
        let shift = now.shift
        var lines = headline(now, config: config)
        lines.append("")
        lines.append("Backups on \(now.moment.date):")
        let rows = now.backups.map { backup -> [String] in
            let pipeline = config.pipelines.first { $0.id == backup.pipeline }?.name ?? backup.pipeline.rawValue
            guard let engineer = backup.engineer, let role = backup.role else {
                return ["  " + pipeline, "nobody: both owners are on call or away"]
            }
            return ["  " + pipeline, "\(name(engineer)) (\(role.rawValue))"]
        }
        lines += TextTable(header: ["  pipeline", "backup"], rows: rows).lines()
        lines.append("")
        let holidays = shift.holiday?.holidays ?? []
        if holidays.isEmpty {
            lines.append("Holidays in this shift: none")
        } else {
            lines.append("Holidays in this shift:")
            lines += holidays.map { "  \($0.date)  \($0.name)" }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Who is on call (or that nobody is), since and until when, and the next hand-off: the first three lines of
    /// the table, which the schedule page shows too.
    static func headline(_ now: OnCallNow, config: TeamConfig) -> [String] {
        func name(_ id: EngineerID) -> String { config.engineer(id)?.name ?? id.rawValue }
        let zone = config.rotation.timeZone.identifier
        let shift = now.shift
        var lines: [String] = []
        if shift.uncovered {
            lines.append(
                "UNCOVERED at \(now.moment) (\(zone)): everyone is away; \(name(shift.engineer)) is on call if back"
            )
        } else {
            lines.append("On call at \(now.moment) (\(zone)): \(name(shift.engineer))")
        }
        lines.append("  since \(shift.start) until \(shift.end) (\(shift.kind.rawValue))")
        if let next = now.next {
            lines.append(
                "Next hand-off: \(next.at) to \(name(next.engineer))" + (next.uncovered ? " (UNCOVERED)" : "")
            )
        } else {
            lines.append("Next hand-off: not planned")
        }
        return lines
    }

    static func json(_ now: OnCallNow, config: TeamConfig) throws -> String {
        func name(_ id: EngineerID) -> String { config.engineer(id)?.name ?? "" }
        let shift = now.shift
        let document = Document(
            at: now.moment.description,
            team: config.team,
            timeZone: config.rotation.timeZone.identifier,
            onCall: shift.engineer.rawValue,
            onCallName: name(shift.engineer),
            uncovered: shift.uncovered,
            since: shift.start.description,
            until: shift.end.description,
            kind: shift.kind.rawValue,
            backups: now.backups.map {
                PlanJSON.Backup(
                    pipeline: $0.pipeline.rawValue,
                    engineer: $0.engineer?.rawValue,
                    role: $0.role?.rawValue
                )
            },
            next: now.next.map {
                Next(
                    at: $0.at.description,
                    engineer: $0.engineer.rawValue,
                    engineerName: name($0.engineer),
                    uncovered: $0.uncovered
                )
            },
            holidays: (shift.holiday?.holidays ?? []).map {
                PlanJSON.Occasion(id: $0.id.rawValue, name: $0.name, date: $0.date.description)
            }
        )
        return try JSONOutput.encode(document)
    }
}
