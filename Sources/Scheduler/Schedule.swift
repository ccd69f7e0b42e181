package import Foundation
package import RotaModel

/// Who is on call when, and why: the output of `Planner.plan`.
package struct Schedule: Hashable, Sendable {
    /// Contiguous, non-overlapping pieces of on-call time in start order.
    ///
    /// A partial override splits a
    /// shift into pieces that share the shift's `handOff` date.
    package let shifts: [Shift]
    /// Holiday decisions inside the lead-time window that the ledger does not hold yet: what
    /// `rota plan --record` records.
    package let dueDecisions: [HolidayDecision]
    /// Shifts inside the lock window that the ledger does not hold yet, with their planned engineer.
    package let dueLocks: [RecordedShift]
    /// The as-of date the schedule was computed for.
    package let asOf: LocalDate
}

/// A stretch of on-call time with one engineer.
package struct Shift: Hashable, Sendable {
    /// The hand-off date that identifies the shift (its first day), shared by all pieces of a split shift.
    package let handOff: LocalDate
    /// Position of the shift in the rotation (0 is the first shift after `rotation.start`).
    package let index: Int
    /// Wall-clock start and end in the rotation's zone; the end is the next piece's start.
    package let start: LocalDateTime
    package let end: LocalDateTime
    /// The same moments as instants (UTC), for feeds.
    package let startInstant: Date
    package let endInstant: Date
    package let engineer: EngineerID
    package let kind: ShiftKind
    /// Why this engineer is on call, most important first.
    package let reasons: [ShiftReason]
    /// Set on holiday shifts: which holidays, who decided, and each pipeline's backup.
    package let holiday: HolidayCover?
    /// Whether the ledger fixes this shift's engineer (only an override can change it).
    package let locked: Bool
}

/// What kind of shift this is, as the plan table's note shows it.
package enum ShiftKind: String, Hashable, Sendable, CaseIterable {
    case regular
    case holiday
    /// Moved because of someone's PTO, or to balance a holiday swap.
    case swap
    case override
    /// A piece of a shift that an override covers for part of its time.
    case partialOverride = "partial-override"
}

/// One reason an engineer is on a shift, with a kind for machines and a sentence for people.
package struct ShiftReason: Hashable, Sendable {
    package enum Kind: String, Hashable, Sendable {
        case rotation
        case locked
        case holiday
        case holidaySwap = "holiday-swap"
        case ptoSwap = "pto-swap"
        case ptoCover = "pto-cover"
        case everyoneAway = "everyone-away"
        case override
    }

    package let kind: Kind
    package let text: String
}

/// The major holidays inside a shift and how its engineer was chosen.
package struct HolidayCover: Hashable, Sendable {
    package struct Occasion: Hashable, Sendable {
        package let id: HolidayID
        package let name: String
        package let date: LocalDate
    }

    package let holidays: [Occasion]
    /// The decision that put the engineer here: recorded in the ledger, or proposed by this plan.
    package let decision: HolidayDecision
    /// Whether `decision` comes from the ledger (false: proposed, and it may still change if outside the window).
    package let recorded: Bool
    /// Whether the shift is inside the lead-time window, so its decision is due.
    package let due: Bool
    /// Each pipeline's backup during the holiday, in config order.
    package let backups: [PipelineBackup]
}

/// Who backs up a pipeline during a holiday: its secondary owner, or the primary when the secondary
/// is the one on call or is away.
package struct PipelineBackup: Hashable, Sendable {
    package enum Role: String, Hashable, Sendable {
        case secondary, primary
    }

    package let pipeline: PipelineID
    /// Nil when both owners are on call or away.
    package let engineer: EngineerID?
    package let role: Role?
}
