import ArgumentParser
import Foundation
import ICalendar
import RotaModel
import RotaSync
import Scheduler

/// `rota diff`: how a calendar or a feed differs from the plan.
struct DiffCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Show how an iCalendar feed or a CalDAV calendar differs from the plan.",
        discussion: """
            Plans the feed window (feeds.window in the config) and compares the events rota manages \
            (marked X-ROTA-TEAM, UIDs in feeds.uid_domain) with what the other side holds:

              +  planned, missing there
              -  there, no longer planned
              ~  changed; each differing field follows as `FIELD: before -> after`
              !  edited by hand since rota wrote it (its X-ROTA-HASH no longer matches)

            Events rota does not manage are counted and otherwise ignored. Cancelled events in a feed \
            count as absent.

            Exit status: 0 in sync, 1 different, 2 on an error.

            The other side is a feed (--ics, a file or an http(s) URL) or a CalDAV calendar \
            (--calendar URL, or --server URL with --calendar-name; credentials as for rota push). For a \
            calendar, only events that start inside the window are compared.

            Examples:
              rota diff --ics out/feeds/team.ics
              rota diff --calendar https://dav.example.com/chen/data-engineering-on-call/
              rota diff --ics https://oncall.example.com/feeds/team.ics --format json
            """
    )

    @OptionGroup var configOptions: ConfigOptions
    @OptionGroup var ledgerOptions: LedgerOptions
    @OptionGroup var asOfOptions: AsOfOptions
    @OptionGroup var verbosity: OutputOptions

    @Option(help: ArgumentHelp("An iCalendar feed to compare: a file, or an http(s) URL.", valueName: "file-or-url"))
    var ics: String?

    @OptionGroup var calDAV: CalDAVOptions

    @Option(help: "Output format: table or json.")
    var format: OutputFormat = .table

    func validate() throws {
        let sides = [ics != nil, calDAV.calendar != nil, calDAV.server != nil].filter { $0 }.count
        guard sides == 1 else {
            throw ValidationError("say what to compare with: one of --ics FILE_OR_URL, --calendar URL, --server URL")
        }
    }

    func run() async throws {
        let plan = try await SyncPlan.load(config: configOptions.path, ledger: ledgerOptions.path, asOf: asOfOptions)
        let reconciliation: Reconciliation
        let remoteName: String
        if let ics {
            reconciliation = plan.reconcileFeed(try await Self.feedEvents(ics, for: plan))
            remoteName = ics
        } else {
            (remoteName, reconciliation) = try await CalDAVConnection.using(calDAV, output: verbosity) { connection in
                let (calendar, reconciliation) = try await connection.reconcile(plan, calDAV, create: false)
                return (calendar.absoluteString, reconciliation)
            }
        }
        switch format {
        case .table:
            let colour = Terminal.usesColour(.output)
            ReconciliationText.render(reconciliation, remoteName: remoteName, colour: colour) { print($0) }
        case .json:
            print(try JSONOutput.encode(ReconciliationJSON(reconciliation, remoteName: remoteName)), terminator: "")
        }
        if !reconciliation.isInSync { throw ExitCode(1) }
    }

    /// The events of a feed file or URL that comparing it with `plan` needs, read piece by piece.
    ///
    /// A file is never held whole: each piece goes through ``ICalendarStreamReader`` and only rota's events are
    /// kept (issue 17), so a shared calendar of 100,000 events of which rota manages a few dozen takes a few MiB
    /// to compare, and a feed of rota's own events is kept in less than twice its size. A download is held whole
    /// (its size was checked first), then read the same way.
    ///
    /// - Throws: `CommandFailure` when the feed cannot be read or is not iCalendar.
    static func feedEvents(_ source: String, for plan: SyncPlan) async throws -> FeedEvents {
        var feed = plan.emptyFeed()
        var reader = ICalendarStreamReader()
        let outcome: Result<Void, HTTPGet.Failure>
        do throws(ICalendarError) {
            outcome = try await Self.read(source) { (piece) throws(ICalendarError) in
                for closed in try reader.read(piece) { feed.add(closed) }
            }
            if case .success = outcome {
                for closed in try reader.finish() { feed.add(closed) }
            }
        } catch {
            throw CommandFailure(rendered: "\(source):\(error.description)")
        }
        if case let .failure(failure) = outcome {
            throw CommandFailure(
                message: "cannot read \(source): \(failure.reason)",
                hint: "give a readable .ics file, or a URL that answers 200 with one"
            )
        }
        return feed
    }

    /// Hands the feed at `source` to `body` in pieces: a file as it is read, a download once it has arrived.
    private static func read(
        _ source: String,
        _ body: (UnsafeBufferPointer<UInt8>) throws(ICalendarError) -> Void
    ) async throws(ICalendarError) -> Result<Void, HTTPGet.Failure> {
        if source.hasPrefix("http://") || source.hasPrefix("https://") {
            switch await HTTPGet.fetch(source, accept: "text/calendar", limit: FeedSizeLimit.maximumBytes) {
            case let .success(bytes):
                try bytes.withUnsafeBufferPointer { (all) throws(ICalendarError) in
                    let size = BoundedFileReader.pieceSize
                    for start in stride(from: 0, to: all.count, by: size) {
                        try body(UnsafeBufferPointer(rebasing: all[start..<min(all.count, start + size)]))
                    }
                }
                return .success(())
            case let .failure(failure): return .failure(failure)
            }
        }
        switch try BoundedFileReader.read(source, limit: FeedSizeLimit.maximumBytes, body) {
        case .success: return .success(())
        case let .failure(.cannotOpen(reason)): return .failure(.init(reason))
        case .failure(.isDirectory): return .failure(.init("it is a directory"))
        case let .failure(.tooLarge(byteCount)): return .failure(.init(FeedSizeLimit.refusal(byteCount: byteCount)))
        }
    }
}
