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

    package init(shifts: [RecordedShift] = [], holidays: [HolidayDecision] = [], credits: [PTOCredit] = []) {
        self.shifts = shifts
        self.holidays = holidays
        self.credits = credits
    }

    package static let empty = Ledger()

    package var isEmpty: Bool { shifts.isEmpty && holidays.isEmpty && credits.isEmpty }
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
    /// Why an engineer got a holiday shift; the order of the rules in DESIGN.md.
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
