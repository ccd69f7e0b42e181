import RotaModel

/// Renders a runbook as a printable, self-contained HTML page: inline CSS, no scripts, no external assets.
package enum HTMLRunbook {
    /// The runbook's HTML; every config text is escaped (`HTMLText`).
    package static func render(_ runbook: Runbook) -> String {
        let pipeline = runbook.pipeline
        let text = HTMLText.escape
        var body: [String] = []
        body.append("<p class=\"meta\"><a href=\"index.html\">All runbooks</a></p>")
        body.append("<h1>Runbook: \(text(pipeline.name))</h1>")
        body.append(
            "<p>Pipeline <code>\(pipeline.id.rawValue)</code> of \(text(runbook.team)). "
                + (pipeline.investorFacing
                    ? "<span class=\"badge\">reports to investors</span>" : text(RunbookText.audience(pipeline)))
                + "</p>"
        )
        body.append("<p class=\"meta\">\(text(RunbookText.generated(runbook)))</p>")
        body += firstLook(pipeline)

        body.append("<h2>Purpose and consumers</h2>")
        if !pipeline.description.isEmpty { body.append("<p>\(text(pipeline.description))</p>") }
        body.append("<dl>")
        body.append("<dt>Business area</dt><dd>\(text(pipeline.businessArea))</dd>")
        body.append("<dt>Reports to investors</dt><dd>\(RunbookText.yesNo(pipeline.investorFacing))</dd>")
        body.append("<dt>Consumers</dt><dd>\(list(pipeline.consumers))</dd>")
        body.append("</dl>")

        body.append("<h2>Owners and escalation</h2>")
        body.append("<p>Escalate in this order:</p>")
        body.append("<ol>")
        body += RunbookText.escalation(
            runbook,
            label: { "<strong>\($0)</strong>" },
            person: { text(RunbookText.nameAndEmail($0)) },
            owner: contact
        ).map { "<li>\($0)</li>" }
        body.append("</ol>")

        body.append("<h2>On call</h2>")
        body += onCall(runbook)
        body.append("<h3>Holiday backups until \(runbook.windowEnd)</h3>")
        body += holidayBackups(runbook)

        body.append("<h2>Upstream sources</h2>")
        body.append(pipeline.upstreamSources.isEmpty ? "<p>None listed.</p>" : list(pipeline.upstreamSources))

        body.append("<h2>Landing deadline</h2>")
        if let deadline = pipeline.landingDeadline {
            body.append("<p>The data must have landed by <strong>\(text(RunbookText.deadline(deadline)))</strong>.</p>")
        } else {
            body.append("<p>No landing deadline is set.</p>")
        }

        body.append("<h2>Monitoring points</h2>")
        body += monitoring(runbook)
        body.append("<h2>Failure modes</h2>")
        body += failureModes(runbook)
        return HTMLPage.document(title: "Runbook: \(pipeline.name)", body: body)
    }

    private static func list(_ items: [String]) -> String {
        guard !items.isEmpty else { return "none listed" }
        return "<ul>" + items.map { "<li>\(HTMLText.escape($0))</li>" }.joined() + "</ul>"
    }

    private static func contact(_ contact: Runbook.Contact) -> String {
        let name = HTMLText.escape(contact.name)
        guard !contact.email.isEmpty else { return name }
        let email = HTMLText.escape(contact.email)
        return "\(name) &lt;<a href=\"mailto:\(email)\">\(email)</a>&gt;, \(contact.timeZone.identifier)"
    }

    private static func onCall(_ runbook: Runbook) -> [String] {
        let rows = [("now", runbook.onCallNow), ("next", runbook.onCallNext)].compactMap { label, shift in
            shift.map {
                "<tr><th>\(label)</th><td>\(HTMLText.escape(RunbookText.nameAndEmail($0.contact)))</td>"
                    + "<td>\(RunbookText.moment($0.start))</td><td>\(RunbookText.moment($0.end))</td></tr>"
            }
        }
        guard !rows.isEmpty else { return ["<p>No shift is planned.</p>"] }
        return ["<table>", "<tr><th></th><th>engineer</th><th>from</th><th>to</th></tr>"] + rows
            + [
                "</table>",
                "<p class=\"meta\">Times are in \(runbook.rotationZone.identifier); shifts hand off at the start time.</p>",
            ]
    }

    private static func holidayBackups(_ runbook: Runbook) -> [String] {
        let text = HTMLText.escape
        guard !runbook.holidayBackups.isEmpty else {
            return ["<p>No major holidays between \(runbook.asOf) and \(runbook.windowEnd).</p>"]
        }
        var lines = [
            "<table>", "<tr><th>date</th><th>holiday</th><th>on call</th><th>backup for this pipeline</th></tr>",
        ]
        for backup in runbook.holidayBackups {
            let who =
                backup.backup.map { "\(text(RunbookText.nameAndEmail($0))) (\(text(RunbookText.role(backup.role))))" }
                ?? text(RunbookText.role(nil))
            lines.append(
                "<tr><td>\(backup.date)</td><td>\(text(backup.holiday))</td><td>\(text(backup.onCall.name))"
                    + "\(backup.recorded ? "" : " (proposed)")</td><td>\(who)</td></tr>"
            )
        }
        lines.append("</table>")
        lines.append(
            "<p class=\"meta\">The secondary owner backs the pipeline up on major holidays; "
                + "proposed shifts are not recorded yet.</p>"
        )
        return lines
    }

    private static func monitoring(_ runbook: Runbook) -> [String] {
        let text = HTMLText.escape
        guard !runbook.pipeline.monitoring.isEmpty else { return ["<p>None listed.</p>"] }
        var lines = ["<table>", "<tr><th>id</th><th>what is watched</th><th>alerts when</th><th>detects</th></tr>"]
        for point in runbook.pipeline.monitoring {
            let detects = runbook.failureModes(detectedBy: point).map { "<code>\($0.id)</code>" }
            lines.append(
                "<tr><td><code>\(point.id)</code></td><td>\(text(point.name))</td><td>\(text(point.threshold))</td>"
                    + "<td>\(detects.isEmpty ? "-" : detects.joined(separator: ", "))</td></tr>"
            )
        }
        lines.append("</table>")
        return lines
    }

    private static func failureModes(_ runbook: Runbook) -> [String] {
        let text = HTMLText.escape
        guard !runbook.pipeline.failureModes.isEmpty else { return ["<p>None listed.</p>"] }
        var lines: [String] = []
        for (number, mode) in runbook.pipeline.failureModes.enumerated() {
            lines.append("<section class=\"failure\" id=\"\(mode.id)\">")
            lines.append("<h3>\(number + 1). \(text(mode.name)) <code>\(mode.id)</code></h3>")
            lines.append("<dl>")
            lines.append("<dt>Symptoms</dt><dd>\(text(mode.symptoms))</dd>")
            if !mode.firstChecks.isEmpty {
                let checks = mode.firstChecks.map { "<li>\(text($0))</li>" }.joined()
                lines.append("<dt>Look first at</dt><dd><ol>\(checks)</ol></dd>")
            }
            let detectors = runbook.detectors(of: mode).map {
                "<li><code>\($0.id)</code> \(text($0.name)): \(text($0.threshold))</li>"
            }
            lines.append("<dt>Detected by</dt><dd><ul>\(detectors.joined())</ul></dd>")
            if !mode.remedies.isEmpty {
                let remedies = mode.remedies.map { "<li>\(text($0))</li>" }.joined()
                lines.append("<dt>Remedies</dt><dd><ol>\(remedies)</ol></dd>")
            }
            lines.append("</dl>")
            lines.append("</section>")
        }
        return lines
    }
}
