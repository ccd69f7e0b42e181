import Foundation
import ICalendar
import RotaModel
import RotaTestSupport
import Testing

@testable import Scheduler

/// The fairness report, added up in one pass over the schedule, agrees with counting each engineer's figures
/// separately from the whole schedule (as the report used to, kept here as the reference).
@Suite struct FairnessReportPassTests {
    /// Random teams planned over three years with a partial override, someone who left, and a ledger recorded
    /// with a config that still had someone the current one dropped from the team; reports over random periods,
    /// some reaching past the planned days.
    @Test(arguments: Array(UInt64(1)...40))
    func oneEngineerAtATimeGivesTheSameReport(seed: UInt64) throws {
        var generator = SeededGenerator(seed: seed)
        let engineers = Int.random(in: 3...7, using: &generator)
        var text = TestWorlds.random(using: &generator, engineers: engineers...engineers)
        // A two-day override of whoever is not away then (the loader refuses an override onto someone's PTO).
        let overridden = (0..<engineers).lazy.map { id in
            text + "overrides:\n  - { engineer: e\(id), from: 2026-06-03T13:00, to: 2026-06-05T09:00 }\n"
        }
        text = overridden.first { (try? ConfigLoader.load(bytes: Array($0.utf8), file: "world.yaml")) != nil } ?? text
        text = text.replacingOccurrences(
            of: "    email: e2@example.com\n",
            with: "    email: e2@example.com\n    left: 2027-0\(Int.random(in: 1...9, using: &generator))-15\n"
        )
        let before = try TestWorlds.load(text)
        let asOf = LocalDate.on("2026-09-01")
        // Recorded monthly from March, so the dropped engineer's shifts before the as-of date are history.
        var recorded = Ledger.empty
        for month in 0..<6 {
            let day = LocalDate.on("2026-03-01").adding(months: month)
            let plan = Planner.plan(
                config: before,
                ledger: recorded,
                asOf: day,
                horizon: CalendarSpan(count: 1, unit: .years)
            )
            recorded = Recorder.record(plan, into: recorded, policy: before.holidayPolicy)
        }
        let last = "e\(engineers - 1)"
        let worlds = [
            (before, Ledger.empty),
            (before, recorded),
            (try TestWorlds.load(Self.dropping(last, text)), recorded),
        ]
        var departed = 0
        var inside = 0
        for (config, ledger) in worlds {
            let from = asOf.adding(days: -Int.random(in: 120...200, using: &generator))
            let until = asOf.adding(days: Int.random(in: 300...1100, using: &generator))
            let schedule = Planner.plan(config: config, ledger: ledger, asOf: asOf, from: from, until: until)
            for period in 0..<4 {
                // The first period starts with the plan, so it holds the history of the engineer who was dropped.
                let start = period == 0 ? from : from.adding(days: Int.random(in: -20...400, using: &generator))
                let end =
                    period == 0
                    ? asOf.adding(days: Int.random(in: 1...300, using: &generator))
                    : start.adding(days: Int.random(in: -3...500, using: &generator))
                let report = FairnessReport.compute(schedule, config: config, ledger: ledger, from: start, until: end)
                // The period's shifts: those a plan of the period shows, however much more the schedule holds.
                let shown = Planner.shownHandOffs(config: config, from: start, until: end)
                let inPeriod = schedule.shifts.filter { shown.contains($0.handOff) }
                let expected = Self.reference(inPeriod, config: config, ledger: ledger, from: start, until: end)
                #expect(report == expected, "seed \(seed), \(start) to \(end)")
                if report.rows.count > config.rotation.order.count { departed += 1 }
                // What `rota report` says for the period: its own plan of exactly those days gives the same figures.
                if from <= start, start < end, end <= until {
                    let own = Planner.plan(config: config, ledger: ledger, asOf: asOf, from: start, until: end)
                    let reported = FairnessReport.compute(own, config: config, ledger: ledger, from: start, until: end)
                    #expect(report == reported, "seed \(seed), \(start) to \(end)")
                    inside += 1
                }
            }
        }
        // The rows of people outside the rotation were compared too, and so were periods inside the planned days.
        #expect(departed > 0)
        #expect(inside > 0)
    }

