import RotaModel
import Scheduler

/// What `rota check --config DIR` says about the rules that span teams: one person on call for two teams at once
/// (a conflict), and one person's PTO given differently in two teams (a warning).
enum CrossTeamText {
    /// The section after the teams' own output; empty when nobody is in two teams.
    static func render(conflicts: [CrossTeamConflict], mismatches: [PTOMismatch], teams: Int) -> String {
        var lines = ["== across \(Plural.count(teams, "team")) =="]
        if conflicts.isEmpty && mismatches.isEmpty {
            lines.append("Nobody is on call for two teams at once.")
        }
        if !conflicts.isEmpty {
            lines.append(
                "Conflicts, one person on call for two teams at once (rota check exits 1 until each is resolved):"
            )
            for conflict in conflicts {
                lines.append(
                    "  \(conflict.name) <\(conflict.email)>: \(duty(conflict.first)), and \(duty(conflict.second))"
                )
            }
            lines.append(
                "Move one of the shifts (an override, a swap, or another order) so the person holds one at a time."
            )
        }
        if !mismatches.isEmpty {
            if !conflicts.isEmpty { lines.append("") }
            lines.append("Warnings:")
            for mismatch in mismatches {
                let each = mismatch.teams.map { "\(fileName($0.label)) gives \(pto($0.pto))" }.joined(separator: "; ")
                lines.append("  \(mismatch.name) <\(mismatch.email)> has different PTO in different teams: \(each)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `Team (team.yaml) 2027-01-04T10:00 to 2027-01-11T10:00 America/New_York as e1`: the team by its name and its
    /// file's name (the headers above give the whole path), the shift in the team's own zone.
    private static func duty(_ duty: TeamDuty) -> String {
        "\(duty.teamName) (\(fileName(duty.team))) \(duty.start) to \(duty.end) \(duty.zone) as \(duty.engineer)"
    }

    private static func fileName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    private static func pto(_ ranges: [PTORange]) -> String {
        ranges.isEmpty
            ? "none"
            : ranges.map { $0.first == $0.last ? "\($0.first)" : "\($0.first) to \($0.last)" }
                .joined(separator: ", ")
    }

    /// The JSON form, under `across_teams` in `rota check --config DIR --format json`.
    static func json(conflicts: [CrossTeamConflict], mismatches: [PTOMismatch]) throws -> String {
        try JSONOutput.encode(
            Document(
                conflicts: conflicts.map {
                    Conflict(email: $0.email, name: $0.name, first: Duty($0.first), second: Duty($0.second))
                },
                ptoWarnings: mismatches.map { mismatch in
                    PTOWarning(
                        email: mismatch.email,
                        name: mismatch.name,
                        teams: mismatch.teams.map { team in
                            TeamPTO(
                                config: team.label,
                                pto: team.pto.map { PTO(from: "\($0.first)", to: "\($0.last)") }
                            )
                        }
                    )
                }
            )
        )
    }

    struct Document: Encodable {
        let conflicts: [Conflict]
        let ptoWarnings: [PTOWarning]
    }

    struct Conflict: Encodable {
        let email: String
        let name: String
        let first: Duty
        let second: Duty
    }

    struct Duty: Encodable {
        let config: String
        let team: String
        let engineer: String
        let start: String
        let end: String
        let timeZone: String

        init(_ duty: TeamDuty) {
            config = duty.team
            team = duty.teamName
            engineer = duty.engineer.rawValue
            start = "\(duty.start)"
            end = "\(duty.end)"
            timeZone = duty.zone.identifier
        }
    }

    struct PTOWarning: Encodable {
        let email: String
        let name: String
        let teams: [TeamPTO]
    }

    struct TeamPTO: Encodable {
        let config: String
        let pto: [PTO]
    }

    struct PTO: Encodable {
        let from: String
        let to: String
    }
}
