package import ICalendar

/// A day on the proleptic Gregorian calendar, with no time and no zone: ICalendar's ``CivilDay`` under
/// the name rota's model uses.
///
/// Holidays, PTO and hand-off days are calendar days wherever the engineer is, so rota keeps them as
/// plain dates and converts to instants in one place (the scheduler) with the rotation's zone. rota had
/// its own copy of the days-from-civil arithmetic; one type now serves both, and it lives in ICalendar
/// because ICalendar must not depend on rota while rota's model may depend on ICalendar. The alias keeps
/// the model's call sites reading as dates, not as iCalendar values.
package typealias LocalDate = CivilDay

/// A day of the week: ICalendar's ``ICalendar/Weekday``, the one weekday type (see ``LocalDate``).
///
/// Configs spell weekdays in English (`monday`); ``Weekday/configName`` maps the cases to that spelling.
package typealias Weekday = ICalendar.Weekday

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
