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
    /// The pipeline feed's event for `shift`.
    static func event(
        _ shift: Shift,
        pipeline: Pipeline,
        config: TeamConfig,
        split: Bool,
        status: FeedEvent.Status
    ) -> FeedEvent {
        let name = config.engineer(shift.engineer)?.name ?? shift.engineer.rawValue
        let zone = config.rotation.timeZone.identifier
        // The team UID's local part (no `@` in it), then the pipeline id, then the domain.
        let teamUID = FeedPlanner.shiftUID(shift, split: split, config: config)
        let local = teamUID.split(separator: "@", maxSplits: 1).first.map(String.init) ?? teamUID
        let uid = "\(local)-\(pipeline.id.rawValue)@\(config.feeds.uidDomain)"
        var lines: [String] = []
        if shift.uncovered {
            lines.append(
                "UNCOVERED: everyone on \(config.team) is away for this shift; nobody is on call for \(pipeline.name). "
                    + "Add an override or move someone's PTO (\(name) would be next)."
            )
        } else {
            lines.append("\(name) is on call for \(pipeline.name) (\(config.team)).")
        }
        var owners = [(role: "primary owner", id: pipeline.primary)]
        if let secondary = pipeline.secondary { owners.append((role: "secondary owner", id: secondary)) }
        let escalation = owners.map { "\(config.engineer($0.id)?.name ?? $0.id.rawValue) (\($0.role))" }
        lines.append("Escalation: \(name) (on call), then \(escalation.joined(separator: ", then ")).")
        if pipeline.investorFacing {
            lines.append("\(pipeline.name) reports to investors.")
            if let link = config.runbooks.link(to: pipeline.id) { lines.append("Runbook: \(link)") }
        }
        if let cover = shift.holiday {
            lines.append("Holiday shift: \(cover.holidays.map(\.name).joined(separator: ", ")).")
        }
        return FeedEvent(
            uid: uid,
            kind: .shift,
            start: .zoned(tzid: zone, FeedPlanner.parts(shift.start)),
            end: .zoned(tzid: zone, FeedPlanner.parts(shift.end)),
            summary: shift.uncovered
                ? "\(pipeline.name): UNCOVERED, everyone is away" : "\(pipeline.name): \(name) on call",
            description: lines.joined(separator: "\n"),
            categories: shift.holiday == nil ? ["On call"] : ["On call", "Holiday"],
            status: status,
            alarmMinutesBefore: nil,
            feeds: [FeedNames.pipeline(pipeline.id)],
            markers: [
                Property(name: .rotaKind, value: "shift"),
                Property(name: .rotaShift, value: shift.handOff.description),
                Property(name: .rotaEngineer, value: shift.engineer.rawValue),
                Property(name: .rotaPipeline, value: pipeline.id.rawValue),
            ]
        )
    }
}
