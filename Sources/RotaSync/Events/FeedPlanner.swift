import ICalendar
package import RotaModel
package import Scheduler

/// Turns a schedule into the events of rota's feeds: on-call shifts, holiday backups and holidays.
///
/// The team and engineer feeds carry the shift events; each pipeline feed carries its own copy of every
/// shift, with its own UID (the shift's UID with the pipeline id added) and a summary that names the
/// pipeline, because a calendar app that shows the team feed next to a pipeline feed would otherwise
/// see one UID twice and keep only one of them. A holiday event names who is on call for it; a holiday
/// backup carries the engineer's reminder, like their shifts.
///
/// Each event says how firm it is (``FeedEvent/Status``): a shift is `CONFIRMED` when it is settled
/// (``LockWindow/isSettled(_:of:)``: inside the lock window or locked in the ledger) and
/// `TENTATIVE` otherwise; a holiday backup follows its shift, since who backs up depends on who is on
/// call; a holiday is always `CONFIRMED`, since its date is a fact of the config, not of the plan.
package enum FeedPlanner {
    /// The events for `schedule`'s shifts and holidays, sorted by start then UID.
    ///
    /// - Parameters:
    ///   - schedule: The plan over the feed window.
    ///   - config: The team config the schedule came from.
    /// - Returns: Every event, each listing the feeds that carry it.
    package static func events(for schedule: Schedule, config: TeamConfig) -> [FeedEvent] {
        let text = FeedText(config)
        var events: [FeedEvent] = []
        events.reserveCapacity(schedule.shifts.count * (1 + text.pipelines.count))
        let shifts = schedule.shifts
        var seenHolidays: Set<String> = []
        for (index, shift) in shifts.enumerated() {
            // The pieces of a split shift share its hand-off date and are neighbours, as the shifts are in start
            // order and a shift's pieces cover its time.
            let split =
                (index > 0 && shifts[index - 1].handOff == shift.handOff)
                || (index + 1 < shifts.count && shifts[index + 1].handOff == shift.handOff)
            let facts = ShiftFacts(
                shift,
                split: split,
                settled: LockWindow.isSettled(shift, of: schedule),
                text: text
            )
            events.append(shiftEvent(facts, text: text, alarm: config.feeds.reminderMinutes))
            for lines in text.pipelines {
                events.append(PipelineShiftEvent.event(facts, lines: lines, text: text))
            }
            guard let cover = shift.holiday else { continue }
            for occasion in cover.holidays where seenHolidays.insert("\(occasion.id) \(occasion.date)").inserted {
                events.append(holidayEvent(occasion, shift: shift, config: config, text: text))
                events += backupEvents(
                    occasion,
                    cover: cover,
                    onCall: shift.engineer,
                    config: config,
                    text: text,
                    status: facts.status
                )
            }
        }
        // In place: the events are not copied into a second array.
        events.sort {
            (sortKey($0.start).0, sortKey($0.start).1, $0.uid) < (sortKey($1.start).0, sortKey($1.start).1, $1.uid)
        }
        return events
    }

    /// The team event of a shift: who is on call, the escalation list, and why this engineer.
    private static func shiftEvent(_ facts: ShiftFacts, text: FeedText, alarm: Int?) -> FeedEvent {
        let shift = facts.shift
        let name = facts.person.name
        var description =
            shift.uncovered
            ? "UNCOVERED: everyone on \(text.team) is away for this shift; nobody is on call. "
                + "Add an override or move someone's PTO (\(name) would be next)."
            : "\(name) is on call for \(text.team)."
        description += "\nEscalation: \(name) (on call), then each pipeline's primary and secondary owner:"
        description += text.teamEscalation
        if !facts.person.owns.isEmpty { description += "\n\(name)\(facts.person.owns)" }
        if let holidays = facts.holidayNames, let cover = shift.holiday {
            description += "\nHoliday shift: \(holidays) (\(cover.decision.note))."
        }
        for reason in shift.reasons { description += "\nWhy: \(reason.text)" }
        return FeedEvent(
            uid: facts.uidLocalPart + text.atDomain,
            kind: .shift,
            start: facts.start,
            end: facts.end,
            summary: shift.uncovered ? "UNCOVERED: everyone is away" : "On call: \(name)",
            description: description,
            categories: facts.categories,
            status: facts.status,
            alarmMinutesBefore: alarm,
            // An uncovered shift is in nobody's own feed: the one who would be next is away.
            feeds: shift.uncovered ? [FeedNames.team] : [FeedNames.team, facts.person.feed],
            markers: facts.markers
        )
    }

    /// A major holiday, naming who is on call for it (the holiday shift's engineer) and why.
    private static func holidayEvent(
        _ occasion: HolidayCover.Occasion,
        shift: Shift,
        config: TeamConfig,
        text: FeedText
    ) -> FeedEvent {
        let name = text.person(shift.engineer).name
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
        text: FeedText,
        status: FeedEvent.Status
    ) -> [FeedEvent] {
        cover.backups.compactMap { backup -> FeedEvent? in
            guard let engineer = backup.engineer,
                let pipeline = config.pipelines.first(where: { $0.id == backup.pipeline })
            else { return nil }
            let name = text.person(engineer).name
            let onCallName = text.person(onCall).name
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

    static func parts(_ moment: LocalDateTime) -> DateTimeValue.LocalParts {
        DateTimeValue.LocalParts(
            year: moment.date.year,
            month: moment.date.month,
            day: moment.date.day,
            hour: moment.time.hour,
            minute: moment.time.minute
        )
    }

    static func day(_ date: LocalDate) -> DateTimeValue {
        .date(year: date.year, month: date.month, day: date.day)
    }

    /// (day, minute of the day): all-day events sort before timed ones on the same day.
    private static func sortKey(_ value: DateTimeValue) -> (Int, Int) {
        switch value {
        case let .date(year, month, day): return (year * 10000 + month * 100 + day, -1)
        case let .floating(parts), let .utc(parts), let .zoned(_, parts):
            return (parts.year * 10000 + parts.month * 100 + parts.day, parts.hour * 60 + parts.minute)
        }
    }
}
