import ICalendar
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
        let settledUntil: String
        let conflicts: [Conflict]
        let warnings: [Warning]
    }

    struct Conflict: Encodable {
        let shift: String
        let engineer: String
        let cause: String
        let text: String
        let resolution: Swap?
    }

    struct Swap: Encodable {
        let shift: String
        let engineer: String
        let giveBack: Lock?
        let cause: String

        init(_ swap: LedgerSwap) {
            shift = swap.shift.description
            engineer = swap.engineer.rawValue
            giveBack = swap.giveBack.map { Lock(start: $0.shift.description, engineer: $0.engineer.rawValue) }
            cause = swap.cause
        }
    }

    struct Warning: Encodable {
        let kind: String
        let shift: String
        let text: String
    }

    static func conflicts(_ schedule: Schedule) -> [Conflict] {
        schedule.conflicts.map {
            Conflict(
                shift: $0.shift.description,
                engineer: $0.engineer.rawValue,
                cause: $0.cause.kind,
                text: $0.cause.text,
                resolution: $0.resolution.map(Swap.init)
            )
        }
    }

    static func warnings(_ schedule: Schedule) -> [Warning] {
        schedule.warnings.map { Warning(kind: $0.kind.rawValue, shift: $0.shift.description, text: $0.text) }
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
        let uncovered: Bool
        let settled: Bool
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
        let swaps: [Swap]
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
                uncovered: shift.uncovered,
                settled: schedule.isSettled(shift.handOff),
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
                locks: schedule.dueLocks.map { Lock(start: $0.start.description, engineer: $0.engineer.rawValue) },
                swaps: schedule.dueSwaps.map(Swap.init)
            ),
            settledUntil: schedule.settledUntil.description,
            conflicts: conflicts(schedule),
            warnings: warnings(schedule)
        )
        return try JSONOutput.encode(document)
    }
}
