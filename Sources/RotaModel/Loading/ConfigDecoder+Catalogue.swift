internal import Yams

/// A pipeline's `monitoring` and `failure_modes`: catalogue picks, overrides of catalogue entries, or the
/// config's own entries (see `RunbookCatalogue`).
extension ConfigDecoder {
    static let monitoringKeys = ["id", "name", "threshold"]
    static let failureModeKeys = ["id", "name", "symptoms", "detected_by", "first_checks", "remedies", "remedy"]
    /// The fields a monitoring point that is not in the catalogue must define.
    static let monitoringRequired = ["name", "threshold"]
    /// The fields a failure mode that is not in the catalogue must define.
    static let failureModeRequired = ["name", "symptoms", "detected_by"]

    /// `monitoring`: each item a catalogue id (`- freshness`) or a mapping with an `id`.
    mutating func monitoringPoints(_ node: Node) -> [MonitoringPoint]? {
        guard let items = nodes.list(node, "monitoring") else { return nil }
        let known = RunbookCatalogue.monitoringPoints.map(\.id)
        var points: [MonitoringPoint?] = []
        var ids: [(id: String, node: Node)] = []
        for item in items {
            guard let entry = catalogueEntry(item, kind: "monitoring point", keys: Self.monitoringKeys) else {
                points.append(nil)
                continue
            }
            ids.append((entry.id, entry.idNode))
            let base = RunbookCatalogue.monitoringPoint(entry.id)
            guard let fields = entry.fields else {
                points.append(
                    base
                        ?? reportNotInCatalogue(
                            entry,
                            kind: "monitoring point",
                            known,
                            required: Self.monitoringRequired
                        )
                )
                continue
            }
            if base == nil, Self.monitoringRequired.contains(where: { fields[$0] == nil }),
                DidYouMean.suggestion(for: entry.id, among: known) != nil
            {
                points.append(
                    reportNotInCatalogue(entry, kind: "monitoring point", known, required: Self.monitoringRequired)
                )
                continue
            }
            let name = text(fields, "name", default: base?.name)
            let threshold = text(
                fields,
                "threshold",
                default: base?.threshold,
                hint: "when it alerts, e.g. \"data older than 26 h\""
            )
            if let name, let threshold {
                points.append(MonitoringPoint(id: entry.id, name: name, threshold: threshold))
            } else {
                points.append(nil)
            }
        }
        reportDuplicates(ids, "monitoring point id")
        return points.contains(where: { $0 == nil }) || Set(ids.map(\.id)).count != ids.count
            ? nil : points.compactMap { $0 }
    }

    /// `failure_modes`: each item a catalogue id (`- late-finance-data`) or a mapping with an `id`.
    mutating func failureModesList(_ node: Node, monitoring: [MonitoringPoint]?) -> [FailureMode]? {
        guard let items = nodes.list(node, "failure_modes") else { return nil }
        let known = RunbookCatalogue.failureModes.map(\.id)
        var modes: [FailureMode?] = []
        var ids: [(id: String, node: Node)] = []
        for item in items {
            guard let entry = catalogueEntry(item, kind: "failure mode", keys: Self.failureModeKeys) else {
                modes.append(nil)
                continue
            }
            ids.append((entry.id, entry.idNode))
            let base = RunbookCatalogue.failureMode(entry.id)
            guard let fields = entry.fields else {
                guard let base else {
                    modes.append(
                        reportNotInCatalogue(entry, kind: "failure mode", known, required: Self.failureModeRequired)
                    )
                    continue
                }
                modes.append(defaultDetectors(base, at: entry.idNode, monitoring: monitoring).map { _ in base })
                continue
            }
            if base == nil, Self.failureModeRequired.contains(where: { fields[$0] == nil }),
                DidYouMean.suggestion(for: entry.id, among: known) != nil
            {
                modes.append(
                    reportNotInCatalogue(entry, kind: "failure mode", known, required: Self.failureModeRequired)
                )
                continue
            }
            let name = text(fields, "name", default: base?.name)
            let symptoms = text(
                fields,
                "symptoms",
                default: base?.symptoms,
                hint: "how it shows, e.g. \"yesterday's rows missing\""
            )
            let detectedBy: [String]?
            if let given = fields["detected_by"] {
                detectedBy = detectors(given, monitoring: monitoring)
            } else if let base {
                detectedBy = defaultDetectors(base, at: entry.idNode, monitoring: monitoring)
            } else {
                detectedBy = nodes.required(fields, "detected_by", hint: "ids of the monitoring points that fire")
                    .flatMap { detectors($0, monitoring: monitoring) }
            }
            let firstChecks = fields["first_checks"].map { nonEmptyTextList($0, "first_checks") }
            let remedies = remedies(fields)
            if let name, let symptoms, let detectedBy, let remedies, firstChecks != .some(nil) {
                modes.append(
                    FailureMode(
                        id: entry.id,
                        name: name,
                        symptoms: symptoms,
                        detectedBy: detectedBy,
                        firstChecks: (firstChecks ?? nil) ?? base?.firstChecks ?? [],
                        remedies: remedies.isEmpty ? base?.remedies ?? [] : remedies
                    )
                )
            } else {
                modes.append(nil)
            }
        }
        reportDuplicates(ids, "failure mode id")
        return modes.contains(where: { $0 == nil }) || Set(ids.map(\.id)).count != ids.count
            ? nil : modes.compactMap { $0 }
    }

