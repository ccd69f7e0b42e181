import ICalendar
import RotaModel

/// The commented starter config `rota init` writes: valid as written, so `rota check` accepts it.
///
/// Each engineer is primary owner of one placeholder pipeline and secondary owner of the previous
/// engineer's, so the ownership bounds hold for any team size; a team of one has no secondary owners and
/// says so in its bounds.
enum StarterConfig {
    /// The config text for `team` with `engineers` (valid ids, no duplicates, at least one), rotating weekly
    /// from `start`, a Monday.
    static func text(team: String, engineers: [String], start: LocalDate) -> String {
        let secondaryMinimum = engineers.count > 1 ? 1 : 0
        var lines = [
            "# The on-call config of \(team), written by `rota init`. Edit it, then run `rota check`.",
            "# docs/config.md explains every key; fixtures/team.yaml in rota's repository is a fuller example.",
            "version: 1",
            "team: \(quoted(team))",
            "",
            "# The people on call. An id is lowercase letters, digits and single hyphens, and never changes:",
            "# the rotation order, owners, overrides and the ledger refer to it.",
            "engineers:",
        ]
        for id in engineers {
            lines += [
                "  - id: \(id)",
                "    name: \(quoted(displayName(id)))",
                "    email: \(id)@example.com",
                "    # time_zone: Europe/Berlin           # defaults to rotation.time_zone",
                "    # pto: [{ from: 2027-03-01, to: 2027-03-05 }]",
            ]
        }
        lines += [
            "",
            "# How many pipelines each engineer owns, as primary and as secondary owner; rota check enforces it.",
            "ownership:",
            "  primary: { min: 1, max: 2 }",
            "  secondary: { min: \(secondaryMinimum), max: 2 }",
            "",
            "# The pipelines the team owns: a primary owner and, as backup, a secondary owner. Replace these",
            "# placeholders. A pipeline with investor_facing: true needs a secondary owner, a landing_deadline,",
            "# monitoring and failure_modes, and gets a runbook (docs/config.md, \"pipelines\").",
            "pipelines:",
        ]
        for (index, id) in engineers.enumerated() {
            lines += [
                "  - id: pipeline-\(index + 1)",
                "    name: Pipeline \(index + 1)",
                "    business_area: Replace me",
                "    investor_facing: false",
                "    primary: \(id)",
            ]
            if engineers.count > 1 {
                lines.append("    secondary: \(engineers[(index + engineers.count - 1) % engineers.count])")
            }
            lines.append("    # landing_deadline: { time: \"07:00\", cadence: daily }")
            if index == 0 { lines += runbookFields }
        }
        lines += [
            "",
            "# A weekly rotation in this order, handed off on Mondays at 10:00 in the rotation's zone.",
            "rotation:",
            "  length: 1w",
            "  handoff: { weekday: monday, time: \"10:00\" }",
            "  time_zone: UTC                        # an IANA zone, e.g. America/New_York",
            "  order: [\(engineers.joined(separator: ", "))]",
            "  start: \(start)",
            "",
            "# Public holidays; the major ones are shared out fairly and decided lead_time ahead.",
            "holidays:",
            "  builtin: us-federal",
            "  major: [thanksgiving, christmas, new-years-day]",
            "",
            "holiday_policy:",
            "  lead_time: 3m",
            "  volunteers: []",
            "",
            "# Who covers whom on given dates, over everything else (docs/config.md, \"overrides\").",
            "overrides: []",
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    /// The runbook fields, commented out, under the first pipeline: what someone paged at 3am reads first.
    private static let runbookFields = [
        "    # What its runbook shows first (docs/config.md, \"Runbook fields\"):",
        "    # severity: sev2                       # sev1 (worst) to sev4",
        "    # impact: The finance dashboard shows yesterday's profit until this lands.",
        "    # links:                               # http or https pages to open first",
        "    #   dashboard: https://grafana.example.com/d/pipeline-1",
        "    #   logs: https://logs.example.com/search?q=pipeline-1",
        "    # contacts:                            # people outside the team; each needs email, slack or phone",
        "    #   - { name: Finance systems, role: Source data owner, email: finance@example.com }",
    ]

    /// The Monday on or before `date`: the first hand-off of a new rotation.
    static func start(onOrBefore date: LocalDate) -> LocalDate {
        date.adding(days: -(date.weekday.isoNumber - 1))
    }

    private static func displayName(_ id: String) -> String {
        id.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
    }

    /// `text` as a YAML scalar: plain when that reads back the same, else double-quoted.
    private static func quoted(_ text: String) -> String {
        let plain = text.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == " "
                || $0 == "-" || $0 == "."
        }
        if plain, let first = text.first, first.isLetter, text.last != " " { return text }
        var escaped = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": escaped += "\\\""
            case "\\": escaped += "\\\\"
            case "\n": escaped += "\\n"
            case "\t": escaped += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    escaped += "\\x" + (scalar.value < 0x10 ? "0" : "") + String(scalar.value, radix: 16)
                } else {
                    escaped.unicodeScalars.append(scalar)
                }
            }
        }
        return escaped + "\""
    }
}
