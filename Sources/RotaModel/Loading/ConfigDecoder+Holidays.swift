import ICalendar
internal import Yams

extension ConfigDecoder {
    static let holidaysKeys = ["builtin", "exclude", "major", "custom", "calendars"]
    static let calendarKeys = ["source", "major"]
    static let customHolidayKeys = ["id", "name", "date", "month_day", "nth_weekday", "observed"]
    static let nthWeekdayKeys = ["month", "weekday", "nth", "offset_days"]
    static let builtinCalendars = ["us-federal", "none"]

    /// Decodes `holidays:`.
    ///
    /// When absent, the US federal holidays with none of them major. Records every holiday id that was written validly in
    /// `holidayIDs`, even when its entry has other problems, so that the `major` list and volunteer pledges naming it
    /// are not reported a second time.
    mutating func decodeHolidays(_ node: Node?) -> HolidaySettings? {
        guard let node else {
            holidayIDs = Set(USFederalHolidays.rules.map(\.id))
            return HolidaySettings(rules: USFederalHolidays.rules)
        }
        guard let fields = nodes.fields(node, "holidays", keys: Self.holidaysKeys) else { return nil }
        let builtin =
            fields["builtin"].map { nodes.choice($0, "holidays.builtin", Self.builtinCalendars.map { ($0, $0) }) }
            ?? "us-federal"
        let builtinRules = builtin == "us-federal" ? USFederalHolidays.rules : []
        var failed = builtin == nil

        var rules = builtinRules
        if let excludeNode = fields["exclude"] {
            if let items = nodes.list(excludeNode, "holidays.exclude") {
                for item in items {
                    guard
                        let id = holidayReference(
                            item,
                            "excluded holiday",
                            among: builtinRules.map(\.id),
                            builtIn: true
                        )
                    else {
                        failed = true
                        continue
                    }
                    rules.removeAll { $0.id == id }
                }
            } else {
                failed = true
            }
        }

        let custom =
            fields["custom"].map { customHolidays($0, builtinIDs: rules.map(\.id)) } ?? (
                rules: [], ids: [], failed: false
            )
        rules += custom.rules
        failed = failed || custom.failed
        holidayIDs = Set(rules.map(\.id) + custom.ids)

        if let majorNode = fields["major"] {
            if let items = nodes.list(majorNode, "holidays.major") {
                for item in items {
                    guard let id = holidayReference(item, "major holiday", among: holidayIDs.sorted()) else {
                        failed = true
                        continue
                    }
                    if let index = rules.firstIndex(where: { $0.id == id }) { rules[index].major = true }
                }
            } else {
                failed = true
            }
        }
        let calendars = fields["calendars"].map { holidayCalendars($0) } ?? []
        guard let calendars, !failed else { return nil }
        return HolidaySettings(rules: rules, calendars: calendars)
    }

    /// `holidays.calendars`: iCalendar files or URLs whose all-day events the commands add.
    private mutating func holidayCalendars(_ node: Node) -> [HolidayCalendarSource]? {
        guard let items = nodes.list(node, "holidays.calendars") else { return nil }
        var sources: [HolidayCalendarSource?] = []
        for item in items {
            guard let fields = nodes.fields(item, "a holiday calendar", keys: Self.calendarKeys) else {
                sources.append(nil)
                continue
            }
            let sourceNode = nodes.required(
                fields,
                "source",
                hint: "a .ics file beside the config, or an https:// URL of a public holiday calendar"
            )
            let source = sourceNode.flatMap { nodes.string($0, "source") }
            var major: [LocatedHolidayID]? = []
            if let majorNode = fields["major"] {
                major = nodes.list(majorNode, "the calendar's major holidays").map { entries in
                    entries.compactMap { entry -> LocatedHolidayID? in
                        guard let id = nodes.identifier(entry, "major holiday") else { return nil }
                        let location = nodes.location(of: entry)
                        return LocatedHolidayID(
                            id: HolidayID(id),
                            location: location,
                            sourceLine: nodes.source.line(location.line)
                        )
                    }
                }
            }
            if let source, let major, let sourceNode {
                sources.append(
                    HolidayCalendarSource(source: source, major: major, location: nodes.location(of: sourceNode))
                )
            } else {
                sources.append(nil)
            }
        }
        return sources.contains(where: { $0 == nil }) ? nil : sources.compactMap { $0 }
    }

    /// A holiday id that must be one of `known`, with a suggestion for near misses.
    mutating func holidayReference(
        _ node: Node,
        _ what: String,
        among known: [HolidayID],
        builtIn: Bool = false
    )
        -> HolidayID?
    {
        guard let text = nodes.string(node, what) else { return nil }
        let id = HolidayID(text)
        guard !known.contains(id) else { return id }
        let names = known.map(\.rawValue)
        let hint =
            DidYouMean.suggestion(for: text, among: names).map { "did you mean '\($0)'?" }
            ?? (names.isEmpty
                ? "no holidays are defined; add some under holidays.custom or use builtin: us-federal"
                : "\(builtIn ? "built-in holidays" : "holidays") are: \(names.joined(separator: ", "))")
        let kind = builtIn ? "a built-in holiday" : "a holiday in this config"
        nodes.report("\(what) '\(text)' is not \(kind)", at: node, hint: hint)
        return nil
    }