    /// One item of a catalogue-backed list: its id, where the id is written, and its fields when it is a mapping.
    private struct CatalogueEntry {
        let id: String
        let idNode: Node
        /// Nil for a bare catalogue id.
        let fields: Fields?
    }

    /// Reads an item that is either an id or a mapping with an `id` key; nil (reported) when it is neither.
    private mutating func catalogueEntry(_ item: Node, kind: String, keys: [String]) -> CatalogueEntry? {
        if case .scalar = item {
            guard let id = nodes.identifier(item, "\(kind) id") else { return nil }
            return CatalogueEntry(id: id, idNode: item, fields: nil)
        }
        guard case .mapping = item else {
            nodes.report(
                "each \(kind) must be a catalogue id or a mapping, not \(nodes.describe(item))",
                at: item,
                hint: "write '- <id>' to pick from rota's catalogue, or '- id: ...' with its fields"
            )
            return nil
        }
        guard let fields = nodes.fields(item, nodes.name(of: item, kind), keys: keys),
            let idNode = nodes.required(fields, "id", hint: "a catalogue id, or a new lowercase id with all fields"),
            let id = nodes.identifier(idNode, "\(kind) id")
        else { return nil }
        return CatalogueEntry(id: id, idNode: idNode, fields: fields)
    }

    /// Reports an id that is not in the catalogue where the entry does not define it fully; always nil.
    private mutating func reportNotInCatalogue<T>(
        _ entry: CatalogueEntry,
        kind: String,
        _ known: [String],
        required: [String]
    ) -> T? {
        let hint =
            DidYouMean.suggestion(for: entry.id, among: known).map { "did you mean '\($0)'?" }
            ?? "the catalogue's \(kind)s are: \(known.joined(separator: ", ")); a new one needs \(Self.and(required))"
        nodes.report("'\(entry.id)' is not a \(kind) in rota's catalogue", at: entry.idNode, hint: hint)
        return nil
    }

    /// A text field that a catalogue entry may supply: the config's value, else the entry's, else required.
    private mutating func text(
        _ fields: Fields,
        _ key: String,
        default base: String?,
        hint: String? = nil
    )
        -> String?
    {
        if let base { return fields[key].map { nodes.string($0, key) } ?? base }
        return nodes.required(fields, key, hint: hint).flatMap { nodes.string($0, key) }
    }

    /// A list of text that, when written, has at least one item (`first_checks: []` says nothing).
    private mutating func nonEmptyTextList(_ node: Node, _ what: String) -> [String]? {
        guard let items = nodes.stringList(node, what) else { return nil }
        guard !items.isEmpty else {
            nodes.report("\(what) is empty", at: node, hint: "list at least one item, or remove the key")
            return nil
        }
        return items
    }

    /// `remedies` (a list of text) or `remedy` (one text); not both.
    private mutating func remedies(_ fields: Fields) -> [String]? {
        let list = fields["remedies"]
        let single = fields["remedy"]
        if list != nil, let single {
            nodes.report(
                "a failure mode gives either remedies or remedy, not both",
                at: fields.entries["remedy"]?.key ?? single,
                hint: "move the remedy into the remedies list"
            )
            return nil
        }
        if let list { return nodes.stringList(list, "remedies") }
        if let single { return nodes.string(single, "remedy").map { [$0] } }
        return []
    }

    /// A catalogue failure mode's own `detected_by`, when this pipeline monitors each point it names.
    private mutating func defaultDetectors(
        _ mode: FailureMode,
        at node: Node,
        monitoring: [MonitoringPoint]?
    )
        -> [String]?
    {
        guard let monitoring else { return mode.detectedBy }
        let known = monitoring.map(\.id)
        let missing = mode.detectedBy.filter { !known.contains($0) }
        guard !missing.isEmpty else { return mode.detectedBy }
        nodes.report(
            "failure mode '\(mode.id)' is detected by \(Self.and(missing.map { "'\($0)'" })) in rota's catalogue, "
                + "but this pipeline does not monitor \(missing.count == 1 ? "it" : "them")",
            at: node,
            hint: "add \(Self.and(missing)) to this pipeline's monitoring, or give the failure mode its own detected_by"
        )
        return nil
    }

    /// `a`, `a and b`, `a, b and c`.
    private static func and(_ items: [String]) -> String {
        guard let last = items.last, items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " and " + last
    }

    /// `detected_by`: ids of this pipeline's monitoring points.
    private mutating func detectors(_ node: Node, monitoring: [MonitoringPoint]?) -> [String]? {
        guard let items = nodes.list(node, "detected_by") else { return nil }
        let known = monitoring?.map(\.id) ?? []
        var ids: [String] = []
        var failed = false
        for item in items {
            guard let id = nodes.string(item, "each item of detected_by") else {
                failed = true
                continue
            }
            if monitoring != nil, !known.contains(id) {
                let hint =
                    DidYouMean.suggestion(for: id, among: known).map { "did you mean '\($0)'?" }
                    ?? (known.isEmpty
                        ? "this pipeline has no monitoring points yet"
                        : "this pipeline's monitoring points are: \(known.joined(separator: ", "))")
                nodes.report("'\(id)' is not a monitoring point of this pipeline", at: item, hint: hint)
                failed = true
            }
            ids.append(id)
        }
        if items.isEmpty {
            nodes.report("detected_by is empty", at: node, hint: "name at least one monitoring point that fires")
            return nil
        }
        return failed ? nil : ids
    }
}
