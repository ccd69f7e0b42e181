import ArgumentParser
import Foundation
import ICalendar
import RotaModel

/// `--ledger FILE`, shared by the commands that read the ledger.
struct LedgerOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The ledger of recorded decisions (YAML).",
            discussion: "Defaults to the config's name with .ledger.yaml, beside it (team.yaml -> team.ledger.yaml). "
                + "A missing ledger is an empty one.",
            valueName: "file"
        )
    )
    var ledger: String?

    /// The ledger path: the flag, else `<config without .yaml/.yml>.ledger.yaml` in the config's folder.
    func path(forConfig config: String) -> String {
        if let ledger { return ledger }
        var base = config
        for suffix in [".yaml", ".yml"] where base.hasSuffix(suffix) {
            base.removeLast(suffix.count)
        }
        return base + ".ledger.yaml"
    }
}

/// `--as-of DATE`: the day the command acts on, so every run can be repeated exactly.
struct AsOfOptions: ParsableArguments {
    @Option(
        name: .customLong("as-of"),
        help: ArgumentHelp(
            "The date to plan from (YYYY-MM-DD).",
            discussion: "Defaults to today in the rotation's time zone.",
            valueName: "date"
        )
    )
    var asOf: DateArgument?

    func date(in zone: TimeZoneID) -> LocalDate {
        asOf?.date ?? Today.date(in: zone)
    }
}

/// A `YYYY-MM-DD` command-line value.
struct DateArgument: ExpressibleByArgument {
    let date: LocalDate

    init?(argument: String) {
        guard let date = LocalDate(iso: argument) else { return nil }
        self.date = date
    }

    static var defaultCompletionKind: CompletionKind { .default }
}

/// A `YYYY-MM-DDTHH:MM` command-line value.
struct DateTimeArgument: ExpressibleByArgument {
    let moment: LocalDateTime

    init?(argument: String) {
        guard argument.count == 16, let moment = LocalDateTime(text: argument) else { return nil }
        self.moment = moment
    }

    static var defaultCompletionKind: CompletionKind { .default }
}

/// A length such as `12w`, `6m` or `1y` on the command line.
struct SpanArgument: ExpressibleByArgument {
    let span: CalendarSpan

    init?(argument: String) {
        guard let span = CalendarSpan(text: argument), span.count > 0 else { return nil }
        self.span = span
    }

    init(_ span: CalendarSpan) { self.span = span }

    var defaultValueDescription: String { span.description }
}

/// Table for people, JSON for scripts.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json
}

extension LedgerOptions {
    /// `--ledger` names one team's ledger: with a folder of teams each ledger is the one beside its config.
    func requireNone(withFolder configPath: String) throws {
        if ledger != nil, TeamFolder.isFolder(configPath) {
            throw ValidationError(
                "--ledger names one team's ledger; with --config DIR each team's ledger is the one beside its config"
            )
        }
    }
}
