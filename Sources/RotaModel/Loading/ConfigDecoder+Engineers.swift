internal import Yams

extension ConfigDecoder {
    static let engineerKeys = ["id", "name", "email", "time_zone", "pto", "joined", "left", "slack"]
    static let ptoKeys = ["from", "to", "note"]

    /// An engineer as written; the rotation's zone fills in a missing `time_zone` once it is known.
    struct EngineerDraft {
        let id: EngineerID
        let name: String
        let email: String
        let timeZone: TimeZoneID?
        let pto: [PTORange]
        let joined: LocalDate?
        let left: LocalDate?
        let chat: ChatHandle?

        func engineer(defaultZone: TimeZoneID) -> Engineer {
            Engineer(
                id: id,
                name: name,
                email: email,
                timeZone: timeZone ?? defaultZone,
                pto: pto,
                joined: joined,
                left: left,
                chat: chat
            )
        }
    }

    /// Decodes `engineers:`; records every valid id in `engineerLocations` for later references.
    mutating func decodeEngineers(_ node: Node) -> [EngineerDraft]? {
        guard let items = nodes.list(node, "engineers") else { return nil }
        if items.isEmpty {
            nodes.report("engineers is empty", at: node, hint: "a rotation needs at least one engineer")
            return nil
        }
        var ids: [(id: EngineerID, node: Node)] = []
        var engineers: [EngineerDraft?] = []
        for item in items {
            guard let fields = nodes.fields(item, nodes.name(of: item, "engineer"), keys: Self.engineerKeys) else {
                engineers.append(nil)
                continue
            }
            let idNode = nodes.required(fields, "id", hint: "a short lowercase id such as 'chen'")
            let id = idNode.flatMap { nodes.identifier($0, "engineer id") }.map(EngineerID.init)
            if let id, let idNode {
                ids.append((id, idNode))
                if engineerLocations[id] == nil { engineerLocations[id] = nodes.location(of: idNode) }
            }
            engineers.append(decodeEngineer(fields, id: id))
        }
        reportDuplicates(ids, "engineer id")
        return engineers.contains(where: { $0 == nil }) ? nil : engineers.compactMap { $0 }
    }

    private mutating func decodeEngineer(_ fields: Fields, id: EngineerID?) -> EngineerDraft? {
        let name = nodes.required(fields, "name").flatMap { nodes.string($0, "name") }
        let email = nodes.required(fields, "email").flatMap { emailAddress($0) }
        let zoneNode = fields["time_zone"]
        let zone = zoneNode.flatMap { timeZone($0, "time_zone") }
        let pto = fields["pto"].map { decodePTO($0) } ?? []
        let joined = fields["joined"].map { nodes.date($0, "joined") }
        let left = fields["left"].map { nodes.date($0, "left") }
        let chat = fields["slack"].map { chatHandle($0) }
        if let joinedNode = fields["joined"], let leftNode = fields["left"], let first = joined ?? nil,
            let last = left ?? nil, last < first
        {
            nodes.report(
                "left (\(last)) is before joined (\(first))",
                at: leftNode,
                hint: "'left' is the last day on the team, included; 'joined' (line "
                    + "\(nodes.location(of: joinedNode).line)) the first"
            )
            return nil
        }
        guard let id, let name, let email, let pto, zoneNode == nil || zone != nil, joined != .some(nil),
            left != .some(nil), chat != .some(nil)
        else { return nil }
        return EngineerDraft(
            id: id,
            name: name,
            email: email,
            timeZone: zone,
            pto: pto,
            joined: joined ?? nil,
            left: left ?? nil,
            chat: chat ?? nil
        )
    }

    /// `engineers[].slack`: a Slack member id or an `@handle`, reported where it is written otherwise.
    private mutating func chatHandle(_ node: Node) -> ChatHandle? {
        guard let text = nodes.string(node, "slack") else { return nil }
        guard let handle = ChatHandle(text: text) else {
            nodes.report(
                "slack '\(text)' is neither a Slack member id nor an @handle",
                at: node,
                hint: "a member id such as U012AB3CD (Slack: profile, Copy member ID), or @chen for Mattermost "
                    + "and Rocket.Chat; quote a value that starts with @"
            )
            return nil
        }
        return handle
    }

    mutating func emailAddress(_ node: Node) -> String? {
        guard let text = nodes.string(node, "email") else { return nil }
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."),
            !parts[1].hasSuffix("."), !text.contains(where: \.isWhitespace)
        else {
            nodes.report("email '\(text)' is not an email address", at: node, hint: "e.g. chen@example.com")
            return nil
        }
        return text
    }

    /// PTO ranges, sorted; backwards and overlapping ranges are reported where they are written.
    private mutating func decodePTO(_ node: Node) -> [PTORange]? {
        guard let items = nodes.list(node, "pto") else { return nil }
        var ranges: [(range: PTORange, node: Node)] = []
        var failed = false
        for item in items {
            guard let fields = nodes.fields(item, "a PTO entry", keys: Self.ptoKeys) else {
                failed = true
                continue
            }
            let first = nodes.required(fields, "from", hint: "the first day off, e.g. from: 2026-12-21").flatMap {
                nodes.date($0, "from")
            }
            // A single day off may leave out `to`.
            let last = fields["to"].map { nodes.date($0, "to") } ?? first
            let note = fields["note"].flatMap { nodes.string($0, "note") }
            guard let first, let last else {
                failed = true
                continue
            }
            guard first <= last else {
                nodes.report(
                    "PTO ends (\(last)) before it starts (\(first))",
                    at: fields["to"] ?? item,
                    hint: "'to' is the last day off, included; swap the two dates"
                )
                failed = true
                continue
            }
            ranges.append((PTORange(first: first, last: last, note: note), item))
        }
        let sorted = ranges.enumerated().sorted {
            ($0.element.range.first, $0.offset) < ($1.element.range.first, $1.offset)
        }
        .map(\.element)
        for (earlier, later) in zip(sorted, sorted.dropFirst()) where earlier.range.overlaps(later.range) {
            nodes.report(
                "PTO \(later.range.first) to \(later.range.last) overlaps PTO \(earlier.range.first) to "
                    + "\(earlier.range.last) (line \(nodes.location(of: earlier.node).line))",
                at: later.node,
                hint: "merge the two entries into one range"
            )
            failed = true
        }
        return failed ? nil : sorted.map(\.range)
    }
}
