import ICalendar
import RotaModel
import Scheduler

/// How `rota report` shows a fairness report.
enum ReportText {
    static func render(_ report: FairnessReport, config: TeamConfig) -> String {
        func decimal(_ value: Double, _ places: Int = 1) -> String {
            let scale = places == 1 ? 10.0 : 100.0
            let rounded = (value * scale).rounded() / scale
            let text = String(rounded)
            let decimals = text.split(separator: ".").last?.count ?? 0
            return text + String(repeating: "0", count: max(0, places - decimals))
        }
        let rows = report.rows.map { row in
            [
                config.engineer(row.engineer)?.name ?? "\(row.engineer) (left)", decimal(row.weeksOnTeam),
                decimal(row.weeksOnCall), decimal(row.onCallPerWeekOnTeam, 2), "\(row.shifts)",
                "\(row.holidayShiftsVolunteered)", "\(row.holidayShiftsAssigned)", "\(row.holidayBackups)",
                "\(row.backupDays)", "\(row.weekendDays)",
                "\(row.ptoCreditDays)", "\(row.longestDaysOff)",
            ]
        }
        var lines = ["On-call fairness, \(report.from) to \(report.until) (until excluded)", ""]
        lines += TextTable(
            header: [
                "engineer", "weeks on team", "weeks", "per week on team", "shifts", "holidays volunteered",
                "holidays assigned", "holiday backups",
                "backup days", "weekend days", "PTO credit days", "longest days off",
            ],
            rows: rows
        ).lines()
        lines.append("")
        lines.append("balance \(decimal(report.balance, 2)): \(FairnessReport.balanceFormula)")
        return lines.joined(separator: "\n") + "\n"
    }

    static func json(_ report: FairnessReport, config: TeamConfig) throws -> String {
        struct Row: Encodable {
            let engineer: String
            let onTeam: Bool
            let weeksOnTeam: Double
            let hoursOnCall: Double
            let weeksOnCall: Double
            let onCallPerWeekOnTeam: Double
            let shifts: Int
            let holidayShiftsVolunteered: Int
            let holidayShiftsAssigned: Int
            let holidayBackups: Int
            let backupDays: Int
            let weekendDays: Int
            let ptoCreditDays: Int
            let longestDaysOff: Int
        }
        struct Document: Encodable {
            let from: String
            let until: String
            let engineers: [Row]
            let balance: Double
            let balanceFormula: String
        }
        func round(_ value: Double, _ scale: Double) -> Double { (value * scale).rounded() / scale }
        return try JSONOutput.encode(
            Document(
                from: report.from.description,
                until: report.until.description,
                engineers: report.rows.map {
                    Row(
                        engineer: $0.engineer.rawValue,
                        onTeam: config.engineer($0.engineer) != nil,
                        weeksOnTeam: round($0.weeksOnTeam, 1000),
                        hoursOnCall: round($0.hoursOnCall, 100),
                        weeksOnCall: round($0.weeksOnCall, 1000),
                        onCallPerWeekOnTeam: round($0.onCallPerWeekOnTeam, 1000),
                        shifts: $0.shifts,
                        holidayShiftsVolunteered: $0.holidayShiftsVolunteered,
                        holidayShiftsAssigned: $0.holidayShiftsAssigned,
                        holidayBackups: $0.holidayBackups,
                        backupDays: $0.backupDays,
                        weekendDays: $0.weekendDays,
                        ptoCreditDays: $0.ptoCreditDays,
                        longestDaysOff: $0.longestDaysOff
                    )
                },
                balance: round(report.balance, 10000),
                balanceFormula: FairnessReport.balanceFormula
            )
        )
    }
}
