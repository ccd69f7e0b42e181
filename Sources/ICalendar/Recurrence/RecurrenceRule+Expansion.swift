extension RecurrenceRule {
    /// The days an all-day recurring event happens on, from its start through `limit` (RFC 5545 §3.3.10).
    ///
    /// DTSTART is always the first occurrence and counts towards COUNT; UNTIL is inclusive; EXDATEs
    /// are removed after counting, as RFC 5545 §3.8.5.1 has it. BYxxx parts expand or limit the
    /// frequency as the table in §3.3.10 says: BYMONTH limits DAILY, WEEKLY and MONTHLY and expands
    /// YEARLY; BYMONTHDAY limits DAILY and expands MONTHLY and YEARLY; BYDAY limits DAILY, expands
    /// WEEKLY, and expands MONTHLY and YEARLY (within the month, or the year when YEARLY has no
    /// BYMONTH) unless BYMONTHDAY is present, when it limits. Days a rule names that a month lacks
    /// (BYMONTHDAY=31 in April, a 5th Monday) are skipped, not moved.
    ///
    /// - Parameters:
    ///   - start: The event's DTSTART, a DATE.
    ///   - exdates: Excluded days; only their date part is compared.
    ///   - limit: The last day to consider; only its date part is used.
    /// - Returns: DATE values, ascending.
    /// - Throws: ``ICalendarError/unsupportedRecurrence`` when `start` is not a DATE;
    ///   ``ICalendarError/invalidRecurrence`` for a rule built with invalid parts.
    public func occurrences(
        of start: DateTimeValue,
        exdates: [DateTimeValue],
        through limit: DateTimeValue
    ) throws(ICalendarError) -> [DateTimeValue] {
        guard case .date(let year, let month, let day) = start, CivilDay.years.contains(year),
            CivilDay.isValid(year: year, month: month, day: day)
        else {
            throw ICalendarError(
                .unsupportedRecurrence,
                "only all-day events (a DATE start) can be expanded; this start is \(start.valueText)"
            )
        }
        try validateParts()
        let first = CivilDay(uncheckedYear: year, month: month, day: day)
        var last = min(limit.civilDay.clamped, CivilDay(uncheckedYear: CivilDay.years.upperBound, month: 12, day: 31))
        if case .until(let until) = end { last = min(last, until.civilDay.clamped) }
        var count: Int?
        if case .count(let limit) = end { count = limit }
        var collector = OccurrenceCollector(
            first: first,
            last: last,
            countLimit: count,
            excluded: Set(exdates.map(\.civilDay.clamped.daysSinceEpoch))
        )
        collector.offer(first)
        let candidates = RecurrenceCandidates(rule: self, first: first)
        switch frequency {
        case .yearly:
            var periodYear = first.year
            while !collector.isDone, periodYear <= last.year {
                for day in candidates.yearDays(periodYear) { collector.offer(day) }
                periodYear += interval
            }
        case .monthly:
            var index = first.year * 12 + first.month - 1
            while !collector.isDone, index <= last.year * 12 + last.month - 1 {
                for day in candidates.monthDays(index / 12, index % 12 + 1) { collector.offer(day) }
                index += interval
            }
        case .weekly:
            let weekStartIndex = (weekStart ?? .monday).index
            var weekStartDay = first.daysSinceEpoch - (first.weekday.index - weekStartIndex + 7) % 7
            while !collector.isDone, weekStartDay <= last.daysSinceEpoch {
                for day in candidates.weekDays(startingOn: weekStartDay) { collector.offer(day) }
                weekStartDay += 7 * interval
            }
        case .daily:
            var current = first.daysSinceEpoch
            while !collector.isDone, current <= last.daysSinceEpoch {
                let candidate = CivilDay(daysSinceEpoch: current)
                if candidates.dailyMatches(candidate) { collector.offer(candidate) }
                current += interval
            }
        }
        return collector.days.map { .date(year: $0.year, month: $0.month, day: $0.day) }
    }

    /// Checks the ranges parsing guarantees, for rules built with the memberwise initializer.
    private func validateParts() throws(ICalendarError) {
        guard (1...Self.maximumNumber).contains(interval) else {
            throw Self.invalid("INTERVAL must lie within 1...\(Self.maximumNumber)")
        }
        if case .count(let count) = end, !(1...Self.maximumNumber).contains(count) {
            throw Self.invalid("COUNT must lie within 1...\(Self.maximumNumber)")
        }
        guard byMonth.allSatisfy({ (1...12).contains($0) }),
            byMonthDay.allSatisfy({ $0 != 0 && (-31...31).contains($0) }),
            byDay.allSatisfy({ $0.ordinal.map { $0 != 0 && (-53...53).contains($0) } ?? true })
        else { throw Self.invalid("a BYMONTH, BYMONTHDAY or BYDAY value is out of range") }
        try validateCombinations()
    }
}
