import ArgumentParser
import Dispatch
import FeedServer
import Foundation
import Logging
import RotaModel
import RotaSync

/// `rota serve`: publish the feeds over HTTP, rebuilt as the config and ledger change.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the iCalendar feeds and the runbooks over HTTP, with an index page at /.",
        discussion: """
            Serves /feeds/NAME.ics (GET and HEAD, text/calendar; charset=utf-8) with a strong ETag and \
            Last-Modified, answering 304 to If-None-Match and If-Modified-Since, and / as an HTML page \
            listing the feeds with webcal:// links, who is on call now and the schedule over the feed \
            window. The \
            runbooks rota runbooks writes are served at /runbooks/ (the index), /runbooks/ID.html and \
            /runbooks/ID.md. The feeds are the ones rota export writes; feeds and runbooks are rebuilt \
            when the config, ledger or secrets file changes (checked on each request), so no restart is \
            needed.

            --secrets FILE holds one `feed-name: token` line per secret feed (# starts a comment). Such \
            a feed is served only at /feeds/TOKEN/NAME.ics and is not listed on the index page; every \
            other URL answers the same 404. Keep the file out of the committed config.

            The first line on stderr is `serving http://HOST:PORT/`; then one access-log line per \
            request (tokens printed as ***). With -q (--quiet) only that first line and problems are \
            printed: no access log, no note when the feeds are rebuilt. SIGINT or SIGTERM stops the \
            server cleanly (exit 0).

            Examples:
              rota serve
              rota serve --bind 0.0.0.0 --port 8080 --secrets /etc/rota/secrets
              rota serve -q --port 0
            """
    )

    @OptionGroup var configOptions: ConfigOptions
    @OptionGroup var ledgerOptions: LedgerOptions
    @OptionGroup var asOfOptions: AsOfOptions
    @OptionGroup var verbosity: OutputOptions

    @Option(help: ArgumentHelp("The address to listen on.", valueName: "address"))
    var bind = "127.0.0.1"

    @Option(help: ArgumentHelp("The port to listen on; 0 picks a free one.", valueName: "port"))
    var port = 8080

    @Option(help: ArgumentHelp("Feed tokens, one `feed-name: token` per line.", valueName: "file"))
    var secrets: String?

    @Option(
        help: ArgumentHelp(
            "A rota export folder whose .rota-feed-state.json numbers the revisions (read, never written).",
            valueName: "dir"
        )
    )
    var state: String?

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
    }

    func run() async throws {
        let configPath = configOptions.path
        let inputs = FeedCatalogSource.Inputs(
            configPath: configPath,
            ledgerPath: ledgerOptions.path(forConfig: configPath),
            secretsPath: secrets,
            fixedAsOf: asOfOptions.asOf?.date
        )
        var log = Logger(label: "rota.serve") { StreamLogHandler.standardError(label: $0) }
        log.logLevel = verbosity.quiet ? .warning : .info  // --quiet: no access log
        var serverLog = Logger(label: "rota.serve.http") { StreamLogHandler.standardError(label: $0) }
        serverLog.logLevel = verbosity.verbose ? .debug : .warning
        let initialState = try state.map { try FeedFolder(path: $0).readState() } ?? .empty
        let host = bind
        let source = try await FeedCatalogSource(
            inputs: inputs,
            state: initialState,
            authority: Self.authority(host: host, port: port),
            log: log
        )
        let server = FeedHTTPServer(host: host, port: port, accessLog: log, serverLog: serverLog) {
            await source.current()
        }
        do {
            try await server.run { actualPort in
                await source.setAuthority(Self.authority(host: host, port: actualPort))
                var standardError = StandardError()
                print("serving http://\(Self.hostInURL(host)):\(actualPort)/", to: &standardError)
            }
        } catch {
            throw CommandFailure(
                message: "cannot serve on \(host):\(port): \(error)",
                hint: "pick another --port, or --port 0 for a free one"
            )
        }
    }

    /// `HOST:PORT` for the index page's webcal:// links; a wildcard address becomes the machine's name.
    private static func authority(host: String, port: Int) -> String {
        let name = ["0.0.0.0", "::", ""].contains(host) ? ProcessInfo.processInfo.hostName : host
        return "\(hostInURL(name)):\(port)"
    }

    private static func hostInURL(_ host: String) -> String {
        host.contains(":") ? "[\(host)]" : host
    }
}
