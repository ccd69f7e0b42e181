import ICalendar
import RotaModel
import Scheduler

/// The JSON form of `rota check` for a usable config; docs/commands.md documents every field.
enum CheckJSON {
    struct Document: Encodable {
        let config: String
        let team: String
        let asOf: String
        let ownership: [Owner]
        let bounds: Bounds
        let ledger: LedgerSummary
        let conflicts: [PlanJSON.Conflict]
        let warnings: [PlanJSON.Warning]
    }

    /// One engineer's row of the ownership matrix, in config order; pipelines by id, in config order.
    struct Owner: Encodable {
        let engineer: String
        let name: String
        let primary: [String]
        let secondary: [String]
    }

    struct Bounds: Encodable {
        let primary: Range
        let secondary: Range
    }

    struct Range: Encodable {
        let min: Int
        let max: Int

        init(_ range: ClosedRange<Int>) {
            min = range.lowerBound
            max = range.upperBound
        }
    }

    struct LedgerSummary: Encodable {
        let path: String
        let shifts: Int
        let holidays: Int
        let credits: Int
        let swaps: Int
    }

    static func render(
        config: TeamConfig,
        path: String,
        ledger: Ledger,
        ledgerPath: String,
        schedule: Schedule
    ) throws -> String {
        let document = Document(
            config: path,
            team: config.team,
            asOf: schedule.asOf.description,
            ownership: config.engineers.map { engineer in
                Owner(
                    engineer: engineer.id.rawValue,
                    name: engineer.name,
                    primary: config.pipelines(primary: engineer.id).map(\.id.rawValue),
                    secondary: config.pipelines(secondary: engineer.id).map(\.id.rawValue)
                )
            },
            bounds: Bounds(
                primary: Range(config.ownershipBounds.primary),
                secondary: Range(config.ownershipBounds.secondary)
            ),
            ledger: LedgerSummary(
                path: ledgerPath,
                shifts: ledger.shifts.count,
                holidays: ledger.holidays.count,
                credits: ledger.credits.count,
                swaps: ledger.swaps.count
            ),
            conflicts: PlanJSON.conflicts(schedule),
            warnings: PlanJSON.warnings(schedule)
        )
        return try JSONOutput.encode(document)
    }
}
