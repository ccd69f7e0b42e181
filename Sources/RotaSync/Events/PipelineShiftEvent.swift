import ICalendar
import RotaModel
import Scheduler

/// A shift as one pipeline's feed shows it: who is on call, and whom to escalate to for this pipeline.
///
/// It is a separate event from the team feed's shift, with its own UID (`shift-<yyyymmdd>-<pipeline>@domain`,
/// a split piece's start time before the pipeline id), so that a person subscribed to the team feed and a
/// pipeline feed sees both, and a calendar that keys events by UID never merges two feeds. Pipeline feeds
/// carry no reminder: reminders belong to the engineer on call.
enum PipelineShiftEvent {
    /// The pipeline feed's event for a shift.
    ///
    /// - Parameters:
    ///   - facts: The shift, with what its events share.
    ///   - lines: The pipeline, with its config-derived lines.
    ///   - text: The config's texts.
    /// - Returns: The event, in the pipeline's feed only.
    static func event(_ facts: ShiftFacts, lines: FeedText.PipelineLines, text: FeedText) -> FeedEvent {
        let shift = facts.shift
        let name = facts.person.name
        var description =
            shift.uncovered
            ? "UNCOVERED: everyone on \(text.team) is away for this shift; nobody is on call for \(lines.name). "
                + "Add an override or move someone's PTO (\(name) would be next)."
            : "\(name) is on call for \(lines.name) (\(text.team))."
        description += "\nEscalation: \(name) (on call)\(lines.escalation)"
        description += lines.investorLines
        if let holidays = facts.holidayNames { description += "\nHoliday shift: \(holidays)." }
        return FeedEvent(
            uid: facts.uidLocalPart + lines.uidSuffix,
            kind: .shift,
            start: facts.start,
            end: facts.end,
            summary: shift.uncovered
                ? "\(lines.name): UNCOVERED, everyone is away" : "\(lines.name): \(name) on call",
            description: description,
            categories: facts.categories,
            status: facts.status,
            alarmMinutesBefore: nil,
            feeds: [lines.feed],
            markers: facts.markers + [lines.marker]
        )
    }
}
