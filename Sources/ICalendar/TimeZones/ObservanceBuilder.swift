/// Turns a zone's transitions into STANDARD and DAYLIGHT components (RFC 5545 §3.6.5).
///
/// Transitions of one kind (daylight flag, both offsets and name) are grouped; within a group, runs
/// in consecutive years on the same month, weekday, ordinal and local time become one RRULE, and
/// the rest become RDATEs of a single block.
struct ObservanceBuilder {
    let transitions: [ZoneTransition]
    /// The end of the covered span, in seconds since 1970: rules predicting a change at or before it
    /// that did not happen get an UNTIL.
    let rangeEnd: Int

    /// A run of yearly transitions that one `FREQ=YEARLY;BYMONTH;BYDAY` rule describes.
    private struct Run {
        var members: [ZoneTransition]
        let month: Int
        let weekday: Weekday
        let timeOfDay: Int
        /// The ordinal shared by every member counted from the month's start, if they share one.
        var positive: Int?
        /// Whether every member is the last such weekday of its month.
        var allLast: Bool

        init(_ first: ZoneTransition) {
            let day = first.onsetDay
            members = [first]
            month = day.month
            weekday = day.weekday
            timeOfDay = first.onsetTimeOfDay
            positive = (day.day - 1) / 7 + 1
            allLast = day.day + 7 > CivilDay.daysIn(month: day.month, year: day.year)
        }

        /// Adds `next` if the same rule covers it, one year after the last member.
        mutating func extend(with next: ZoneTransition) -> Bool {
            let day = next.onsetDay
            guard let last = members.last, day.year == last.onsetDay.year + 1, day.month == month,
                day.weekday == weekday, next.onsetTimeOfDay == timeOfDay
            else { return false }
            let newPositive = positive == (day.day - 1) / 7 + 1 ? positive : nil
            let newAllLast = allLast && day.day + 7 > CivilDay.daysIn(month: day.month, year: day.year)
            guard newPositive != nil || newAllLast else { return false }
            positive = newPositive
            allLast = newAllLast
            members.append(next)
            return true
        }

        /// The BYDAY ordinal: the shared positive one up to 4, else -1 (last), else the 5th.
        var ordinal: Int {
            if let positive, positive <= 4 { return positive }
            return allLast ? -1 : (positive ?? -1)
        }
    }

    /// The observance components in order of their first onset.
    func observances() -> [Component] {
        var groups: [[ZoneTransition]] = []
        for transition in transitions {
            if let index = groups.firstIndex(where: { group in
                group.first.map { Self.sameKind($0, transition) } ?? false
            }) {
                groups[index].append(transition)
            } else {
                groups.append([transition])
            }
        }
        var blocks: [(instant: Int, component: Component)] = []
        for group in groups {
            var runs: [Run] = []
            for transition in group.sorted(by: { $0.instant < $1.instant }) {
                if runs.isEmpty || !runs[runs.count - 1].extend(with: transition) {
                    runs.append(Run(transition))
                }
            }
            for run in runs where run.members.count >= 2 {
                if let first = run.members.first { blocks.append((first.instant, ruleBlock(run, first: first))) }
            }
            let singles = runs.filter { $0.members.count < 2 }.flatMap(\.members)
            if let first = singles.first {
                blocks.append((first.instant, datesBlock(singles, first: first)))
            }
        }
        return blocks.sorted { $0.instant < $1.instant }.map(\.component)
    }

    private static func sameKind(_ lhs: ZoneTransition, _ rhs: ZoneTransition) -> Bool {
        lhs.isDaylight == rhs.isDaylight && lhs.offsetFrom == rhs.offsetFrom && lhs.offsetTo == rhs.offsetTo
            && lhs.name == rhs.name
    }

    private func ruleBlock(_ run: Run, first: ZoneTransition) -> Component {
        var rule = RecurrenceRule(
            frequency: .yearly,
            byMonth: [run.month],
            byDay: [.init(run.weekday, ordinal: run.ordinal)]
        )
        if let last = run.members.last, predictsMissedChange(after: last, run: run) {
            rule.end = .until(.utc(ZoneTransition.localParts(last.instant)))
        }
        var properties = head(first)
        properties.append(Property(name: "RRULE", value: rule.description))
        properties.append(Property(name: "TZNAME", value: first.name))
        return Component(name: first.isDaylight ? "DAYLIGHT" : "STANDARD", properties: properties)
    }

    private func datesBlock(_ members: [ZoneTransition], first: ZoneTransition) -> Component {
        var properties = head(first)
        for member in members.dropFirst() {
            properties.append(DateTimeValue.floating(member.onset).property(named: "RDATE"))
        }
        properties.append(Property(name: "TZNAME", value: first.name))
        return Component(name: first.isDaylight ? "DAYLIGHT" : "STANDARD", properties: properties)
    }

    private func head(_ first: ZoneTransition) -> [Property] {
        [
            DateTimeValue.floating(first.onset).property(named: "DTSTART"),
            Property(name: "TZOFFSETFROM", value: ZoneTransition.offsetText(first.offsetFrom)),
            Property(name: "TZOFFSETTO", value: ZoneTransition.offsetText(first.offsetTo)),
        ]
    }

    /// Whether the rule would give a change in the year after `last` at or before the range end; no
    /// change of this kind happened then, or it would have joined the run.
    private func predictsMissedChange(after last: ZoneTransition, run: Run) -> Bool {
        let year = last.onsetDay.year + 1
        let monthStart = CivilDay(uncheckedYear: year, month: run.month, day: 1)
        let monthEnd = CivilDay(
            uncheckedYear: year,
            month: run.month,
            day: CivilDay.daysIn(month: run.month, year: year)
        )
        guard let day = RecurrenceCandidates.nth(run.weekday, run.ordinal, from: monthStart, to: monthEnd) else {
            return true
        }
        let predicted = day.daysSinceEpoch * 86_400 + run.timeOfDay - last.offsetFrom
        return predicted <= rangeEnd
    }
}
