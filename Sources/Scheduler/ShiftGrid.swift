import Foundation
import ICalendar
import RotaModel

/// The rotation's shifts as positions in time: where shift `k` starts and ends, which days it touches,
/// and the instants of those wall-clock moments in the rotation's zone.
struct ShiftGrid {
    let rotation: Rotation

    func handOffDate(_ index: Int) -> LocalDate {
        rotation.start.adding(days: index * rotation.lengthDays)
    }

    func start(_ index: Int) -> LocalDateTime {
        LocalDateTime(date: handOffDate(index), time: rotation.handOffTime)
    }

    /// The index of the shift that contains the wall-clock moment (negative before the rotation starts).
    func index(containing moment: LocalDateTime) -> Int {
        var offset = rotation.start.days(until: moment.date)
        if moment.time < rotation.handOffTime { offset -= 1 }
        return offset >= 0 ? offset / rotation.lengthDays : -((-offset + rotation.lengthDays - 1) / rotation.lengthDays)
    }

    /// The index of the shift that starts on hand-off date `date` (the ledger's and overrides' key).
    ///
    /// Not the shift on call at noon of that date: with a hand-off after noon, that is the shift before.
    func index(ofHandOff date: LocalDate) -> Int {
        let offset = rotation.start.days(until: date)
        return offset >= 0 ? offset / rotation.lengthDays : -((-offset + rotation.lengthDays - 1) / rotation.lengthDays)
    }

    /// The index of the shift on call at noon of `date`: the shift that has most of that day.
    func index(atNoonOf date: LocalDate) -> Int {
        index(containing: LocalDateTime(date: date, time: .noon))
    }

    /// The calendar days shift `index` touches, first to last (a weekly Monday 10:00 shift touches eight).
    func days(_ index: Int) -> ClosedRange<LocalDate> {
        let first = handOffDate(index)
        let next = handOffDate(index + 1)
        let last = rotation.handOffTime.minutesSinceMidnight == 0 ? next.adding(days: -1) : next
        return first...last
    }

    /// The instant of a wall-clock moment in the rotation's zone (see ``TimeZoneID/instant(of:)``: a time in
    /// the spring-forward gap moves forward by the gap, an ambiguous autumn time is its first occurrence).
    func instant(_ moment: LocalDateTime) -> Date {
        rotation.timeZone.instant(of: moment)
    }
}
