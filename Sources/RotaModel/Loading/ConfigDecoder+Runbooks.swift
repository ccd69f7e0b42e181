internal import Yams

extension ConfigDecoder {
    static let runbookKeys = ["url_base"]

    /// `runbooks:`; absent, no runbook links in feed events.
    mutating func decodeRunbookSettings(_ node: Node?) -> RunbookSettings? {
        guard let node else { return RunbookSettings.none }
        guard let fields = nodes.fields(node, "runbooks", keys: Self.runbookKeys) else { return nil }
        guard let baseNode = fields["url_base"] else { return RunbookSettings.none }
        guard let text = nodes.string(baseNode, "runbooks url_base") else { return nil }
        let lowered = text.lowercased()
        let scheme = ["https://", "http://"].first { lowered.hasPrefix($0) }
        let rest = scheme.map { text.dropFirst($0.count) } ?? ""
        let host = rest.prefix { $0 != "/" }
        let valid =
            scheme != nil && !host.isEmpty
            && text.unicodeScalars.allSatisfy {
                $0.value > 0x20 && $0.value < 0x7F && !"\"<>\\^`{|}".unicodeScalars.contains($0)
            }
            && !text.contains("?") && !text.contains("#")
        guard valid else {
            nodes.report(
                "runbooks url_base '\(text)' is not an http or https URL",
                at: baseNode,
                hint: "the URL the runbook pages are published under, e.g. https://oncall.example.com/runbooks"
            )
            return nil
        }
        var base = text
        while base.hasSuffix("/") { base.removeLast() }
        return RunbookSettings(urlBase: base)
    }
}
