import ICalendar
import RotaModel
import Scheduler

@testable import RotaSync

/// `FeedPlanner` as it was before it wrote the config's texts once per schedule (`FeedText`, `ShiftFacts`), kept
/// word for word as the specification of the events: `FeedPlannerReferenceTests` checks the planner against it.
enum FeedPlannerReference {
    static func events(for schedule: Schedule, config: TeamConfig) -> [FeedEvent] {
        var events: [FeedEvent] = []
        let pieceCounts = Dictionary(grouping: schedule.shifts, by: \.handOff).mapValues(\.count)
        var seenHolidays: Set<String> = []
        for shift in schedule.shifts {
            let status: FeedEvent.Status =
                LockWindow.isSettled(shift, of: schedule) ? .confirmed : .tentative
            let split = (pieceCounts[shift.handOff] ?? 1) > 1
            events.append(
                shiftEvent(shift, config: config, split: split, alarm: config.feeds.reminderMinutes, status: status)
            )
            events += config.pipelines.map {
                pipelineEvent(shift, pipeline: $0, config: config, split: split, status: status)
            }
            guard let cover = shift.holiday else { continue }
            for occasion in cover.holidays where seenHolidays.insert("\(occasion.id) \(occasion.date)").inserted {
                events.append(holidayEvent(occasion, shift: shift, config: config))
                events += backupEvents(occasion, cover: cover, onCall: shift.engineer, config: config, status: status)
            }
        }
        return events.sorted {
            (sortKey($0.start).0, sortKey($0.start).1, $0.uid) < (sortKey($1.start).0, sortKey($1.start).1, $1.uid)
        }
    }

    /// `<rotation>-<yyyymmdd>@<domain>`; a piece of a split shift adds its start time.
    private static func shiftUID(_ shift: Shift, split: Bool, config: TeamConfig) -> String {
        let base = "shift-\(shift.handOff.basicFormat)"
        let piece =
            split && shift.start != LocalDateTime(date: shift.handOff, time: config.rotation.handOffTime)
            ? "-\(shift.start.date.basicFormat)T\(shift.start.time.basicFormat)" : ""
        return "\(base)\(piece)@\(config.feeds.uidDomain)"
    }

    private static func shiftEvent(
        _ shift: Shift,
        config: TeamConfig,
        split: Bool,
        alarm: Int?,
        status: FeedEvent.Status
    ) -> FeedEvent {
        let name = config.engineer(shift.engineer)?.name ?? shift.engineer.rawValue
        let zone = config.rotation.timeZone.identifier
        var lines = ["\(name) is on call for \(config.team)."]
        if shift.uncovered {
            lines = [
                "UNCOVERED: everyone on \(config.team) is away for this shift; nobody is on call. "
                    + "Add an override or move someone's PTO (\(name) would be next)."
            ]
        }
        lines.append("Escalation: \(name) (on call), then each pipeline's primary and secondary owner:")
        for pipeline in config.pipelines {
            let owners = [pipeline.primary] + (pipeline.secondary.map { [$0] } ?? [])
            let names = owners.map { config.engineer($0)?.name ?? $0.rawValue }.joined(separator: ", then ")
            lines.append("- \(pipeline.name)\(pipeline.investorFacing ? " (reports to investors)" : ""): \(names)")
            if pipeline.investorFacing, let link = config.runbooks.link(to: pipeline.id) {
                lines.append("  Runbook: \(link)")
            }
        }
        let owned = config.pipelines(primary: shift.engineer).map(\.name)
        if !owned.isEmpty { lines.append("\(name) is primary owner of: \(owned.joined(separator: ", ")).") }
        if let cover = shift.holiday {
            lines.append(
                "Holiday shift: \(cover.holidays.map(\.name).joined(separator: ", ")) (\(cover.decision.note))."
            )
        }
        lines += shift.reasons.map { "Why: \($0.text)" }
        // An uncovered shift is in nobody's own feed: the one who would be next is away.
        let feeds = shift.uncovered ? [FeedNames.team] : [FeedNames.team, FeedNames.engineer(shift.engineer)]
        return FeedEvent(
            uid: shiftUID(shift, split: split, config: config),
            kind: .shift,
            start: .zoned(tzid: zone, parts(shift.start)),
            end: .zoned(tzid: zone, parts(shift.end)),
            summary: shift.uncovered ? "UNCOVERED: everyone is away" : "On call: \(name)",
            description: lines.joined(separator: "\n"),
            categories: shift.holiday == nil ? ["On call"] : ["On call", "Holiday"],
            status: status,
            alarmMinutesBefore: alarm,
            feeds: feeds,
            markers: [
                Property(name: .rotaKind, value: "shift"),
                Property(name: .rotaShift, value: shift.handOff.description),
                Property(name: .rotaEngineer, value: shift.engineer.rawValue),
            ]
        )
    }

