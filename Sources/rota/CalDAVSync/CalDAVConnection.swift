import ArgumentParser
import CalDAV
import Foundation
import Logging
import RotaModel
import RotaSync

#if canImport(Glibc)
import Glibc
#endif

/// A CalDAV client for the command line's options, and the calendar it points at.
///
/// Credentials come from `--password-stdin`, the environment or a netrc file, never from argv; the
/// client sends them only to the server's own origin and never logs them.
struct CalDAVConnection {
    let client: CalDAVClient
    /// Standard error, at debug level with `--verbose` (every request), else warnings only.
    let logger: Logger
    private let transport: AsyncHTTPClientTransport
    /// Whether rota found any credentials; a 401 without them gets the four ways to give them.
    let hasCredentials: Bool

    /// Opens a connection for `options`, runs `body` with it and closes it, whether `body` succeeds or not.
    ///
    /// - Returns: What `body` returns.
    /// - Throws: `CommandFailure` when the credentials cannot be read or `body` fails (a `CalDAVError` shown as it
    ///   renders itself); an `ExitCode` from `body` as it is.
    static func using<Result>(
        _ options: CalDAVOptions,
        output: OutputOptions,
        _ body: (CalDAVConnection) async throws -> Result
    ) async throws -> Result {
        let connection = try open(options, output: output, environment: ProcessInfo.processInfo.environment)
        do {
            let result = try await body(connection)
            await connection.close()
            return result
        } catch {
            await connection.close()
            switch error {
            case is CommandFailure, is ExitCode: throw error
            case let error as CalDAVError where error.status == 401 && !connection.hasCredentials:
                throw CommandFailure(rendered: Self.noCredentials(error))
            default: throw CommandFailure(rendered: String(describing: error))
            }
        }
    }

    /// A 401 when rota sent no credentials: say so, and name the four ways to give them.
    static func noCredentials(_ error: CalDAVError) -> String {
        let url = error.url.map { $0.absoluteString + ": " } ?? ""
        return "\(url)error: the server asks for credentials (HTTP 401) and rota has none\n"
            + "hint: give them one of four ways: ROTA_CALDAV_USERNAME and ROTA_CALDAV_PASSWORD in the environment; "
            + "--username with --password-stdin; a netrc entry for the host (~/.netrc, or --netrc FILE); "
            + "or a bearer token in ROTA_CALDAV_TOKEN"
    }

    /// Checks that `calendar` is a calendar taking events before anything is written to it.
    ///
    /// - Throws: ``CalDAVError`` (not a calendar, with the calendars found under it listed).
    func checkTarget(_ calendar: URL) async throws {
        _ = try await client.writableCalendar(at: calendar)
    }

    /// Opens a client for `options`; `CommandFailure` when there is no calendar URL or the credentials cannot be read.
    private static func open(
        _ options: CalDAVOptions,
        output: OutputOptions,
        environment: [String: String]
    ) throws -> CalDAVConnection {
        guard let url = options.url, let host = url.host else {
            throw CommandFailure(
                message: "push and diff need the calendar: give --calendar URL or --server URL",
                hint: "rota push --help shows both"
            )
        }
        let credentials = try Self.credentials(options, host: host, environment: environment)
        let transport = AsyncHTTPClientTransport(
            configuration: TransportConfiguration(
                tlsVerification: options.insecure ? .insecure : .verified,
                connectTimeout: .seconds(10),
                readTimeout: .seconds(options.timeout),
                requestTimeout: .seconds(options.timeout)
            )
        )
        var logger = Logger(label: "rota.caldav") { StreamLogHandler.standardError(label: $0) }
        logger.logLevel = output.verbose ? .debug : .warning
        let client = CalDAVClient(baseURL: url, credentials: credentials, transport: transport, logger: logger)
        return CalDAVConnection(
            client: client,
            logger: logger,
            transport: transport,
            hasCredentials: credentials != .none
        )
    }

    /// Closes the HTTP connections; call it before the command ends.
    private func close() async {
        try? await transport.shutdown()
    }

    /// The calendar `options` name (by default the config's `feeds.calendar_name`), and the plan
    /// reconciled with its events in the plan's window.
    ///
    /// - Parameters:
    ///   - plan: The plan.
    ///   - options: `--calendar`, or `--server` with `--calendar-name`.
    ///   - create: Whether a calendar that discovery does not find is created.
    /// - Returns: The calendar's URL and the reconciliation.
    /// - Throws: ``CalDAVError`` from discovery, creation or the listing.
    func reconcile(
        _ plan: SyncPlan,
        _ options: CalDAVOptions,
        create: Bool
    ) async throws -> (calendar: URL, reconciliation: Reconciliation) {
        let name = options.calendarName ?? plan.config.feeds.calendarName
        let calendar = try await calendar(options, name: name, create: create)
        let window = plan.instants
        return (calendar, plan.reconcile(try await remoteEvents(in: calendar, from: window.start, to: window.end)))
    }

