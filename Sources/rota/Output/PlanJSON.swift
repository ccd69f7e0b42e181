import RotaModel
import Scheduler

/// The JSON form of `rota plan`; docs/commands.md documents every field.
enum PlanJSON {
    struct Document: Encodable {
        let asOf: String
        let team: String
        let timeZone: String
        let shifts: [ShiftEntry]
        let due: Due
    }

    struct ShiftEntry: Encodable {
        let handOff: String
        let start: String
        let end: String
        let startUTC: String
        let endUTC: String
        let engineer: String
        let engineerName: String
        let kind: String
        let locked: Bool
        let reasons: [Reason]
        let holiday: Holiday?
    }

    struct Reason: Encodable {
        let kind: String
        let text: String
    }

    struct Holiday: Encodable {
        let holidays: [Occasion]
        let decision: Decision
        let recorded: Bool
        let due: Bool
        let backups: [Backup]
    }

    struct Occasion: Encodable {
        let id: String
        let name: String
        let date: String
    }

    struct Decision: Encodable {
        let holiday: String
        let year: Int
        let shift: String
        let engineer: String
        let reason: String
        let note: String

        init(_ decision: HolidayDecision) {
            holiday = decision.holiday.rawValue
            year = decision.year
            shift = decision.shift.description
            engineer = decision.engineer.rawValue
            reason = decision.reason.rawValue
            note = decision.note
        }
    }

    struct Backup: Encodable {
        let pipeline: String
        let engineer: String?
        let role: String?
    }

    struct Due: Encodable {
        let decisions: [Decision]
        let locks: [Lock]
    }

    struct Lock: Encodable {
        let start: String
        let engineer: String
    }

    static func render(_ schedule: Schedule, config: TeamConfig) throws -> String {
        let shifts = schedule.shifts.map { shift in
            ShiftEntry(
                handOff: shift.handOff.description,
                start: shift.start.description,
                end: shift.end.description,
                startUTC: UTCTimestamp.string(shift.startInstant),
                endUTC: UTCTimestamp.string(shift.endInstant),
                engineer: shift.engineer.rawValue,
                engineerName: config.engineer(shift.engineer)?.name ?? "",
                kind: shift.kind.rawValue,
                locked: shift.locked,
                reasons: shift.reasons.map { Reason(kind: $0.kind.rawValue, text: $0.text) },
                holiday: shift.holiday.map { cover in
                    Holiday(
                        holidays: cover.holidays.map {
                            Occasion(id: $0.id.rawValue, name: $0.name, date: $0.date.description)
                        },
                        decision: Decision(cover.decision),
                        recorded: cover.recorded,
                        due: cover.due,
                        backups: cover.backups.map {
                            Backup(
                                pipeline: $0.pipeline.rawValue,
                                engineer: $0.engineer?.rawValue,
                                role: $0.role?.rawValue
                            )
                        }
                    )
                }
            )
        }
        let document = Document(
            asOf: schedule.asOf.description,
            team: config.team,
            timeZone: config.rotation.timeZone.identifier,
            shifts: shifts,
            due: Due(
                decisions: schedule.dueDecisions.map(Decision.init),
                locks: schedule.dueLocks.map { Lock(start: $0.start.description, engineer: $0.engineer.rawValue) }
            )
        )
        return try JSONOutput.encode(document)
    }
}
