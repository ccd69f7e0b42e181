/// The days one period of a rule yields, before COUNT, UNTIL and EXDATE (RFC 5545 §3.3.10).
struct RecurrenceCandidates {
    let rule: RecurrenceRule
    /// DTSTART, whose month and day fill in when no BYxxx part names them.
    let first: CivilDay

    /// Every candidate in `year`, ascending.
    func yearDays(_ year: Int) -> [CivilDay] {
        if !rule.byMonth.isEmpty {
            return Set(rule.byMonth).sorted().flatMap { monthDays(year, $0) }
        }
        if !rule.byMonthDay.isEmpty {
            return (1...12).flatMap { monthDays(year, $0) }
        }
        if !rule.byDay.isEmpty {
            return expandByDay(
                from: CivilDay(uncheckedYear: year, month: 1, day: 1),
                to: CivilDay(uncheckedYear: year, month: 12, day: 31)
            )
        }
        return sameDay(year, first.month)
    }

    /// Every candidate in one month, ascending; a month BYMONTH leaves out yields none.
    func monthDays(_ year: Int, _ month: Int) -> [CivilDay] {
        if rule.frequency == .monthly, !rule.byMonth.isEmpty, !rule.byMonth.contains(month) { return [] }
        let length = CivilDay.daysIn(month: month, year: year)
        let monthStart = CivilDay(uncheckedYear: year, month: month, day: 1)
        let monthEnd = CivilDay(uncheckedYear: year, month: month, day: length)
        if !rule.byMonthDay.isEmpty {
            let days = Set(rule.byMonthDay.map { $0 > 0 ? $0 : length + 1 + $0 }).filter { (1...length).contains($0) }
            return days.sorted().map { CivilDay(uncheckedYear: year, month: month, day: $0) }.filter {
                rule.byDay.isEmpty || matchesByDay($0, from: monthStart, to: monthEnd)
            }
        }
        if !rule.byDay.isEmpty {
            return expandByDay(from: monthStart, to: monthEnd)
        }
        return sameDay(year, month)
    }

    /// The candidates of the week starting on day `weekStart` (days since 1970-01-01).
    func weekDays(startingOn weekStart: Int) -> [CivilDay] {
        let weekdays = rule.byDay.isEmpty ? [first.weekday] : rule.byDay.map(\.weekday)
        return (0..<7).map { CivilDay(daysSinceEpoch: weekStart + $0) }.filter {
            weekdays.contains($0.weekday) && (rule.byMonth.isEmpty || rule.byMonth.contains($0.month))
        }
    }

    /// Whether a DAILY rule's BYMONTH, BYMONTHDAY and BYDAY (all limits) let `day` through.
    func dailyMatches(_ day: CivilDay) -> Bool {
        guard rule.byMonth.isEmpty || rule.byMonth.contains(day.month) else { return false }
        let length = CivilDay.daysIn(month: day.month, year: day.year)
        guard
            rule.byMonthDay.isEmpty
                || rule.byMonthDay.contains(where: { $0 > 0 ? $0 == day.day : length + 1 + $0 == day.day })
        else { return false }
        return rule.byDay.isEmpty || rule.byDay.contains { $0.weekday == day.weekday }
    }

    private func sameDay(_ year: Int, _ month: Int) -> [CivilDay] {
        CivilDay.isValid(year: year, month: month, day: first.day)
            ? [CivilDay(uncheckedYear: year, month: month, day: first.day)] : []
    }

    /// BYDAY expanded within `from...to`: every such weekday, or the nth one for an ordinal.
    private func expandByDay(from start: CivilDay, to end: CivilDay) -> [CivilDay] {
        var days: Set<Int> = []
        for entry in rule.byDay {
            if let ordinal = entry.ordinal {
                if let day = Self.nth(entry.weekday, ordinal, from: start, to: end) { days.insert(day.daysSinceEpoch) }
            } else {
                let offset = (entry.weekday.index - start.weekday.index + 7) % 7
                for day in stride(from: start.daysSinceEpoch + offset, through: end.daysSinceEpoch, by: 7) {
                    days.insert(day)
                }
            }
        }
        return days.sorted().map(CivilDay.init(daysSinceEpoch:))
    }

    private func matchesByDay(_ day: CivilDay, from start: CivilDay, to end: CivilDay) -> Bool {
        rule.byDay.contains { entry in
            guard entry.weekday == day.weekday else { return false }
            guard let ordinal = entry.ordinal else { return true }
            return Self.nth(entry.weekday, ordinal, from: start, to: end) == day
        }
    }

    /// The `ordinal`th `weekday` in `start...end`, counting from the end when negative.
    static func nth(_ weekday: Weekday, _ ordinal: Int, from start: CivilDay, to end: CivilDay) -> CivilDay? {
        if ordinal > 0 {
            let offset = (weekday.index - start.weekday.index + 7) % 7
            let day = start.adding(days: offset + 7 * (ordinal - 1))
            return day <= end ? day : nil
        }
        let offset = (end.weekday.index - weekday.index + 7) % 7
        let day = end.adding(days: -offset - 7 * (-ordinal - 1))
        return day >= start ? day : nil
    }
}
