import ICalendar

/// How on-call duty rotates: shifts of a fixed length, handed off at a wall-clock time in one zone.
///
/// Shift `k` starts on `start + k × length` at `handOffTime` in `timeZone`; because boundaries are
/// wall-clock times, a hand-off stays at 10:00 across daylight-saving changes.
package struct Rotation: Hashable, Sendable {
    /// Shift length in days (7 for a weekly rotation); always positive.
    package let lengthDays: Int
    package let handOffWeekday: Weekday
    package let handOffTime: LocalTime
    package let timeZone: TimeZoneID
    /// Who takes shifts, round robin; never empty and never repeats an engineer.
    package let order: [EngineerID]
    /// The first day of shift 0; falls on `handOffWeekday`.
    package let start: LocalDate

    /// Whether a shift starts on `date` (the first shift or a later one).
    package func isHandOffDate(_ date: LocalDate) -> Bool {
        let offset = start.days(until: date)
        return offset >= 0 && offset % lengthDays == 0
    }

    /// The start date of the shift that contains the wall-clock `moment`, or nil before the rotation starts.
    package func shiftStart(containing moment: LocalDateTime) -> LocalDate? {
        var offset = start.days(until: moment.date)
        if moment.time < handOffTime { offset -= 1 }
        guard offset >= 0 else { return nil }
        return start.adding(days: offset - offset % lengthDays)
    }
}
