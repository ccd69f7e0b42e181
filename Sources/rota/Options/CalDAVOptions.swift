import ArgumentParser
import Foundation

/// Where the shared calendar is and how to reach it, for `rota push` and `rota diff`.
///
/// Secrets never come from the command line: the password comes from `--password-stdin`,
/// `ROTA_CALDAV_PASSWORD` or a netrc file, a bearer token from `ROTA_CALDAV_TOKEN`.
struct CalDAVOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The CalDAV calendar's URL (a collection).", valueName: "url"))
    var calendar: String?

    @Option(
        help: ArgumentHelp(
            "A CalDAV server or account URL: rota discovers the calendar by its name.",
            discussion: "Discovery follows /.well-known/caldav, the principal and the calendar home (RFC 6764, 5397).",
            valueName: "url"
        )
    )
    var server: String?

    @Option(
        name: .customLong("calendar-name"),
        help: ArgumentHelp(
            "With --server: the calendar's display name (default: feeds.calendar_name in the config).",
            valueName: "name"
        )
    )
    var calendarName: String?

    @Option(
        help: ArgumentHelp("The user name (default: $ROTA_CALDAV_USERNAME, else the netrc login).", valueName: "name")
    )
    var username: String?

    @Flag(
        name: .customLong("password-stdin"),
        help: "Read the password from the first line of standard input (for app passwords in scripts)."
    )
    var passwordFromStandardInput = false

    @Option(
        help: ArgumentHelp("A netrc file with the server's login and password (default: ~/.netrc).", valueName: "file")
    )
    var netrc: String?

    @Flag(help: "Do not verify the server's TLS certificate (a test server with a self-signed certificate only).")
    var insecure = false

    @Option(help: ArgumentHelp("Seconds to wait for a server answer before retrying.", valueName: "seconds"))
    var timeout = 30

    /// Checks the options given; whether one of `--calendar` and `--server` is required is up to the command
    /// (`rota diff --ics` needs neither), so only both at once is refused here.
    func validate() throws {
        guard calendar == nil || server == nil else {
            throw ValidationError("give exactly one of --calendar URL and --server URL")
        }
        guard calendarName == nil || server != nil else {
            throw ValidationError("--calendar-name goes with --server (with --calendar the URL names the calendar)")
        }
        for text in [calendar, server].compactMap({ $0 }) {
            guard let url = URL(string: text), ["http", "https"].contains(url.scheme?.lowercased()), url.host != nil
            else { throw ValidationError("'\(text)' is not an http(s) URL") }
        }
        guard (1...600).contains(timeout) else { throw ValidationError("--timeout must be between 1 and 600 seconds") }
    }

    /// The URL given, calendar or server.
    var url: URL? { URL(string: calendar ?? server ?? "") }
}
