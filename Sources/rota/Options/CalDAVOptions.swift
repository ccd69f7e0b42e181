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

    @Option(
        help: ArgumentHelp(
            "Seconds one request may take, from sending it to the last byte of the answer, before it counts as failed.",
            valueName: "seconds"
        )
    )
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
            else { throw ValidationError("'\(Self.withoutUserInfo(text))' is not an http(s) URL") }
            // A password in a URL ends up in shell history, process listings and logs; it is never used.
            guard url.user == nil, url.password == nil else {
                throw ValidationError(
                    "'\(Self.withoutUserInfo(text))' carries a user name or password in the URL, which rota does not "
                        + "use or print; pass the user with --username and the password with --password-stdin, "
                        + "ROTA_CALDAV_PASSWORD or a netrc file"
                )
            }
        }
        guard (1...600).contains(timeout) else { throw ValidationError("--timeout must be between 1 and 600 seconds") }
    }

    /// `text` with any `user:password@` between the scheme and the host removed, for messages.
    static func withoutUserInfo(_ text: String) -> String {
        guard let schemeEnd = text.range(of: "://") else { return text }
        let rest = text[schemeEnd.upperBound...]
        let authorityEnd = rest.firstIndex { "/?#".contains($0) } ?? rest.endIndex
        guard let at = rest[..<authorityEnd].lastIndex(of: "@") else { return text }
        return String(text[..<schemeEnd.upperBound]) + rest[rest.index(after: at)...]
    }

    /// The URL given, calendar or server.
    var url: URL? { URL(string: calendar ?? server ?? "") }
}