    /// The custom holidays that decoded, the ids of all that had a valid id, and whether any failed.
    private mutating func customHolidays(
        _ node: Node,
        builtinIDs: [HolidayID]
    ) -> (
        rules: [HolidayRule], ids: [HolidayID], failed: Bool
    ) {
        guard let items = nodes.list(node, "holidays.custom") else { return ([], [], true) }
        var rules: [HolidayRule?] = []
        var ids: [(id: HolidayID, node: Node)] = []
        for item in items {
            guard let fields = nodes.fields(item, nodes.name(of: item, "custom holiday"), keys: Self.customHolidayKeys)
            else {
                rules.append(nil)
                continue
            }
            let idNode = nodes.required(fields, "id", hint: "e.g. id: christmas-eve")
            let id = idNode.flatMap { nodes.identifier($0, "holiday id") }.map(HolidayID.init)
            if let id, let idNode {
                if builtinIDs.contains(id) {
                    nodes.report(
                        "holiday id '\(id)' is already a built-in holiday",
                        at: idNode,
                        hint: "choose another id, or list the built-in one under holidays.exclude to replace it"
                    )
                } else {
                    ids.append((id, idNode))
                }
            }
            let name = nodes.required(fields, "name").flatMap { nodes.string($0, "name") }
            let dateRule = customDateRule(fields)
            let observance =
                fields["observed"].map {
                    nodes.choice(
                        $0,
                        "observed",
                        [("actual-date", HolidayObservance.actualDate), ("nearest-weekday", .nearestWeekday)]
                    )
                } ?? .actualDate
            if let id, !builtinIDs.contains(id), let name, let dateRule, let observance {
                rules.append(
                    HolidayRule(
                        id: id,
                        name: name,
                        periods: [.init(years: 1...9999, rule: dateRule)],
                        observance: observance,
                        major: false,
                        source: .custom
                    )
                )
            } else {
                rules.append(nil)
            }
        }
        reportDuplicates(ids, "holiday id")
        let failed = rules.contains(where: { $0 == nil }) || Set(ids.map(\.id)).count != ids.count
        return (rules.compactMap { $0 }, ids.map(\.id), failed)
    }

    /// Exactly one of `date`, `month_day` or `nth_weekday`.
    private mutating func customDateRule(_ fields: Fields) -> HolidayDateRule? {
        let given = ["date", "month_day", "nth_weekday"].filter { fields[$0] != nil }
        guard given.count == 1, let key = given.first, let node = fields[key] else {
            nodes.report(
                given.isEmpty
                    ? "\(fields.what) needs a date rule"
                    : "\(fields.what) has \(given.count) date rules (\(given.joined(separator: ", "))); give one",
                at: given.count > 1 ? fields[given[1]] ?? fields.node : fields.node,
                hint: "use date: 2027-03-12 (once), month_day: 12-24 (every year), or "
                    + "nth_weekday: { month: 11, weekday: thursday, nth: 4 }"
            )
            return nil
        }
        switch key {
        case "date":
            return nodes.date(node, "holiday date").map { .date($0) }
        case "month_day":
            return nodes.parsed(
                node,
                "month_day",
                expected: "a month and day MM-DD that exists",
                hint: "e.g. month_day: 12-24 for December 24; 02-29 is allowed",
                { text -> HolidayDateRule? in
                    let parts = text.split(separator: "-")
                    guard parts.count == 2, parts.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isASCIIDigit) }),
                        let month = Int(parts[0]), let day = Int(parts[1]),
                        LocalDate(year: 2000, month: month, day: day) != nil  // 2000 is a leap year: 02-29 is allowed
                    else { return nil }
                    return .fixed(month: month, day: day)
                }
            )
        default:
            guard let rule = nodes.fields(node, "nth_weekday", keys: Self.nthWeekdayKeys) else { return nil }
            let month = nodes.required(rule, "month").flatMap { nodes.int($0, "month", in: 1...12) }
            let weekday = nodes.required(rule, "weekday").flatMap { nodes.choice($0, "weekday", Self.weekdayChoices) }
            let nth = nodes.required(rule, "nth", hint: "1 to 5, or -1 for the last").flatMap { nthNode -> Int? in
                guard let value = nodes.int(nthNode, "nth", in: -1...5) else { return nil }
                guard value != 0 else {
                    nodes.report(
                        "nth must be 1 to 5, or -1 for the last, not 0",
                        at: nthNode,
                        hint: "1 is the first such weekday of the month, -1 the last"
                    )
                    return nil
                }
                return value
            }
            let offset = rule["offset_days"].map { nodes.int($0, "offset_days", in: -31...31) } ?? 0
            guard let month, let weekday, let nth, let offset else { return nil }
            return .nthWeekday(month: month, weekday: weekday, nth: nth, offsetDays: offset)
        }
    }
}
