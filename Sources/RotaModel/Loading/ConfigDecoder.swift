internal import Yams

/// Decodes and validates a whole config in one pass, in dependency order (engineers before the
/// pipelines and rotation that name them), so each reference is checked where it is written.
struct ConfigDecoder {
    static let topLevelKeys = [
        "version", "team", "engineers", "pipelines", "ownership", "rotation", "holidays", "holiday_policy",
        "policy", "overrides", "feeds", "runbooks",
    ]

    var nodes: NodeDecoder
    /// Every engineer id that was written validly, even when the rest of the entry was not, so that
    /// references to it are not reported a second time.
    var engineerLocations: [EngineerID: SourceLocation] = [:]
    var holidayIDs: Set<HolidayID> = []

    init(source: SourceText) { nodes = NodeDecoder(source: source) }

    var diagnostics: [Diagnostic] { nodes.diagnostics }

    mutating func decodeConfig(_ root: Node) -> TeamConfig? {
        guard case .mapping = root else {
            nodes.report(
                "the config must be a mapping of keys (team, engineers, pipelines, rotation, ...), not "
                    + nodes.describe(root),
                at: root,
                hint: "start from the bundled fixtures/team.yaml; docs/config.md explains every key"
            )
            return nil
        }
        guard let top = nodes.fields(root, "the config", keys: Self.topLevelKeys) else { return nil }
        if let version = top["version"], let number = nodes.int(version, "version", in: 0...Int.max), number != 1 {
            nodes.report(
                number > 1
                    ? "config version \(number) is newer than this rota understands (1)"
                    : "config version must be 1, not 0",
                at: version,
                hint: number > 1 ? "upgrade rota, or write version: 1" : "write version: 1, or leave it out"
            )
        }
        let team = nodes.required(top, "team", hint: "name the team, e.g. team: Data Engineering").flatMap {
            nodes.string($0, "team")
        }
        let engineers = nodes.required(top, "engineers").flatMap { decodeEngineers($0) }
        let holidays = decodeHolidays(top["holidays"])
        let rotation = nodes.required(top, "rotation").flatMap { decodeRotation($0, engineers: engineers) }
        let bounds = decodeOwnershipBounds(top["ownership"])
        let pipelines = nodes.required(top, "pipelines").flatMap {
            decodePipelines($0, engineers: engineers, bounds: bounds, rotationZone: rotation?.timeZone)
        }
        let policy = decodeHolidayPolicy(top["holiday_policy"], holidays: holidays)
        let scheduling = decodeSchedulingPolicy(top["policy"])
        let overrides = decodeOverrides(top["overrides"], rotation: rotation, engineers: engineers)
        let feeds = decodeFeeds(top["feeds"], team: team)
        let runbooks = decodeRunbookSettings(top["runbooks"])
        guard let team, let engineers, let holidays, let rotation, let bounds, let pipelines, let policy,
            let scheduling, let overrides, let feeds, let runbooks
        else { return nil }
        return TeamConfig(
            team: team,
            engineers: engineers.map { $0.engineer(defaultZone: rotation.timeZone) },
            pipelines: pipelines,
            ownershipBounds: bounds,
            rotation: rotation,
            holidays: holidays,
            holidayPolicy: policy,
            policy: scheduling,
            overrides: overrides,
            feeds: feeds,
            runbooks: runbooks
        )
    }

    /// A reference to an engineer (`primary: smith`), reported when no engineer has that id.
    mutating func engineerReference(_ node: Node, _ what: String) -> EngineerID? {
        guard let text = nodes.string(node, what) else { return nil }
        let id = EngineerID(text)
        guard engineerLocations[id] == nil else { return id }
        // When the engineers list itself failed to decode, every reference would be reported; skip them.
        guard !engineerLocations.isEmpty else { return nil }
        let known = engineerLocations.keys.map(\.rawValue).sorted()
        let hint =
            DidYouMean.suggestion(for: text, among: known).map { "did you mean '\($0)'?" }
            ?? "engineers are: \(known.joined(separator: ", "))"
        nodes.report("\(what) '\(text)' is not an engineer on the team", at: node, hint: hint)
        return nil
    }

    /// A zone name checked against the tz database, with a suggestion for near misses.
    mutating func timeZone(_ node: Node, _ what: String) -> TimeZoneID? {
        guard let name = nodes.string(node, what) else { return nil }
        if let zone = TimeZoneDatabase.zone(name) { return zone }
        let hint =
            DidYouMean.suggestion(for: name, among: TimeZoneDatabase.identifiers).map { "did you mean '\($0)'?" }
            ?? "use an IANA zone name such as America/New_York or Europe/London"
        nodes.report("\(what) '\(name)' is not a time zone in the tz database", at: node, hint: hint)
        return nil
    }

    /// Reports every id that appears twice in `items` (at its second and later places).
    mutating func reportDuplicates<ID: Hashable & CustomStringConvertible>(
        _ items: [(id: ID, node: Node)],
        _ what: String
    ) {
        var first: [ID: SourceLocation] = [:]
        for item in items {
            if let earlier = first[item.id] {
                nodes.report(
                    "duplicate \(what) '\(item.id)'",
                    at: item.node,
                    hint: "'\(item.id)' is already used at line \(earlier.line); ids must be unique"
                )
            } else {
                first[item.id] = nodes.location(of: item.node)
            }
        }
    }
}
