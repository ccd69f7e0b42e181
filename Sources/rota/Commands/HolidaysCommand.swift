import ArgumentParser
import ICalendar
import RotaModel

/// `rota holidays`: the holidays in force in a year, as the scheduler will see them.
struct HolidaysCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "holidays",
        abstract: "List the holidays in force for a year.",
        discussion: """
            Lists the built-in US federal holidays the config keeps and its own custom holidays: name, \
            date, the weekday it is observed on (a Saturday holiday is observed on Friday, a Sunday one \
            on Monday) and whether it is major. A shift containing a major holiday is a holiday shift, \
            decided ahead under the holiday policy.

            A holiday observed in the previous year (New Year's Day on a Saturday is observed on \
            December 31) is listed under the year of its date.

            Examples:
              rota holidays
              rota holidays --year 2027 --format json
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, json
    }

    @OptionGroup var options: ConfigOptions
    @OptionGroup var verbosity: OutputOptions

    @Option(help: "The year to list (1971-2100). Defaults to this year in the rotation's time zone.")
    var year: Int?

    @Option(help: "Output format: table or json.")
    var format: Format = .table

    func validate() throws {
        if let year, !USFederalHolidays.years.contains(year) {
            throw ValidationError(
                "--year \(year) is outside 1971-2100, the years rota's holiday rules cover."
            )
        }
    }

    func run() async throws {
        let path = options.path
        let config = try await ConfigFile.load(path)
        let year = year ?? Today.date(in: config.rotation.timeZone).year
        let occurrences = config.holidays.occurrences(in: year)
        switch format {
        case .table: print(HolidayTable.render(occurrences, year: year), terminator: "")
        case .json: print(try HolidayTable.json(occurrences, year: year), terminator: "")
        }
    }
}
