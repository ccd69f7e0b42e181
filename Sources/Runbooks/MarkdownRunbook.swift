import RotaModel

/// Renders a runbook as Markdown (CommonMark with GitHub tables), for repositories and wikis.
package enum MarkdownRunbook {
    /// The runbook's Markdown text; every config text is escaped (`MarkdownText`).
    package static func render(_ runbook: Runbook) -> String {
        let pipeline = runbook.pipeline
        let text = MarkdownText.escape
        var lines: [String] = []
        lines.append("# Runbook: \(text(pipeline.name))")
        lines.append("")
        lines.append(
            "Pipeline `\(pipeline.id.rawValue)` of \(text(runbook.team)). \(RunbookText.audience(pipeline))"
        )
        lines.append("")
        lines.append("_\(text(RunbookText.generated(runbook)))_")
        lines += firstLook(pipeline)

        lines += ["", "## Purpose and consumers", ""]
        if !pipeline.description.isEmpty {
            lines += [text(pipeline.description), ""]
        }
        lines.append("- **Business area:** \(text(pipeline.businessArea))")
        lines.append("- **Reports to investors:** \(RunbookText.yesNo(pipeline.investorFacing))")
        if pipeline.consumers.isEmpty {
            lines.append("- **Consumers:** none listed")
        } else {
            lines.append("- **Consumers:**")
            lines += pipeline.consumers.map { "  - \(text($0))" }
        }

        lines += ["", "## Owners and escalation", ""]
        lines.append("Escalate in this order:")
        lines.append("")
        let steps = RunbookText.escalation(
            runbook,
            label: { "**\($0)**" },
            person: MarkdownText.nameAndEmail,
            owner: contact
        )
        lines += steps.enumerated().map { "\($0.offset + 1). \($0.element)" }

        lines += ["", "## On call", ""]
        lines += onCall(runbook)

        lines += ["", "### Holiday backups until \(runbook.windowEnd)", ""]
        lines += holidayBackups(runbook)

        lines += ["", "## Upstream sources", ""]
        lines += pipeline.upstreamSources.isEmpty ? ["None listed."] : pipeline.upstreamSources.map { "- \(text($0))" }

        lines += ["", "## Landing deadline", ""]
        if let deadline = pipeline.landingDeadline {
            lines.append("The data must have landed by **\(text(RunbookText.deadline(deadline)))**.")
        } else {
            lines.append("No landing deadline is set.")
        }

        lines += ["", "## Monitoring points", ""]
        lines += monitoring(runbook)

        lines += ["", "## Failure modes", ""]
        lines += failureModes(runbook)
        return lines.joined(separator: "\n") + "\n"
    }

    private static func contact(_ contact: Runbook.Contact) -> String {
        "\(MarkdownText.nameAndEmail(contact)), \(contact.timeZone.identifier)"
    }

    private static func onCall(_ runbook: Runbook) -> [String] {
        let rows = [("now", runbook.onCallNow), ("next", runbook.onCallNext)].compactMap { label, shift in
            shift.map {
                "| \(label) | \(MarkdownText.nameAndEmail($0.contact)) | \(RunbookText.moment($0.start)) "
                    + "| \(RunbookText.moment($0.end)) |"
            }
        }
        guard !rows.isEmpty else { return ["No shift is planned."] }
        return ["|  | engineer | from | to |", "|---|---|---|---|"] + rows
            + ["", "Times are in \(runbook.rotationZone.identifier); shifts hand off at the start time."]
    }

    private static func holidayBackups(_ runbook: Runbook) -> [String] {
        let text = MarkdownText.escape
        guard !runbook.holidayBackups.isEmpty else {
            return ["No major holidays between \(runbook.asOf) and \(runbook.windowEnd)."]
        }
        var lines = ["| date | holiday | on call | backup for this pipeline |", "|---|---|---|---|"]
        for backup in runbook.holidayBackups {
            let who = backup.backup.map { "\(MarkdownText.nameAndEmail($0)) (\(RunbookText.role(backup.role)))" }
            lines.append(
                "| \(backup.date) | \(text(backup.holiday)) | \(text(backup.onCall.name))"
                    + "\(backup.recorded ? "" : " (proposed)") | \(who ?? text(RunbookText.role(nil))) |"
            )
        }
        lines += [
            "", "The secondary owner backs the pipeline up on major holidays; proposed shifts are not recorded yet.",
        ]
        return lines
    }

    private static func monitoring(_ runbook: Runbook) -> [String] {
        let text = MarkdownText.escape
        guard !runbook.pipeline.monitoring.isEmpty else { return ["None listed."] }
        var lines = ["| id | what is watched | alerts when | detects |", "|---|---|---|---|"]
        for point in runbook.pipeline.monitoring {
            let detects = runbook.failureModes(detectedBy: point).map { "`\($0.id)`" }.joined(separator: ", ")
            lines.append(
                "| `\(point.id)` | \(text(point.name)) | \(text(point.threshold)) | \(detects.isEmpty ? "-" : detects) |"
            )
        }
        return lines
    }

    private static func failureModes(_ runbook: Runbook) -> [String] {
        let text = MarkdownText.escape
        guard !runbook.pipeline.failureModes.isEmpty else { return ["None listed."] }
        var lines: [String] = []
        for (number, mode) in runbook.pipeline.failureModes.enumerated() {
            if number > 0 { lines.append("") }
            lines.append("### \(number + 1). \(text(mode.name)) (`\(mode.id)`)")
            lines.append("")
            lines.append("- **Symptoms:** \(text(mode.symptoms))")
            if !mode.firstChecks.isEmpty {
                lines.append("- **Look first at:**")
                lines += mode.firstChecks.enumerated().map { "  \($0.offset + 1). \(text($0.element))" }
            }
            lines.append("- **Detected by:**")
            lines += runbook.detectors(of: mode).map {
                "  - `\($0.id)` \(text($0.name)): \(text($0.threshold))"
            }
            if !mode.remedies.isEmpty {
                lines.append("- **Remedies:**")
                lines += mode.remedies.enumerated().map { "  \($0.offset + 1). \(text($0.element))" }
            }
        }
        return lines
    }
}
