package import Foundation
package import RotaModel

/// One team of an organisation, as the cross-team check sees it: how messages name it, its config and its plan.
package struct TeamPlan: Sendable {
    /// How messages name the team: its config file.
    package let label: String
    package let config: TeamConfig
    package let schedule: Schedule

    package init(label: String, config: TeamConfig, schedule: Schedule) {
        self.label = label
        self.config = config
        self.schedule = schedule
    }
}

/// A stretch of one team's on-call time held by one person: the pieces of one shift, joined.
package struct TeamDuty: Hashable, Sendable {
    /// The team's label (its config file) and name.
    package let team: String
    package let teamName: String
    package let engineer: EngineerID
    /// Wall-clock start and end in the team's rotation zone, as its plan shows them.
    package let start: LocalDateTime
    package let end: LocalDateTime
    package let zone: TimeZoneID
    package let startInstant: Date
    package let endInstant: Date

    package func overlaps(_ other: TeamDuty) -> Bool {
        startInstant < other.endInstant && other.startInstant < endInstant
    }
}

/// One person on call for two teams at once.
package struct CrossTeamConflict: Hashable, Sendable {
    /// The person's email as the first team writes it (emails are compared without regard to case).
    package let email: String
    package let name: String
    /// The earlier-starting duty first (by team label when they start together).
    package let first: TeamDuty
    package let second: TeamDuty
}

/// One person whose PTO differs between the teams they are in.
package struct PTOMismatch: Hashable, Sendable {
    package let email: String
    package let name: String
    /// Each team the person is in, by label, with the PTO it gives them, in the order the teams were given.
    package let teams: [Team]

    package struct Team: Hashable, Sendable {
        package let label: String
        package let pto: [PTORange]
    }
}

/// The rules that span teams: nobody is on call for two teams at overlapping times, and one person's PTO is the same
/// in every team they are in.
///
/// People are matched by email, without regard to case: the same person may have different ids and names in two teams.
package enum CrossTeamCheck {
    /// Every pair of overlapping duties of one person in two different teams, ordered by start, then person, then team.
    ///
    /// Uncovered shifts are not duties (nobody is on call). Complexity: one sort per person, then a sweep that only
    /// compares duties that overlap, so a folder of 500 teams costs little more than reading their plans.
    package static func conflicts(_ teams: [TeamPlan]) -> [CrossTeamConflict] {
        var byPerson: [String: [TeamDuty]] = [:]
        var names: [String: (email: String, name: String)] = [:]
        for person in sharedPeople(teams) {
            names[person.key] = (person.email, person.name)
            byPerson[person.key] = []
        }
        guard !byPerson.isEmpty else { return [] }
        for team in teams {
            for duty in duties(of: team) {
                guard let email = team.config.engineer(duty.engineer)?.email.lowercased(),
                    byPerson[email] != nil
                else { continue }
                byPerson[email, default: []].append(duty)
            }
        }
        var found: [CrossTeamConflict] = []
        for (email, unsorted) in byPerson {
            let duties = unsorted.sorted { ($0.startInstant, $0.team) < ($1.startInstant, $1.team) }
            for (index, duty) in duties.enumerated() {
                for later in duties[(index + 1)...] {
                    guard later.startInstant < duty.endInstant else { break }
                    if later.team != duty.team, duty.overlaps(later), let person = names[email] {
                        found.append(
                            CrossTeamConflict(email: person.email, name: person.name, first: duty, second: later)
                        )
                    }
                }
            }
        }
        return found.sorted {
            ($0.first.startInstant, $0.email.lowercased(), $0.first.team, $0.second.team)
                < ($1.first.startInstant, $1.email.lowercased(), $1.first.team, $1.second.team)
        }
    }

    /// Every person in two or more teams whose PTO (the days, not the notes) is not the same in all of them, by email.
    package static func ptoMismatches(_ teams: [TeamPlan]) -> [PTOMismatch] {
        var found: [PTOMismatch] = []
        for person in sharedPeople(teams) {
            let entries = person.members.map { member in
                PTOMismatch.Team(label: member.label, pto: member.engineer.pto)
            }
            let days = Set(entries.map { $0.pto.map { [$0.first, $0.last] } })
            if days.count > 1 {
                found.append(PTOMismatch(email: person.email, name: person.name, teams: entries))
            }
        }
        return found
    }

    /// Someone listed in more than one team.
    private struct SharedPerson {
        /// The email, lowercased.
        let key: String
        let email: String
        let name: String
        let members: [(label: String, engineer: Engineer)]
    }

    /// The people who are in two or more teams, by lowercased email, in order of that email.
    private static func sharedPeople(_ teams: [TeamPlan]) -> [SharedPerson] {
        var members: [String: [(label: String, engineer: Engineer)]] = [:]
        for team in teams {
            var seen = Set<String>()
            for engineer in team.config.engineers {
                let key = engineer.email.lowercased()
                guard seen.insert(key).inserted else { continue }
                members[key, default: []].append((team.label, engineer))
            }
        }
        return members.filter { Set($0.value.map(\.label)).count > 1 }.sorted { $0.key < $1.key }.map {
            SharedPerson(
                key: $0.key,
                email: $0.value[0].engineer.email,
                name: $0.value[0].engineer.name,
                members: $0.value
            )
        }
    }

    /// The team's covered on-call time, the pieces of each shift held by one engineer joined into one duty.
    package static func duties(of team: TeamPlan) -> [TeamDuty] {
        var duties: [TeamDuty] = []
        for shift in team.schedule.shifts where !shift.uncovered {
            if let last = duties.last, last.engineer == shift.engineer, last.endInstant == shift.startInstant {
                duties[duties.count - 1] = TeamDuty(
                    team: last.team,
                    teamName: last.teamName,
                    engineer: last.engineer,
                    start: last.start,
                    end: shift.end,
                    zone: last.zone,
                    startInstant: last.startInstant,
                    endInstant: shift.endInstant
                )
            } else {
                duties.append(
                    TeamDuty(
                        team: team.label,
                        teamName: team.config.team,
                        engineer: shift.engineer,
                        start: shift.start,
                        end: shift.end,
                        zone: team.config.rotation.timeZone,
                        startInstant: shift.startInstant,
                        endInstant: shift.endInstant
                    )
                )
            }
        }
        return duties
    }
}
