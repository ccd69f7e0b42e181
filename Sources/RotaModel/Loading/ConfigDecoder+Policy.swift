internal import Yams

extension ConfigDecoder {
    static let policyKeys = ["lead_time", "volunteer_credit_days", "volunteers"]
    static let pledgeKeys = ["holiday", "year", "engineers"]
    static let defaultLeadTime = CalendarSpan(count: 3, unit: .months)
    static let schedulingPolicyKeys = ["min_gap"]

    /// `policy:`; absent, the standard rest rule (one shift off between two of an engineer's shifts).
    mutating func decodeSchedulingPolicy(_ node: Node?) -> SchedulingPolicy? {
        guard let node else { return .standard }
        guard let fields = nodes.fields(node, "policy", keys: Self.schedulingPolicyKeys) else { return nil }
        guard let gapNode = fields["min_gap"] else { return .standard }
        return nodes.int(gapNode, "min_gap", in: 0...52).map { SchedulingPolicy(minimumGap: $0) }
    }

    /// `holiday_policy:`; absent, a three-month lead time, one day of PTO credit and no volunteers.
    mutating func decodeHolidayPolicy(_ node: Node?, holidays: HolidaySettings?) -> HolidayPolicy? {
        guard let node else {
            return HolidayPolicy(leadTime: Self.defaultLeadTime, volunteerCreditDays: 1, volunteers: [])
        }
        guard let fields = nodes.fields(node, "holiday_policy", keys: Self.policyKeys) else { return nil }
        let leadTime = fields["lead_time"].map { nodes.span($0, "lead_time") } ?? Self.defaultLeadTime
        let credit = fields["volunteer_credit_days"].map { nodes.int($0, "volunteer_credit_days", in: 0...30) } ?? 1
        let pledges = fields["volunteers"].map { volunteerPledges($0, holidays: holidays) } ?? []
        guard let leadTime, let credit, let pledges else { return nil }
        return HolidayPolicy(leadTime: leadTime, volunteerCreditDays: credit, volunteers: pledges)
    }

    private mutating func volunteerPledges(_ node: Node, holidays: HolidaySettings?) -> [VolunteerPledge]? {
        guard let items = nodes.list(node, "volunteers") else { return nil }
        var pledges: [VolunteerPledge?] = []
        var seen: [String: Int] = [:]
        for item in items {
            guard let fields = nodes.fields(item, "a volunteer pledge", keys: Self.pledgeKeys) else {
                pledges.append(nil)
                continue
            }
            let holidayNode = nodes.required(fields, "holiday", hint: "the holiday's id, e.g. holiday: christmas")
            let holiday = holidayNode.flatMap {
                holidayReference($0, "volunteered holiday", among: holidayIDs.sorted())
            }
            let yearNode = nodes.required(fields, "year")
            let year = yearNode.flatMap { nodes.int($0, "year", in: 1971...2100) }
            var failed = false
            if let holiday, let year, let holidays, let rule = holidays.rule(holiday), let holidayNode, let yearNode {
                if !rule.major {
                    nodes.report(
                        "volunteers for '\(holiday)', which is not a major holiday",
                        at: holidayNode,
                        hint:
                            "only major holidays get holiday shifts; add '\(holiday)' to holidays.major or drop this pledge"
                    )
                    failed = true
                } else if rule.occurrence(in: year) == nil {
                    nodes.report(
                        "'\(holiday)' is not in force in \(year)",
                        at: yearNode,
                        hint: "rota holidays --year \(year) lists the holidays of that year"
                    )
                    failed = true
                } else if let line = seen["\(holiday) \(year)"] {
                    nodes.report(
                        "a second pledge for '\(holiday)' in \(year)",
                        at: holidayNode,
                        hint: "add the engineers to the pledge at line \(line) instead"
                    )
                    failed = true
                } else {
                    seen["\(holiday) \(year)"] = nodes.location(of: holidayNode).line
                }
            }
            let engineers = nodes.required(fields, "engineers", hint: "who volunteers, e.g. engineers: [kim]").flatMap {
                pledgeEngineers($0)
            }
            if let holiday, let year, let engineers, !failed {
                pledges.append(VolunteerPledge(holiday: holiday, year: year, engineers: engineers))
            } else {
                pledges.append(nil)
            }
        }
        return pledges.contains(where: { $0 == nil }) ? nil : pledges.compactMap { $0 }
    }

    private mutating func pledgeEngineers(_ node: Node) -> [EngineerID]? {
        guard let items = nodes.list(node, "volunteers' engineers") else { return nil }
        guard !items.isEmpty else {
            nodes.report("a pledge with no engineers", at: node, hint: "name who volunteers, or remove the pledge")
            return nil
        }
        let ids = items.map { engineerReference($0, "volunteer") }
        var unique: [EngineerID] = []
        for case let id? in ids where !unique.contains(id) { unique.append(id) }
        return ids.contains(where: { $0 == nil }) ? nil : unique
    }
}
