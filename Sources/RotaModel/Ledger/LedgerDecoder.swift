import ICalendar
internal import Yams

/// Decodes a ledger and checks it against the team config in one pass, collecting every problem.
///
/// The checks that need the config live here: dates must be hand-off dates of the rotation and holidays must
/// be holidays of the config. Engineers need not be on the team any more (the ledger is history). The entries themselves are in `LedgerDecoder+Entries`.
struct LedgerDecoder {
    static let topLevelKeys = ["version", "shifts", "holidays", "credits", "swaps"]

    var nodes: NodeDecoder
    let config: TeamConfig
    let asOf: LocalDate

    init(source: SourceText, config: TeamConfig, asOf: LocalDate) {
        nodes = NodeDecoder(source: source)
        self.config = config
        self.asOf = asOf
    }

    var diagnostics: [Diagnostic] { nodes.diagnostics }

    /// The ledger with its entries sorted, or nil when the top level cannot be read; the caller also
    /// checks `diagnostics`, since an entry with a problem is left out rather than failing the whole.
    mutating func decodeLedger(_ root: Node) -> Ledger? {
        guard case .mapping = root else {
            nodes.report(
                "the ledger must be a mapping of keys (version, shifts, holidays, credits), not "
                    + nodes.describe(root),
                at: root,
                hint: "put each entry under shifts:, holidays: or credits:, as `rota plan --record` writes them; "
                    + "an empty file is an empty ledger"
            )
            return nil
        }
        guard let top = nodes.fields(root, "the ledger", keys: Self.topLevelKeys) else { return nil }
        if let version = top["version"], let number = nodes.int(version, "version", in: 0...Int.max), number != 1 {
            nodes.report(
                number > 1
                    ? "ledger version \(number) is newer than this rota understands (1)"
                    : "ledger version must be 1, not 0",
                at: version,
                hint: number > 1 ? "upgrade rota, or write version: 1" : "write version: 1, or leave it out"
            )
        }
        let shifts = top["shifts"].map { decodeShifts($0) } ?? []
        let holidays = top["holidays"].map { decodeHolidays($0) } ?? []
        let credits = top["credits"].map { decodeCredits($0) } ?? []
        let swaps = top["swaps"].map { decodeSwaps($0) } ?? []
        return LedgerWriter.ordered(Ledger(shifts: shifts, holidays: holidays, credits: credits, swaps: swaps))
    }

    // MARK: Checks against the config

    /// Reports `date` unless a shift of the rotation starts on it; `what` names the key, as in `start`.
    mutating func checkHandOff(_ date: LocalDate, at node: Node, _ what: String) {
        let rotation = config.rotation
        guard !rotation.isHandOffDate(date) else { return }
        let shifts: String
        if date < rotation.start {
            shifts = "the rotation starts on \(rotation.start)"
        } else {
            let offset = rotation.start.days(until: date)
            let before = rotation.start.adding(days: offset - offset % rotation.lengthDays)
            shifts = "shifts start on \(before) and \(before.adding(days: rotation.lengthDays))"
        }
        nodes.report(
            "\(what) \(date) is not a hand-off date of the rotation",
            at: node,
            hint: "\(shifts); if rotation.start or rotation.length changed after this was recorded, "
                + "change the config back or correct this date"
        )
    }

    /// An engineer id, which need not be on the team any more.
    ///
    /// The ledger is history, and a shift still to come whose engineer left is a conflict the planner
    /// reports and resolves, not a broken ledger.
    mutating func engineerReference(_ node: Node) -> EngineerID? {
        nodes.identifier(node, "engineer").map(EngineerID.init)
    }

    /// A holiday id that must be one of the config's holidays.
    mutating func holidayReference(_ node: Node) -> HolidayID? {
        guard let text = nodes.identifier(node, "holiday") else { return nil }
        let id = HolidayID(text)
        guard config.holidays.rule(id) == nil else { return id }
        let known = config.holidays.rules.map(\.id.rawValue)
        let hint =
            DidYouMean.suggestion(for: text, among: known).map { "did you mean '\($0)'?" }
            ?? (known.isEmpty
                ? "the config has no holidays; restore the holiday in the config, or remove this entry"
                : "holidays in the config are: \(known.joined(separator: ", "))")
        nodes.report("holiday '\(text)' is not a holiday in the config", at: node, hint: hint)
        return nil
    }

    // MARK: Naming entries

    /// The text of `key` in an entry, unchecked, when it is a plain id, for naming the entry in messages.
    func peekID(_ item: Node, _ key: String) -> String? {
        guard case let .mapping(mapping) = item, case let .scalar(scalar)? = mapping[key],
            IdentifierSyntax.isValid(scalar.string)
        else { return nil }
        return scalar.string
    }

    /// The date under `key` in an entry, unchecked, for naming the entry in messages.
    func peekDate(_ item: Node, _ key: String) -> LocalDate? {
        guard case let .mapping(mapping) = item, case let .scalar(scalar)? = mapping[key] else { return nil }
        return LocalDate(iso: scalar.string)
    }

    /// The `year` of an entry, unchecked, for naming the entry in messages.
    func peekYear(_ item: Node) -> Int? {
        guard case let .mapping(mapping) = item, case let .scalar(scalar)? = mapping["year"],
            let year = Int(scalar.string), (0...9999).contains(year)
        else { return nil }
        return year
    }
}
