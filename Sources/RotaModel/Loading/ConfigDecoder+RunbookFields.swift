internal import Yams

/// A pipeline's `severity`, `impact`, `links` and `contacts`: what its runbook shows first.
extension ConfigDecoder {
    static let contactKeys = ["name", "role", "email", "slack", "phone"]

    /// What the runbook puts at its top, as far as it could be read.
    struct RunbookFields {
        let severity: Severity??
        let impact: String??
        let links: [PipelineLink]?
        let contacts: [ExternalContact]?

        /// Whether every field that was written decoded.
        var isValid: Bool { severity != .some(nil) && impact != .some(nil) && links != nil && contacts != nil }
    }

    /// Reads the runbook fields of one pipeline; each absent field is empty, each bad one reported.
    mutating func runbookFields(_ fields: Fields) -> RunbookFields {
        let severity = fields["severity"].map {
            nodes.choice($0, "severity", Severity.allCases.map { ($0.rawValue, $0) })
        }
        let impact = fields["impact"].map { nodes.string($0, "impact") }
        let links = fields["links"].map { pipelineLinks($0) } ?? []
        let contacts = fields["contacts"].map { externalContacts($0) } ?? []
        return RunbookFields(severity: severity, impact: impact, links: links, contacts: contacts)
    }

    /// `links`: a mapping from a page's name to its http(s) URL, in the order written.
    private mutating func pipelineLinks(_ node: Node) -> [PipelineLink]? {
        guard nodes.visit(node) else { return nil }
        guard case let .mapping(mapping) = node else {
            nodes.report(
                "links must be a mapping of names to URLs, not \(nodes.describe(node))",
                at: node,
                hint: "write 'dashboard: https://...' lines, indented under links"
            )
            return nil
        }
        if mapping.isEmpty {
            nodes.report("links is empty", at: node, hint: "add 'dashboard: https://...', or remove the key")
            return nil
        }
        var links: [PipelineLink] = []
        var failed = false
        for (nameNode, urlNode) in mapping {
            guard let name = nodes.string(nameNode, "a link name"),
                let url = nodes.string(urlNode, "link '\(name)'")
            else {
                failed = true
                continue
            }
            guard WebURL.isAbsoluteHTTP(url) else {
                nodes.report(
                    "link '\(name)' is not an absolute http or https URL: '\(url)'",
                    at: urlNode,
                    hint: "write the whole address, e.g. https://grafana.example.com/d/profit; "
                        + "no spaces, no user:password@"
                )
                failed = true
                continue
            }
            links.append(PipelineLink(name: name, url: url))
        }
        return failed ? nil : links
    }

    /// `contacts`: people outside the team, each with a name, a role and at least one way to reach them.
    private mutating func externalContacts(_ node: Node) -> [ExternalContact]? {
        guard let items = nodes.list(node, "contacts") else { return nil }
        if items.isEmpty {
            nodes.report(
                "contacts is empty",
                at: node,
                hint: "list who to call outside the team (name, role, email/slack/phone), or remove the key"
            )
            return nil
        }
        var contacts: [ExternalContact?] = []
        for item in items {
            guard let fields = nodes.fields(item, Self.contactLabel(item), keys: Self.contactKeys) else {
                contacts.append(nil)
                continue
            }
            contacts.append(externalContact(fields))
        }
        return contacts.contains(where: { $0 == nil }) ? nil : contacts.compactMap { $0 }
    }

    /// How messages name a contact: `contact 'Dana'` when it has a short name, else `a contact`.
    private static func contactLabel(_ item: Node) -> String {
        guard case let .mapping(mapping) = item, case let .scalar(name)? = mapping["name"],
            !name.string.isEmpty, name.string.count <= 40, !name.string.contains("\n")
        else { return "a contact" }
        return "contact '\(name.string)'"
    }

    private mutating func externalContact(_ fields: Fields) -> ExternalContact? {
        let name = nodes.required(fields, "name").flatMap { nodes.string($0, "name") }
        let role = nodes.required(fields, "role", hint: "why to call them, e.g. role: ERP export owner (Finance)")
            .flatMap { nodes.string($0, "role") }
        let email = fields["email"].map { emailAddress($0) }
        let slack = fields["slack"].map { nodes.string($0, "slack") }
        let phone = fields["phone"].map { nodes.string($0, "phone") }
        let reachable = ["email", "slack", "phone"].contains { fields[$0] != nil || fields.suggested.contains($0) }
        if !reachable {
            nodes.report(
                "\(fields.what) has no email, slack or phone",
                at: fields.node,
                hint: "add at least one way to reach them, e.g. email: finance-oncall@example.com"
            )
        }
        guard let name, let role, reachable, email != .some(nil), slack != .some(nil), phone != .some(nil) else {
            return nil
        }
        return ExternalContact(name: name, role: role, email: email ?? nil, slack: slack ?? nil, phone: phone ?? nil)
    }
}
