import ICalendar
package import RotaModel
package import Scheduler

/// Which messages are due at one moment: a pure function of the config, the schedule and the moment.
///
/// `rota notify` runs every few minutes and sends only the notices whose key the state file does not hold, so this
/// may answer the same notice in many runs: it says what is true at `moment`, not what is new.
package enum DueNotices {
    /// The dates to plan from and until so the schedule holds `moment`, the next hand-off, and every holiday
    /// decision the lead time makes due.
    package static func planningWindow(
        for moment: LocalDateTime,
        config: TeamConfig
    ) -> (from: LocalDate, until: LocalDate) {
        let window = OnCallNow.planningWindow(for: moment, rotation: config.rotation)
        let leadEnd = config.holidayPolicy.leadTime.added(to: moment.date).adding(days: config.rotation.lengthDays)
        return (window.from, max(window.until, leadEnd))
    }

    /// The notices due at `moment`, in a fixed order: the hand-off, the reminder, holiday decisions, conflicts and
    /// uncovered shifts, warnings; each key once.
    ///
    /// - Parameters:
    ///   - moment: The wall-clock moment in the rotation's zone (`--at`).
    ///   - schedule: The plan over `planningWindow(for:config:)` with `moment.date` as the as-of date.
    ///   - config: The team.
    /// - Returns: The due notices; empty before the rotation starts.
    package static func at(_ moment: LocalDateTime, schedule: Schedule, config: TeamConfig) -> [Notice] {
        var notices: [Notice] = []
        if let now = OnCallNow.at(moment, in: schedule, config: config) {
            notices.append(handOff(now, schedule: schedule, config: config))
            if let reminder = reminder(now, config: config) { notices.append(reminder) }
        }
        notices += schedule.dueDecisions.map { decision(for: $0, schedule: schedule, config: config) }
        notices += problems(after: moment, schedule: schedule, config: config)
        var seen: Set<String> = []
        return notices.filter { seen.insert($0.key).inserted }
    }

    private static func zone(_ config: TeamConfig) -> String { config.rotation.timeZone.identifier }

    private static func handOff(_ now: OnCallNow, schedule: Schedule, config: TeamConfig) -> Notice {
        let shift = now.shift
        let until = now.next?.at ?? shift.end
        var lines: [String] = []
        if shift.uncovered {
            lines.append("*Nobody is on call*: everyone is away from \(shift.start) until \(until) (\(zone(config))).")
        } else {
            lines.append(
                "*On call now*: \(ChatText.person(shift.engineer, in: config)), from \(shift.start) until \(until) "
                    + "(\(zone(config)))."
            )
        }
        let backups = now.backups.map { backup in
            "\(ChatText.escaped(backup.pipeline.rawValue)): "
                + (backup.engineer.map { ChatText.person($0, in: config) } ?? "nobody")
        }
        if !backups.isEmpty { lines.append("Backups today: " + backups.joined(separator: "; ") + ".") }
        if let holidays = shift.holiday?.holidays, !holidays.isEmpty {
            let names = holidays.map { "\(ChatText.escaped($0.name)) (\($0.date))" }
            lines.append("Holidays in this shift: " + names.joined(separator: ", ") + ".")
        }
        let links = config.pipelines.filter(\.investorFacing).compactMap { pipeline in
            config.runbooks.link(to: pipeline.id).map { "<\($0)|\(ChatText.escaped(pipeline.id.rawValue))>" }
        }
        if !links.isEmpty { lines.append("Runbooks: " + links.joined(separator: ", ") + ".") }
        return Notice(
            kind: .handOff,
            key: "hand-off/\(shift.start)/\(shift.engineer.rawValue)",
            text: lines.joined(separator: "\n")
        )
    }

    /// The day before the next hand-off: a reminder to the incoming engineer, mentioned when the config says how.
    private static func reminder(_ now: OnCallNow, config: TeamConfig) -> Notice? {
        guard let next = now.next, !next.uncovered else { return nil }
        let dayBefore = LocalDateTime(date: next.at.date.adding(days: -1), time: next.at.time)
        guard dayBefore <= now.moment else { return nil }
        return Notice(
            kind: .reminder,
            key: "reminder/\(next.at)/\(next.engineer.rawValue)",
            text: "*Reminder*: \(ChatText.person(next.engineer, in: config)) is on call from \(next.at) "
                + "(\(zone(config))), taking over from \(ChatText.person(now.shift.engineer, in: config))."
        )
    }

    private static func decision(for decision: HolidayDecision, schedule: Schedule, config: TeamConfig) -> Notice {
        let occasion = schedule.shifts.lazy.compactMap(\.holiday).flatMap(\.holidays)
            .first { $0.id == decision.holiday }
        let name = ChatText.escaped(occasion?.name ?? decision.holiday.rawValue)
        return Notice(
            kind: .holidayDecision,
            key: "holiday-decision/\(decision.holiday.rawValue)/\(decision.year)",
            text: "*Holiday decision due*: \(name) \(decision.year) (the shift from \(decision.shift)). The plan "
                + "proposes \(ChatText.person(decision.engineer, in: config)) (\(decision.reason.rawValue): "
                + "\(ChatText.escaped(decision.note))). Record it with `rota plan --record`, or volunteer first."
        )
    }

    /// Conflicts, uncovered shifts and warnings about shifts that have not ended at `moment`.
    private static func problems(after moment: LocalDateTime, schedule: Schedule, config: TeamConfig) -> [Notice] {
        var notices: [Notice] = []
        for conflict in schedule.conflicts {
            if conflict.cause == .uncovered {
                notices.append(uncovered(conflict.shift, config: config))
                continue
            }
            let fix =
                conflict.resolution == nil
                ? "No swap is possible: the team has to decide." : "`rota plan --record` records the proposed swap."
            notices.append(
                Notice(
                    kind: .conflict,
                    key: "conflict/\(conflict.shift)/\(conflict.engineer.rawValue)/\(conflict.cause.kind)",
                    text: "*Conflict*: \(ChatText.person(conflict.engineer, in: config)) is locked on the shift "
                        + "from \(conflict.shift), but \(ChatText.escaped(conflict.cause.text)). \(fix)"
                )
            )
        }
        for shift in schedule.shifts where shift.uncovered && shift.end > moment {
            notices.append(uncovered(shift.handOff, config: config))
        }
        for warning in schedule.warnings {
            notices.append(
                Notice(
                    kind: .warning,
                    key: "warning/\(warning.kind.rawValue)/\(warning.shift)/\(warning.engineer?.rawValue ?? "-")",
                    text: "*Heads-up* (\(warning.kind.rawValue)), the shift from \(warning.shift): "
                        + "\(ChatText.escaped(warning.text))"
                )
            )
        }
        return notices
    }

    private static func uncovered(_ handOff: LocalDate, config: TeamConfig) -> Notice {
        Notice(
            kind: .uncovered,
            key: "uncovered/\(handOff)",
            text: "*Uncovered*: everyone is away for the shift from \(handOff). Someone has to cover it: add an "
                + "override, or move PTO."
        )
    }
}