    /// The calendar to work on: `--calendar` itself, or the one named `name` found by discovery from
    /// `--server`, created first when `create` is set and it is missing.
    private func calendar(_ options: CalDAVOptions, name: String, create: Bool) async throws -> URL {
        if let calendar = options.calendar, let url = URL(string: calendar) {
            return url.path.hasSuffix("/") ? url : url.appending(path: "")
        }
        let discovery = try await client.discover()
        if let found = discovery.calendars.first(where: { $0.isCalendar && $0.isNamed(name) }) {
            return found.url
        }
        guard create else {
            let names = discovery.calendars.filter(\.isCalendar).map { "'\($0.displayName ?? $0.url.path)'" }
            throw CalDAVError(
                .notFound,
                url: discovery.calendarHome,
                detail: "no calendar named '\(name)' in the calendar home"
                    + (names.isEmpty ? "" : " (it has \(names.joined(separator: ", ")))"),
                hint: "add --create to make it, or give its URL with --calendar"
            )
        }
        let url = discovery.calendarHome.appending(path: Self.slug(name) + "/")
        try await client.makeCalendar(at: url, displayName: name)
        return url
    }

    /// The remote events of `calendar` in the window, read with one calendar-query REPORT.
    private func remoteEvents(in calendar: URL, from start: Date, to end: Date) async throws -> [Reconciler.Remote] {
        let resources = try await client.events(in: calendar, timeRange: TimeRange(start: start, end: end))
        return resources.map(Self.remote)
    }

    /// A listed resource as reconcile sees it; unreadable data counts as a foreign event.
    static func remote(_ resource: CalendarResource) -> Reconciler.Remote {
        let events = resource.calendarData.flatMap { CalendarPlan.events(in: Array($0.utf8)) } ?? []
        return Reconciler.Remote(href: resource.url.absoluteString, etag: resource.etag, events: events)
    }

    /// `Data Engineering on call` -> `data-engineering-on-call`.
    static func slug(_ name: String) -> String {
        let words = name.lowercased().unicodeScalars.split { !(CharacterSet.alphanumerics.contains($0) && $0.isASCII) }
        let slug = words.map { String(String.UnicodeScalarView($0)) }.joined(separator: "-")
        return slug.isEmpty ? "rota" : slug
    }

    /// The permission bits of the file at `path`, or nil when it cannot be examined.
    private static func permissions(_ path: String) -> UInt16? {
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        return (attributes?[.posixPermissions] as? NSNumber).map { UInt16(truncating: $0) }
    }

    private static func credentials(
        _ options: CalDAVOptions,
        host: String,
        environment: [String: String]
    ) throws -> Credentials {
        let netrcPath = options.netrc ?? environment["NETRC"] ?? (environment["HOME"].map { $0 + "/.netrc" })
        var fromNetrc: Netrc.Entry?
        if let netrcPath {
            switch BoundedFileReader.read(netrcPath, limit: 1 << 20) {
            case let .success(bytes):
                guard let text = String(validating: bytes, as: UTF8.self) else {
                    throw CommandFailure(
                        message: "netrc file \(netrcPath) is not UTF-8 text",
                        hint: "check the file given by --netrc or NETRC"
                    )
                }
                do {
                    fromNetrc = try Netrc.entry(for: host, in: text)
                } catch {
                    throw CommandFailure(message: "\(netrcPath):\(error.line): \(error.message)", hint: error.hint)
                }
                if fromNetrc?.password != nil, let mode = Self.permissions(netrcPath), !Netrc.isPrivate(mode: mode) {
                    throw CommandFailure(
                        message: "netrc file \(netrcPath) holds a password but others can read it (mode "
                            + String(mode & 0o777, radix: 8) + ")",
                        hint: "chmod 600 \(netrcPath); rota, like ftp and curl, uses no password from a shared file"
                    )
                }
            case .failure where options.netrc == nil: break  // no ~/.netrc: fine
            case let .failure(failure):
                throw CommandFailure(message: "cannot read netrc file \(netrcPath): \(failure)", hint: "check --netrc")
            }
        }
        var password = environment["ROTA_CALDAV_PASSWORD"].flatMap { $0.isEmpty ? nil : $0 } ?? fromNetrc?.password
        if options.passwordFromStandardInput {
            switch PasswordInput.readLine() {
            case let .success(line):
                password = line
            case .failure(.empty):
                throw CommandFailure(
                    message: "--password-stdin was given but standard input holds no password",
                    hint: "pipe it in, e.g. `pass show caldav | rota push --password-stdin ...`"
                )
            case .failure(.tooLong):
                throw CommandFailure(
                    message: "--password-stdin reads one line of at most \(PasswordInput.maximumBytes) bytes; "
                        + "standard input holds more",
                    hint: "pipe in the password alone, on one line"
                )
            case .failure(.notUTF8):
                throw CommandFailure(
                    message: "the password on standard input is not UTF-8 text",
                    hint: "pipe in the password as text, on one line"
                )
            }
        }
        if password == nil, let entry = fromNetrc, entry.login != nil, let netrcPath,
            environment["ROTA_CALDAV_TOKEN"].map(\.isEmpty) ?? true
        {
            throw CommandFailure(
                message: "\(netrcPath):\(entry.line): the entry for \(host) has a login but no password",
                hint: "add 'password ...' to it, set ROTA_CALDAV_PASSWORD, or pass --password-stdin"
            )
        }
        let username =
            options.username ?? environment["ROTA_CALDAV_USERNAME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? fromNetrc?.login
        if let username, let password { return .basic(username: username, password: password) }
        if let token = environment["ROTA_CALDAV_TOKEN"], !token.isEmpty { return .bearer(token: token) }
        if password != nil, username == nil {
            throw CommandFailure(
                message: "a CalDAV password was given but no user name",
                hint: "set ROTA_CALDAV_USERNAME, add --username, or put a login in the netrc file"
            )
        }
        return .none
    }
}