    /// `text` without engineer `id`: neither their entry nor their place in the rotation order.
    static func dropping(_ id: String, _ text: String) -> String {
        var lines: [Substring] = []
        var inEntry = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("  - id: ") { inEntry = line == "  - id: \(id)" }
            if inEntry, line.hasPrefix("  - id: ") || line.hasPrefix("    ") { continue }
            inEntry = false
            if line.hasPrefix("  order: [") {
                let ids = line.dropFirst("  order: [".count).dropLast().split(separator: ", ").filter { $0 != id }
                lines.append("  order: [\(ids.joined(separator: ", "))]")
            } else {
                lines.append(line)
            }
        }
        return lines.joined(separator: "\n")
    }

    // MARK: The reference: each engineer counted from all the period's shifts

    static func reference(
        _ shifts: [Shift],
        config: TeamConfig,
        ledger: Ledger,
        from: LocalDate,
        until: LocalDate
    ) -> FairnessReport {
        var others: [EngineerID] = []
        for shift in shifts where !config.rotation.order.contains(shift.engineer) {
            if !others.contains(shift.engineer) { others.append(shift.engineer) }
        }
        let rows = (config.rotation.order + others).map { engineer in
            row(engineer, shifts, config, ledger, from, until)
        }
        var ratios: [Double] = []
        for (offset, a) in rows.enumerated() {
            for b in rows.dropFirst(offset + 1) {
                let high = max(a.onCallPerWeekOnTeam, b.onCallPerWeekOnTeam)
                ratios.append(high == 0 ? 1 : min(a.onCallPerWeekOnTeam, b.onCallPerWeekOnTeam) / high)
            }
        }
        let balance = ratios.isEmpty ? 1 : ratios.reduce(0, +) / Double(ratios.count)
        return FairnessReport(from: from, until: until, rows: rows, balance: balance)
    }

    static func row(
        _ engineer: EngineerID,
        _ all: [Shift],
        _ config: TeamConfig,
        _ ledger: Ledger,
        _ from: LocalDate,
        _ until: LocalDate
    ) -> FairnessReport.Row {
        let shifts = all.filter { $0.engineer == engineer }
        let hours = shifts.reduce(0.0) { $0 + $1.endInstant.timeIntervalSince($1.startInstant) / 3600 }
        var weekendDays = 0
        var onCallDays: Set<LocalDate> = []
        for shift in shifts {
            for day in noonDays(of: shift, from: from, until: until) {
                onCallDays.insert(day)
                if day.weekday.isWeekend { weekendDays += 1 }
            }
        }
        let backing = all.filter { shift in
            shift.holiday?.backups.contains { $0.engineer == engineer } ?? false
        }
        let backupDays = Set(backing.flatMap { noonDays(of: $0, from: from, until: until) })
        let holidayShifts = Dictionary(
            grouping: shifts.filter { $0.holiday?.decision.engineer == engineer },
            by: \.handOff
        )
        .values.compactMap(\.first?.holiday)
        let volunteered = holidayShifts.filter { $0.decision.reason == .volunteer }
        let credits = volunteered.reduce(0) { total, cover in
            let recorded = ledger.credits.first {
                $0.engineer == engineer && $0.holiday == cover.decision.holiday && $0.year == cover.decision.year
            }
            return total + (recorded?.days ?? config.holidayPolicy.volunteerCreditDays)
        }
        var longest = 0
        var run = 0
        var day = from
        while day < until {
            run = onCallDays.contains(day) ? 0 : run + 1
            longest = max(longest, run)
            day = day.adding(days: 1)
        }
        var daysOnTeam = 0
        day = from
        let member = config.engineer(engineer)
        let lastShiftEnd = shifts.map(\.end.date).max()
        while day < until {
            if let member, member.isOnTeam(on: day) { daysOnTeam += 1 }
            if member == nil, let lastShiftEnd, day < lastShiftEnd { daysOnTeam += 1 }
            day = day.adding(days: 1)
        }
        return FairnessReport.Row(
            engineer: engineer,
            hoursOnCall: hours,
            shifts: Set(shifts.map(\.handOff)).count,
            holidayShiftsVolunteered: volunteered.count,
            holidayShiftsAssigned: holidayShifts.count - volunteered.count,
            weekendDays: weekendDays,
            ptoCreditDays: credits,
            holidayBackups: Set(backing.map(\.handOff)).count,
            backupDays: backupDays.count,
            longestDaysOff: longest,
            weeksOnTeam: Double(daysOnTeam) / 7
        )
    }

    static func noonDays(of shift: Shift, from: LocalDate, until: LocalDate) -> [LocalDate] {
        var days: [LocalDate] = []
        var day = shift.start.date
        while day <= shift.end.date {
            let noon = LocalDateTime(date: day, time: .noon)
            if shift.start <= noon, noon < shift.end, day >= from, day < until { days.append(day) }
            day = day.adding(days: 1)
        }
        return days
    }
}
