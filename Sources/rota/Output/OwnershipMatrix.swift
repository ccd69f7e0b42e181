import RotaModel

/// The text `rota check` prints for a valid config: who is primary and secondary owner of what.
struct OwnershipMatrix {
    let config: TeamConfig
    let file: String

    func render() -> String {
        let investorCount = config.pipelines.filter(\.investorFacing).count
        var lines = [
            "\(file): ok. \(config.team): \(config.engineers.count) engineers, \(config.pipelines.count) pipelines "
                + "(\(investorCount) reporting to investors)",
            "",
        ]
        func names(_ pipelines: [Pipeline]) -> String {
            pipelines.map { $0.name + ($0.investorFacing ? "*" : "") }.joined(separator: ", ")
        }
        let rows = config.engineers.map { engineer -> [String] in
            let primary = config.pipelines(primary: engineer.id)
            let secondary = config.pipelines(secondary: engineer.id)
            return [
                "\(engineer.name) (\(engineer.id))", "\(primary.count)", names(primary), "\(secondary.count)",
                names(secondary),
            ]
        }
        lines += TextTable(header: ["engineer", "#", "primary", "#", "secondary"], rows: rows).lines()
        let bounds =
            "Each engineer owns \(range(config.ownershipBounds.primary)) pipelines as primary and "
            + "\(range(config.ownershipBounds.secondary)) as secondary."
        lines.append("")
        lines.append(investorCount > 0 ? "* reports to investors. " + bounds : bounds)
        return lines.joined(separator: "\n") + "\n"
    }

    private func range(_ bounds: ClosedRange<Int>) -> String {
        bounds.lowerBound == bounds.upperBound ? "\(bounds.lowerBound)" : "\(bounds.lowerBound) to \(bounds.upperBound)"
    }
}
