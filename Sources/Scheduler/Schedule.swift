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
    /// The first hand-off date after the lock window: shifts before it are settled (locked, or locked by
    /// the next `--record`); later ones may still change.
    package let settledUntil: LocalDate
    /// Conflicts from the as-of date on, in time order: what `rota check` exits 1 for.
    package let conflicts: [SchedulingConflict]
    /// Things the team should know that are not conflicts, in time order.
    package let warnings: [SchedulingWarning]

    /// The swaps `rota plan --record` records: the proposed resolution of every conflict that has one.
    package var dueSwaps: [LedgerSwap] { conflicts.compactMap(\.resolution) }

    /// Whether shift `handOff` is inside the lock window (or before it).
    package func isSettled(_ handOff: LocalDate) -> Bool { handOff < settledUntil }
}

/// A shift the plan cannot keep as the ledger has it, or cannot cover at all.
package struct SchedulingConflict: Hashable, Sendable {
    package enum Cause: Hashable, Sendable {
        /// The locked engineer is on PTO (the text says when).
        case pto(String)
        /// The locked engineer left the team, has not joined yet, or is no longer in the config.
        case departure(String)
        /// An override puts this engineer on the locked shift.
        case override(EngineerID)
        /// Everyone is away.
        case uncovered

        /// The cause as people read it.
        package var text: String {
            switch self {
            case let .pto(text), let .departure(text): return text
            case let .override(engineer): return "an override puts \(engineer) on it"
            case .uncovered: return "everyone is away"
            }
        }

        /// `pto`, `departure`, `override` or `uncovered`, for JSON.
        package var kind: String {
            switch self {
            case .pto: return "pto"
            case .departure: return "departure"
            case .override: return "override"
            case .uncovered: return "uncovered"
            }
        }
    }

    /// The shift's hand-off date.
    package let shift: LocalDate
    /// Who the ledger has on it (for an uncovered shift, who would be on call if they came back).
    package let engineer: EngineerID
    package let cause: Cause
    /// The swap this plan proposes, which `rota plan --record` records; nil when there is none to propose.
    package let resolution: LedgerSwap?
}

/// Something the plan had to accept, or a gap the team should fill: a forced back-to-back, a pipeline
/// with no backup on a holiday, a pledge that came too late.
package struct SchedulingWarning: Hashable, Sendable {
    package enum Kind: String, Hashable, Sendable {
        case backToBack = "back-to-back"
        case noBackup = "no-backup"
        case latePledge = "late-pledge"
        case ownerLeaves = "owner-leaves"
    }

    package let kind: Kind
    /// The hand-off date of the shift it is about.
    package let shift: LocalDate
    package let text: String
    /// Whom it is about, when it is about one engineer (the volunteer of a late pledge, the engineer of a
    /// forced back-to-back).
    package var engineer: EngineerID? = nil
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
    /// Everyone is away: `engineer` is only who would be on call if they came back.
    package let uncovered: Bool
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
        /// Someone else needs a shift off (the rest rule).
        case rest
        /// A proposed or recorded swap that resolves a conflict.
        case conflictSwap = "conflict-swap"
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
