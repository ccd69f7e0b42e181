internal import Yams

extension ConfigDecoder {
    static let pipelineKeys = [
        "id", "name", "business_area", "investor_facing", "primary", "secondary", "description", "consumers",
        "upstream_sources", "landing_deadline", "monitoring", "failure_modes", "severity", "impact", "links",
        "contacts",
    ]
    static let deadlineKeys = ["time", "time_zone", "cadence"]

    /// Who owns a pipeline, as far as it could be read; ownership counts need every pipeline's owners.
    struct Ownership {
        let pipeline: PipelineID
        let primary: EngineerID
        let secondary: EngineerID?
    }

    mutating func decodePipelines(
        _ node: Node,
        engineers: [EngineerDraft]?,
        bounds: OwnershipBounds?,
        rotationZone: TimeZoneID?
    ) -> [Pipeline]? {
        guard let items = nodes.list(node, "pipelines") else { return nil }
        var pipelines: [Pipeline?] = []
        var ids: [(id: PipelineID, node: Node)] = []
        var ownerships: [Ownership?] = []
        for item in items {
            guard let fields = nodes.fields(item, nodes.name(of: item, "pipeline"), keys: Self.pipelineKeys) else {
                pipelines.append(nil)
                ownerships.append(nil)
                continue
            }
            let idNode = nodes.required(fields, "id", hint: "a lowercase id such as 'aggregate-profit'")
            var id = idNode.flatMap { nodes.identifier($0, "pipeline id") }.map(PipelineID.init)
            if let reserved = id, reserved.rawValue == "index", let idNode {
                nodes.report(
                    "pipeline id 'index' is reserved",
                    at: idNode,
                    hint: "runbooks are written as <pipeline-id>.md and .html beside index.md and index.html; "
                        + "pick another id"
                )
                id = nil
            }
            if let id, let idNode { ids.append((id, idNode)) }
            let pipeline = decodePipeline(fields, id: id, rotationZone: rotationZone)
            pipelines.append(pipeline.pipeline)
            ownerships.append(pipeline.ownership)
        }
        reportDuplicates(ids, "pipeline id")
        if let engineers, let bounds, !ownerships.contains(where: { $0 == nil }) {
            checkOwnershipCounts(ownerships.compactMap { $0 }, engineers: engineers, bounds: bounds)
        }
        return pipelines.contains(where: { $0 == nil }) ? nil : pipelines.compactMap { $0 }
    }

    private mutating func decodePipeline(
        _ fields: Fields,
        id: PipelineID?,
        rotationZone: TimeZoneID?
    ) -> (
        pipeline: Pipeline?, ownership: Ownership?
    ) {
        let name = nodes.required(fields, "name").flatMap { nodes.string($0, "name") }
        let area = nodes.required(fields, "business_area", hint: "e.g. business_area: Profit").flatMap {
            nodes.string($0, "business_area")
        }
        let investorFacing = fields["investor_facing"].map { nodes.bool($0, "investor_facing") } ?? false
        let primaryNode = nodes.required(fields, "primary", hint: "the engineer who owns it, e.g. primary: chen")
        let primary = primaryNode.flatMap { engineerReference($0, "primary owner") }
        let secondaryNode = fields["secondary"]
        let secondary = secondaryNode.flatMap { engineerReference($0, "secondary owner") }
        var ownersFailed = primary == nil || (secondaryNode != nil && secondary == nil)
        if let primary, let secondary, primary == secondary, let secondaryNode {
            nodes.report(
                "'\(primary)' is both primary and secondary owner of this pipeline",
                at: secondaryNode,
                hint: "the secondary is the backup; pick another engineer"
            )
            ownersFailed = true
        }
        let description = fields["description"].map { nodes.string($0, "description") } ?? ""
        let consumers = fields["consumers"].map { nodes.stringList($0, "consumers") } ?? []
        let sources = fields["upstream_sources"].map { nodes.stringList($0, "upstream_sources") } ?? []
        let deadlineNode = fields["landing_deadline"]
        let deadline = deadlineNode.flatMap { landingDeadline($0, rotationZone: rotationZone) }
        let monitoring = fields["monitoring"].map { monitoringPoints($0) } ?? []
        let failureModes = fields["failure_modes"].map { failureModesList($0, monitoring: monitoring) } ?? []
        let runbook = runbookFields(fields)

        // A requirement whose key is merely misspelt is already reported as an unknown key with a did-you-mean.
        if investorFacing == true {
            let label = id.map { "investor-facing pipeline '\($0)'" } ?? "an investor-facing pipeline"
            if secondaryNode == nil, !fields.suggested.contains("secondary") {
                nodes.report(
                    "\(label) has no secondary owner",
                    at: fields.node,
                    hint: "investor-facing pipelines need an experienced backup; add 'secondary: <engineer>'"
                )
            }
            if !fields.suggested.contains("monitoring"), fields["monitoring"] == nil || monitoring?.isEmpty == true {
                nodes.report(
                    "\(label) has no monitoring points",
                    at: fields.node,
                    hint: "list what is watched under 'monitoring:' (freshness, execution status, data quality, ...)"
                )
            }
            if !fields.suggested.contains("failure_modes"),
                fields["failure_modes"] == nil || failureModes?.isEmpty == true
            {
                nodes.report(
                    "\(label) has no failure modes",
                    at: fields.node,
                    hint: "list what can go wrong under 'failure_modes:'; the runbook is built from them"
                )
            }
            if deadlineNode == nil, !fields.suggested.contains("landing_deadline") {
                nodes.report(
                    "\(label) has no landing deadline",
                    at: fields.node,
                    hint: "say when the data must land, e.g. landing_deadline: { time: \"07:00\" }"
                )
            }
        }
        let ownership =
            ownersFailed
            ? nil : id.flatMap { id in primary.map { Ownership(pipeline: id, primary: $0, secondary: secondary) } }
        guard let id, let name, let area, let investorFacing, let primary, !ownersFailed, let description,
            let consumers, let sources, deadlineNode == nil || deadline != nil, let monitoring, let failureModes,
            runbook.isValid, let links = runbook.links, let contacts = runbook.contacts,
            !(investorFacing && (secondary == nil || monitoring.isEmpty || failureModes.isEmpty || deadline == nil))
        else { return (nil, ownership) }
        let pipeline = Pipeline(
            id: id,
            name: name,
            businessArea: area,
            investorFacing: investorFacing,
            primary: primary,
            secondary: secondary,
            description: description,
            consumers: consumers,
            upstreamSources: sources,
            landingDeadline: deadline,
            monitoring: monitoring,
            failureModes: failureModes,
            severity: runbook.severity ?? nil,
            impact: runbook.impact ?? nil,
            links: links,
            contacts: contacts
        )
        return (pipeline, ownership)
    }

    private mutating func landingDeadline(_ node: Node, rotationZone: TimeZoneID?) -> LandingDeadline? {
        guard let fields = nodes.fields(node, "landing_deadline", keys: Self.deadlineKeys) else { return nil }
        let time = nodes.required(fields, "time", hint: "e.g. time: \"07:00\"").flatMap {
            nodes.time($0, "landing time")
        }
        let zoneNode = fields["time_zone"]
        let zone = zoneNode.flatMap { timeZone($0, "landing_deadline time_zone") }
        let cadence =
            fields["cadence"].map {
                nodes.choice($0, "cadence", LandingDeadline.Cadence.allCases.map { ($0.rawValue, $0) })
            } ?? .daily
        guard let time, let cadence, let zone = zoneNode == nil ? rotationZone : zone else { return nil }
        return LandingDeadline(time: time, timeZone: zone, cadence: cadence)
    }
}
