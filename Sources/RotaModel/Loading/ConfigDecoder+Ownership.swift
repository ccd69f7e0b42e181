internal import Yams

extension ConfigDecoder {
    static let ownershipKeys = ["primary", "secondary"]
    static let boundKeys = ["min", "max"]

    /// `ownership:` bounds on how many pipelines each engineer owns; absent, the brief's 1 to 2.
    mutating func decodeOwnershipBounds(_ node: Node?) -> OwnershipBounds? {
        guard let node else { return .default }
        guard let fields = nodes.fields(node, "ownership", keys: Self.ownershipKeys) else { return nil }
        let primary = fields["primary"].map { bound($0, "ownership.primary") } ?? OwnershipBounds.default.primary
        let secondary =
            fields["secondary"].map { bound($0, "ownership.secondary") } ?? OwnershipBounds.default.secondary
        guard let primary, let secondary else { return nil }
        return OwnershipBounds(primary: primary, secondary: secondary)
    }

    private mutating func bound(_ node: Node, _ what: String) -> ClosedRange<Int>? {
        guard let fields = nodes.fields(node, what, keys: Self.boundKeys) else { return nil }
        // A bound left out keeps its default unless that would contradict the one given: `min: 3` alone
        // means 3 to 3, not an error against the default max of 2.
        let givenMin = fields["min"].map { nodes.int($0, "\(what).min", in: 0...1000) }
        let givenMax = fields["max"].map { nodes.int($0, "\(what).max", in: 0...1000) }
        guard givenMin != .some(nil), givenMax != .some(nil) else { return nil }
        let minimum = givenMin.flatMap { $0 } ?? min(1, givenMax.flatMap { $0 } ?? 1)
        let maximum = givenMax.flatMap { $0 } ?? max(2, minimum)
        guard minimum <= maximum else {
            nodes.report(
                "\(what).min (\(minimum)) is larger than \(what).max (\(maximum))",
                at: fields["min"] ?? node,
                hint: "min and max bound how many pipelines one engineer owns"
            )
            return nil
        }
        return minimum...maximum
    }

    /// Reports each engineer who owns too few or too many pipelines, at the engineer's id.
    mutating func checkOwnershipCounts(_ ownerships: [Ownership], engineers: [EngineerDraft], bounds: OwnershipBounds) {
        for engineer in engineers {
            guard let location = engineerLocations[engineer.id] else { continue }
            let primary = ownerships.filter { $0.primary == engineer.id }.map(\.pipeline)
            let secondary = ownerships.filter { $0.secondary == engineer.id }.map(\.pipeline)
            for (role, owned, range) in [
                ("primary", primary, bounds.primary), ("secondary", secondary, bounds.secondary),
            ]
            where !range.contains(owned.count) {
                let list = owned.isEmpty ? "" : " (\(owned.map(\.rawValue).joined(separator: ", ")))"
                let advice =
                    owned.count < range.lowerBound
                    ? "make '\(engineer.id)' \(role) owner of another pipeline"
                    : "give one of these pipelines another \(role) owner"
                nodes.report(
                    "engineer '\(engineer.id)' is \(role) owner of \(owned.count) "
                        + "pipeline\(owned.count == 1 ? "" : "s")\(list); the allowed range is "
                        + "\(range.lowerBound) to \(range.upperBound)",
                    at: location,
                    hint: "\(advice), or change ownership.\(role) in the config"
                )
            }
        }
    }
}
