import ICalendar
import RotaModel
import Scheduler

/// The table `rota plan` prints: one row per shift (or piece of one), with a short note saying why.
enum PlanTable {
    static func render(_ schedule: Schedule, config: TeamConfig, ledgerPath: String, ledger: Ledger) -> String {
        func name(_ id: EngineerID) -> String { config.engineer(id)?.name ?? id.rawValue }
        func moment(_ value: LocalDateTime) -> String {
            "\(value.date.weekday.displayName.prefix(3)) \(value.date) \(value.time)"
        }
        let first = schedule.shifts.first?.start.date.description ?? "-"
        let last = schedule.shifts.last?.end.date.description ?? "-"
        let ledgerNote =
            ledger.isEmpty
            ? "no entries yet"
            : "\(Plural.count(ledger.shifts.count, "locked shift")), \(Plural.count(ledger.holidays.count, "holiday decision"))"
        var lines = [
            "\(config.feeds.calendarName): \(first) to \(last), times in \(config.rotation.timeZone)",
            "as of \(schedule.asOf); ledger \(ledgerPath) (\(ledgerNote))",
            "",
        ]
        let rows = schedule.shifts.map { shift -> [String] in
            let week = shift.start.date.isoWeek
            return [
                "\(week.year)-W\(week.week < 10 ? "0" : "")\(week.week)", moment(shift.start), moment(shift.end),
                shift.uncovered ? "UNCOVERED" : name(shift.engineer), note(shift, name: name),
            ]
        }
        lines += TextTable(header: ["week", "from", "to", "on call", "note"], rows: rows).lines()
        let due = schedule.dueDecisions
        if !due.isEmpty {
            lines.append("")
            lines.append(
                "Holiday decisions due (inside the \(config.holidayPolicy.leadTime) lead time), not recorded yet:"
            )
            for decision in due {
                lines.append("  \(decision.holiday) \(decision.year): \(name(decision.engineer)) (\(decision.note))")
            }
            lines.append("Run with --record to record them and lock the shifts of the lead-time window.")
        }
        lines += problems(schedule, config: config, ledger: ledger)
        return lines.joined(separator: "\n") + "\n"
    }

    /// The conflicts (with the swap proposed for each) and warnings, as `rota plan` and `rota check` list them.
    ///
    /// A late pledge gets the `rota swap` command that accepts it, when one passes the rules.
    static func problems(_ schedule: Schedule, config: TeamConfig, ledger: Ledger) -> [String] {
        func name(_ id: EngineerID) -> String { config.engineer(id)?.name ?? id.rawValue }
        var lines: [String] = []
        if !schedule.conflicts.isEmpty {
            lines.append("")
            lines.append("Conflicts (rota check exits 1 until each is resolved):")
            for conflict in schedule.conflicts {
                lines.append("  \(conflictLine(conflict, name: name))")
            }
            if schedule.conflicts.contains(where: { $0.resolution != nil }) {
                lines.append("Run rota plan --record to record the proposed swaps.")
            }
        }
        if !schedule.warnings.isEmpty {
            lines.append("")
            lines.append("Warnings:")
            for warning in schedule.warnings {
                var line = "  \(warning.shift): \(warning.text)"
                if warning.kind == .latePledge, let volunteer = warning.engineer {
                    line +=
                        AgreedSwap.volunteerCommand(
                            volunteer,
                            shift: warning.shift,
                            config: config,
                            ledger: ledger,
                            asOf: schedule.asOf
                        ).map { "; to accept it, run: \($0)" }
                        ?? "; no swap with \(name(volunteer)) passes the rules (PTO, rest) as the plan stands"
                }
                lines.append(line)
            }
        }
        return lines
    }

    private static func conflictLine(_ conflict: SchedulingConflict, name: (EngineerID) -> String) -> String {
        var line = "\(conflict.shift): "
        if conflict.cause == .uncovered {
            return line + "UNCOVERED: everyone is away; add an override or move someone's PTO"
        }
        line += "\(name(conflict.engineer)) is locked on it, but \(conflict.cause.text)"
        guard let swap = conflict.resolution else {
            return line + "; nobody can take it: add an override"
        }
        line += "; proposed: \(name(swap.engineer)) takes it"
        if let giveBack = swap.giveBack {
            line += ", \(name(giveBack.engineer)) takes \(name(swap.engineer))'s shift of \(giveBack.shift) in return"
        }
        return line
    }

    /// The short note for a row: what kind of shift it is and the one fact that explains it.
    static func note(_ shift: Shift, name: (EngineerID) -> String) -> String {
        var parts: [String] = []
        switch shift.kind {
        case .holiday:
            if let cover = shift.holiday {
                let holidays = cover.holidays.map(\.name).joined(separator: ", ")
                let state = cover.recorded ? "recorded" : cover.due ? "due" : "proposed"
                parts.append("holiday: \(holidays) (\(cover.decision.reason.rawValue), \(state))")
            }
        case .swap:
            if let reason = shift.reasons.first {
                switch reason.kind {
                case .ptoCover: parts.append("covers PTO")
                case .rest: parts.append("rest rule")
                default: parts.append("swap")
                }
            }
        case .override: parts.append("override")
        case .partialOverride: parts.append("partial override")
        case .regular: break
        }
        if shift.holiday != nil, shift.kind != .holiday {
            parts.append("holiday shift")
        }
        if shift.reasons.contains(where: { $0.kind == .conflictSwap }) {
            parts.append("proposed swap")
        } else if shift.locked {
            parts.append("locked")
        }
        if shift.reasons.contains(where: { $0.kind == .everyoneAway }) { parts.append("everyone away") }
        return parts.joined(separator: "; ")
    }
}
