import FeedServer
import Foundation
import Logging
import RotaModel
import RotaSync
import Runbooks
import Scheduler

/// What `rota serve` publishes, rebuilt when the config, ledger or secrets file changes (or the day does).
///
/// Each request asks for the catalog; the check is a `stat` of each file (modification time and size).
/// A rebuild runs the same path as `rota export`: Planner over the feed window, FeedPlanner, then
/// FeedAssembler with the feed state kept in memory, so a changed event gets SEQUENCE + 1; the runbooks are
/// rendered as `rota runbooks` renders them. When a rebuild fails (a config being edited), the previous
/// catalog stays and the problem goes to stderr.
actor FeedCatalogSource {
    struct Inputs: Sendable {
        let configPath: String
        let ledgerPath: String
        let secretsPath: String?
        /// `--as-of`; nil means today in the rotation's zone at each rebuild.
        let fixedAsOf: LocalDate?
    }

    /// What a rebuild depended on: each file's (modification time, size), and the as-of date.
    private struct Fingerprint: Equatable {
        let files: [FileStamp?]
        let asOf: LocalDate?
    }

    private struct FileStamp: Equatable {
        let modified: Date
        let size: Int
    }

    /// Where the source reads the time; tests pass their own.
    ///
    /// It gives today's date in a zone (when no `--as-of` is given) and the instant a feed's bytes were
    /// first published (its Last-Modified).
    struct Clock: Sendable {
        let today: @Sendable (TimeZoneID) -> LocalDate
        let now: @Sendable () -> Date

        /// The wall clock.
        static let system = Clock(today: { Today.date(in: $0) }, now: { Date() })
    }

    private let inputs: Inputs
    private let clock: Clock
    private let log: Logger
    private var authority: String
    private var state: FeedState
    private var catalog: FeedCatalog
    private var fingerprint: Fingerprint?
    private var teamZone: TimeZoneID?

    /// Builds the first catalog; throws `CommandFailure` when the inputs cannot be used.
    init(inputs: Inputs, state: FeedState, authority: String, log: Logger, clock: Clock = .system) async throws {
        self.inputs = inputs
        self.clock = clock
        self.log = log
        self.authority = authority
        self.state = state
        self.catalog = FeedCatalog(feeds: [:], index: FeedCatalog.Entry(bytes: [], lastModified: clock.now()))
        let stamp = Self.fingerprint(inputs, zone: nil, clock: clock)
        let built = try await Self.build(inputs, state: state, previous: nil, authority: authority, clock: clock)
        (catalog, self.state, teamZone) = built
        fingerprint = Fingerprint(files: stamp.files, asOf: inputs.fixedAsOf ?? clock.today(built.2))
    }

    /// The links on the index page need the port the server got; this rebuilds with it.
    func setAuthority(_ authority: String) {
        self.authority = authority
        fingerprint = nil
    }

    /// The current catalog, rebuilt first if an input changed since the last build.
    func current() async -> FeedCatalog {
        let now = Self.fingerprint(inputs, zone: teamZone, clock: clock)
        guard now != fingerprint else { return catalog }
        fingerprint = now
        do {
            (catalog, state, teamZone) = try await Self.build(
                inputs,
                state: state,
                previous: catalog,
                authority: authority,
                clock: clock
            )
            log.info("rebuilt the feeds")
        } catch {
            var standardError = StandardError()
            print(error, to: &standardError)
            log.error("the config, ledger or secrets file has problems (above); still serving the previous feeds")
        }
        return catalog
    }

    private static func fingerprint(_ inputs: Inputs, zone: TimeZoneID?, clock: Clock) -> Fingerprint {
        let paths = [inputs.configPath, inputs.ledgerPath] + (inputs.secretsPath.map { [$0] } ?? [])
        let files = paths.map { path -> FileStamp? in
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
                let modified = attributes[.modificationDate] as? Date,
                let size = attributes[.size] as? NSNumber
            else { return nil }
            return FileStamp(modified: modified, size: size.intValue)
        }
        return Fingerprint(files: files, asOf: inputs.fixedAsOf ?? zone.map(clock.today))
    }

    private static func build(
        _ inputs: Inputs,
        state: FeedState,
        previous: FeedCatalog?,
        authority: String,
        clock: Clock
    ) async throws -> (FeedCatalog, FeedState, TimeZoneID) {
        let config = try await ConfigFile.load(inputs.configPath)
        let asOf = inputs.fixedAsOf ?? clock.today(config.rotation.timeZone)
        let now = clock.now()
        let ledger = try LedgerFile.load(inputs.ledgerPath, config: config, asOf: asOf)
        let tokens = try inputs.secretsPath.map { try SecretsFile.load($0, config: config) } ?? [:]
        let (windowStart, windowEnd) = config.feeds.window(around: asOf)
        let schedule = Planner.plan(config: config, ledger: ledger, asOf: asOf, from: windowStart, until: windowEnd)
        let events = FeedPlanner.events(for: schedule, config: config)
        let output = FeedAssembler.assemble(
            events,
            previous: state,
            config: config,
            asOf: asOf,
            windowStart: windowStart
        )
        func entry(_ bytes: [UInt8], previous: FeedCatalog.Entry?, token: String?) -> FeedCatalog.Entry {
            // Last-Modified is when this process first published these bytes.
            let since = previous.flatMap { $0.etag == FeedCatalog.Entry.etag(of: bytes) ? $0.lastModified : nil }
            return FeedCatalog.Entry(bytes: bytes, lastModified: since ?? now, token: token)
        }
        var feeds: [String: FeedCatalog.Entry] = [:]
        for name in FeedNames.all(config) {
            feeds[name] = entry(output.feeds[name] ?? [], previous: previous?.feeds[name], token: tokens[name])
        }
        let page = SchedulePage.render(
            config: config,
            ledger: ledger,
            asOf: asOf,
            feeds: FeedNames.all(config).filter { tokens[$0] == nil }.map { name in
                SchedulePage.FeedLink(
                    title: FeedTitles.title(of: name, config: config),
                    href: "webcal://\(authority)/feeds/\(name).ics"
                )
            },
            runbooks: "/runbooks/"
        )
        let index = entry(Array(page.utf8), previous: previous?.index, token: nil)
        // The same documents `rota runbooks` writes (investor-facing pipelines, both formats), for /runbooks/.
        let runbooks = RunbookSet.runbooks(config: config, ledger: ledger, asOf: asOf, includeAll: false)
        var documents: [String: FeedCatalog.Entry] = [:]
        for document in RunbookSet.documents(
            runbooks,
            team: config.team,
            asOf: asOf,
            formats: Set(RunbookFormat.allCases)
        ) {
            documents[document.fileName] = entry(
                Array(document.text.utf8),
                previous: previous?.runbooks[document.fileName],
                token: nil
            )
        }
        return (
            FeedCatalog(feeds: feeds, index: index, runbooks: documents), output.state, config.rotation.timeZone
        )
    }
}
