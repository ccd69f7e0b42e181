/// What a team has decided and recorded: locked shifts, holiday decisions and PTO credits.
///
/// The ledger is a YAML file beside the config, written by `rota plan --record` and reviewed in pull
/// requests like the config. Entries are only ever appended: a recorded shift keeps its engineer when
/// the config later changes (only an override moves it), and fairness across years is computed from
/// the holiday decisions recorded here.
package struct Ledger: Hashable, Sendable {
    /// Locked shifts, sorted by start date, at most one per start date.
    package var shifts: [RecordedShift]
    /// Holiday decisions, sorted by shift start then holiday id, at most one per holiday and year.
    package var holidays: [HolidayDecision]
    /// PTO credits earned by volunteers, sorted by the date they were recorded, then engineer.
    package var credits: [PTOCredit]
    /// Changes to locked shifts (conflict resolutions and agreed swaps), in the order they were recorded.
    package var swaps: [LedgerSwap]

    package init(
        shifts: [RecordedShift] = [],
        holidays: [HolidayDecision] = [],
        credits: [PTOCredit] = [],
        swaps: [LedgerSwap] = []
    ) {
        self.shifts = shifts
        self.holidays = holidays
        self.credits = credits
        self.swaps = swaps
    }

    package static let empty = Ledger()

    package var isEmpty: Bool { shifts.isEmpty && holidays.isEmpty && credits.isEmpty && swaps.isEmpty }

    /// Who the ledger puts on each shift it fixes: recorded shifts, then every swap applied in order.
    ///
    /// Recorded shifts are history and never rewritten; a swap records a later change to them.
    package var fixedEngineers: [LocalDate: EngineerID] {
        var result = Dictionary(shifts.map { ($0.start, $0.engineer) }, uniquingKeysWith: { first, _ in first })
        for swap in swaps {
            result[swap.shift] = swap.engineer
            if let giveBack = swap.giveBack { result[giveBack.shift] = giveBack.engineer }
        }
        return result
    }
}

/// A change to the engineers of locked shifts, recorded by `rota plan --record` (a conflict's resolution)
/// or a hand edit the team reviewed (a swap two engineers agreed on).
///
/// `engineer` takes `shift`; when the engineer who had it can give a shift back, `giveBack` says which
/// later shift they take instead, so both keep their counts. A shift whose engineer left has no give-back.
package struct LedgerSwap: Hashable, Sendable {
    /// A shift and who is on call for it after the swap.
    package struct Assignment: Hashable, Sendable {
        package let shift: LocalDate
        package let engineer: EngineerID

        package init(shift: LocalDate, engineer: EngineerID) {
            self.shift = shift
            self.engineer = engineer
        }
    }

    package let shift: LocalDate
    package let engineer: EngineerID
    package let giveBack: Assignment?
    /// Why, as people read it: "kim is on PTO 2027-01-04 to 2027-01-08", "agreed by kim and smith".
    package let cause: String
    package let recorded: LocalDate

    package init(shift: LocalDate, engineer: EngineerID, giveBack: Assignment?, cause: String, recorded: LocalDate) {
        self.shift = shift
        self.engineer = engineer
        self.giveBack = giveBack
        self.cause = cause
        self.recorded = recorded
    }
}

/// A shift whose engineer is fixed: it was inside the lock window when it was recorded.
package struct RecordedShift: Hashable, Sendable {
    /// The shift's hand-off date, which identifies it.
    package let start: LocalDate
    package let engineer: EngineerID
    /// The `--as-of` date of the `rota plan --record` run that recorded it.
    package let recorded: LocalDate

    package init(start: LocalDate, engineer: EngineerID, recorded: LocalDate) {
        self.start = start
        self.engineer = engineer
        self.recorded = recorded
    }
}

/// Who covers a major holiday in a given year, and why.
package struct HolidayDecision: Hashable, Sendable {
    /// Why an engineer got a holiday shift; the order of the rules in docs/design.md.
    package enum Reason: String, CaseIterable, Hashable, Sendable {
        /// The engineer volunteered (and earns PTO credit).
        case volunteer
        /// Fair rotation across years: fewest holiday shifts, not last year's cover, oldest last holiday.
        case rotation
        /// Everyone else was away, or covered the same holiday last year.
        case onlyAvailable = "only-available"
    }

    package let holiday: HolidayID
    package let year: Int
    /// The hand-off date of the shift that contains the holiday.
    package let shift: LocalDate
    package let engineer: EngineerID
    package let reason: Reason
    /// The explanation shown to people, such as "fewest holiday shifts (1); smith covered it in 2025".
    package let note: String
    package let recorded: LocalDate

    package init(
        holiday: HolidayID,
        year: Int,
        shift: LocalDate,
        engineer: EngineerID,
        reason: Reason,
        note: String,
        recorded: LocalDate
    ) {
        self.holiday = holiday
        self.year = year
        self.shift = shift
        self.engineer = engineer
        self.reason = reason
        self.note = note
        self.recorded = recorded
    }
}

/// Days of PTO an engineer earned by volunteering for a holiday shift.
package struct PTOCredit: Hashable, Sendable {
    package let engineer: EngineerID
    package let days: Int
    package let holiday: HolidayID
    package let year: Int
    package let recorded: LocalDate

    package init(engineer: EngineerID, days: Int, holiday: HolidayID, year: Int, recorded: LocalDate) {
        self.engineer = engineer
        self.days = days
        self.holiday = holiday
        self.year = year
        self.recorded = recorded
    }
}
