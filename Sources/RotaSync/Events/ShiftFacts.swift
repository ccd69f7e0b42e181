import ICalendar
import RotaModel
import Scheduler

/// What a shift's team event and its pipeline events share, worked out once per shift rather than once per event:
/// who is on call, the UID's local part, start and end, status, the holidays' names, categories and markers.
struct ShiftFacts {
    /// Events that are not on a holiday, and those that are: shared, so no event allocates its own.
    private static let onCall = ["On call"]
    private static let onCallHoliday = ["On call", "Holiday"]

    let shift: Shift
    let person: FeedText.Person
    /// The UID's local part: `shift-<yyyymmdd>`, with the hand-off date.
    ///
    /// A piece of a split shift that does not start at the hand-off adds its start (`-<yyyymmdd>T<hhmm>`). The team
    /// event's UID is this and `@<domain>`; a pipeline event's adds the pipeline id before the `@`.
    let uidLocalPart: String
    let start: DateTimeValue
    let end: DateTimeValue
    let status: FeedEvent.Status
    /// The shift's holidays' names, joined with commas, on a holiday shift.
    let holidayNames: String?
    let categories: [String]
    /// `X-ROTA-KIND`, `X-ROTA-SHIFT` and `X-ROTA-ENGINEER`; pipeline events add `X-ROTA-PIPELINE`.
    let markers: [Property]

    /// - Parameters:
    ///   - shift: A shift of the schedule.
    ///   - split: Whether the shift is in pieces (a partial override).
    ///   - settled: Whether it is settled (``LockWindow/isSettled(_:of:)``): `CONFIRMED`, else `TENTATIVE`.
    ///   - text: The config's texts.
    init(_ shift: Shift, split: Bool, settled: Bool, text: FeedText) {
        self.shift = shift
        person = text.person(shift.engineer)
        var local = "shift-" + shift.handOff.basicFormat
        if split && shift.start != LocalDateTime(date: shift.handOff, time: text.handOffTime) {
            local += "-\(shift.start.date.basicFormat)T\(shift.start.time.basicFormat)"
        }
        uidLocalPart = local
        start = .zoned(tzid: text.zone, FeedPlanner.parts(shift.start))
        end = .zoned(tzid: text.zone, FeedPlanner.parts(shift.end))
        status = settled ? .confirmed : .tentative
        holidayNames = shift.holiday.map { $0.holidays.map(\.name).joined(separator: ", ") }
        categories = shift.holiday == nil ? Self.onCall : Self.onCallHoliday
        markers = [
            Property(name: .rotaKind, value: "shift"),
            Property(name: .rotaShift, value: shift.handOff.description),
            Property(name: .rotaEngineer, value: shift.engineer.rawValue),
        ]
    }
}