    /// A major holiday, naming who is on call for it (the holiday shift's engineer) and why.
    private static func holidayEvent(_ occasion: HolidayCover.Occasion, shift: Shift, config: TeamConfig) -> FeedEvent {
        let name = config.engineer(shift.engineer)?.name ?? shift.engineer.rawValue
        let covers =
            shift.uncovered
            ? "Nobody covers it yet: everyone is away; add an override."
            : "\(name) is on call for it (\(shift.holiday?.decision.note ?? "rotation"))."
        return FeedEvent(
            uid: "holiday-\(occasion.id.rawValue)-\(occasion.date.year)@\(config.feeds.uidDomain)",
            kind: .holiday,
            start: day(occasion.date),
            end: day(occasion.date.adding(days: 1)),
            summary: shift.uncovered ? "\(occasion.name): UNCOVERED" : "\(occasion.name): \(name) on call",
            description: "\(occasion.name): a major holiday for \(config.team); its shift is decided ahead. \(covers)",
            categories: ["Holiday"],
            status: .confirmed,
            alarmMinutesBefore: nil,
            feeds: [FeedNames.team],
            markers: [
                Property(name: .rotaKind, value: "holiday"),
                Property(name: .rotaHoliday, value: occasion.id.rawValue),
            ]
        )
    }

    private static func backupEvents(
        _ occasion: HolidayCover.Occasion,
        cover: HolidayCover,
        onCall: EngineerID,
        config: TeamConfig,
        status: FeedEvent.Status
    ) -> [FeedEvent] {
        cover.backups.compactMap { backup -> FeedEvent? in
            guard let engineer = backup.engineer,
                let pipeline = config.pipelines.first(where: { $0.id == backup.pipeline })
            else { return nil }
            let name = config.engineer(engineer)?.name ?? engineer.rawValue
            let onCallName = config.engineer(onCall)?.name ?? onCall.rawValue
            let role =
                backup.role == .primary ? "primary owner, as the secondary is on call or away" : "secondary owner"
            var description =
                "\(name) backs up \(pipeline.name) on \(occasion.name) (\(role)); \(onCallName) is on call."
            if pipeline.investorFacing, let link = config.runbooks.link(to: pipeline.id) {
                description += "\nRunbook: \(link)"
            }
            return FeedEvent(
                uid: "backup-\(pipeline.id.rawValue)-\(occasion.date.basicFormat)@\(config.feeds.uidDomain)",
                kind: .backup,
                start: day(occasion.date),
                end: day(occasion.date.adding(days: 1)),
                summary: "Holiday backup: \(pipeline.name) (\(occasion.name))",
                description: description,
                categories: ["Holiday backup"],
                status: status,
                alarmMinutesBefore: config.feeds.reminderMinutes,
                feeds: [FeedNames.engineer(engineer), FeedNames.pipeline(pipeline.id)],
                markers: [
                    Property(name: .rotaKind, value: "backup"),
                    Property(name: .rotaEngineer, value: engineer.rawValue),
                    Property(name: .rotaPipeline, value: pipeline.id.rawValue),
                ]
            )
        }
    }

    /// The pipeline feed's event for `shift`.
    private static func pipelineEvent(
        _ shift: Shift,
        pipeline: Pipeline,
        config: TeamConfig,
        split: Bool,
        status: FeedEvent.Status
    ) -> FeedEvent {
        let name = config.engineer(shift.engineer)?.name ?? shift.engineer.rawValue
        let zone = config.rotation.timeZone.identifier
        // The team UID's local part (no `@` in it), then the pipeline id, then the domain.
        let teamUID = shiftUID(shift, split: split, config: config)
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
            start: .zoned(tzid: zone, parts(shift.start)),
            end: .zoned(tzid: zone, parts(shift.end)),
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

    /// (day, minute of the day): all-day events sort before timed ones on the same day.
    static func sortKey(_ value: DateTimeValue) -> (Int, Int) {
        switch value {
        case let .date(year, month, day): return (year * 10000 + month * 100 + day, -1)
        case let .floating(parts), let .utc(parts), let .zoned(_, parts):
            return (parts.year * 10000 + parts.month * 100 + parts.day, parts.hour * 60 + parts.minute)
        }
    }

    private static func parts(_ moment: LocalDateTime) -> DateTimeValue.LocalParts { FeedPlanner.parts(moment) }

    private static func day(_ date: LocalDate) -> DateTimeValue { FeedPlanner.day(date) }
}
