package import Foundation

/// The real CalDAV servers the contract and push suites run against: Radicale and Xandikos from the `make venv`
/// virtualenv, Cyrus IMAP and DAViCal from Debian packages (scripts/system-packages.txt).
///
/// Where the servers differ in URLs, authentication or answers, the difference is written here, once, so a test
/// reads `kind.homePath` or `kind.splitsMultiValuedProperties` instead of comparing names. docs/caldav.md describes
/// the same differences for users.
package enum ServerKind: String, CaseIterable, Sendable, CustomStringConvertible {
    case radicale
    case xandikos
    case cyrus
    case davical

    /// The servers that run from `.venv` (Python); the other two come from Debian packages and run as root.
    package static let virtualenvServers: [ServerKind] = [.radicale, .xandikos]

    /// The server's name; for Radicale and Xandikos also its executable in `.venv/bin`.
    package var description: String { rawValue }

    /// The user the tests log in as; Xandikos (`--defaults`, no auth here) has its one principal `/user/`.
    package var principalPath: String {
        switch self {
        case .radicale: "/alice/"
        case .xandikos: "/user/"
        case .cyrus: "/dav/principals/user/alice/"
        case .davical: "/caldav.php/alice/"
        }
    }

    /// The calendar home: the principal itself on Radicale and DAViCal, a folder of its own on the others.
    package var homePath: String {
        switch self {
        case .radicale, .davical: principalPath
        case .xandikos: "/user/calendars/"
        case .cyrus: "/dav/calendars/user/alice/"
        }
    }

    /// Whether the client authenticates: Xandikos's htpasswd auth works only over TLS (NOTES.md), so the plain-HTTP
    /// tests run it without; the others take Basic.
    package var needsPassword: Bool { self != .xandikos }

    /// Cyrus stores events through libical, which splits a multi-valued property: `CATEGORIES:A,B` comes back as one
    /// `CATEGORIES` line per value (the same meaning, RFC 5545 §3.8.1.2); the ETag is that of the stored text.
    package var splitsMultiValuedProperties: Bool { self == .cyrus }

    /// Whether a GET returns the bytes that were PUT: DAViCal keeps them; Radicale, Xandikos (both through their
    /// iCalendar libraries) and Cyrus write the event out again, in their own property order and folding.
    package var keepsTheBytesItWasSent: Bool { self == .davical }

    /// DAViCal stores a display name's `&`, `<` and `>` escaped and escapes them again in a PROPFIND answer, so they
    /// read back as `&amp;`, `&lt;`, `&gt;`: a calendar whose name has them is not found again by that name.
    package var escapesDisplayNamesTwice: Bool { self == .davical }

    /// Cyrus keeps one resource per UID across all of a user's calendars: a second calendar refuses a PUT of a UID
    /// that lives in another one with 403 `CALDAV:unique-scheduling-object-resource` naming the existing href.
    package var oneResourcePerUIDPerAccount: Bool { self == .cyrus }

    /// How a PUT of a UID that another resource of the same calendar holds is refused: the status and the
    /// precondition element named in the error body; nil for DAViCal, which stores the same UID twice.
    package var duplicateUIDRefusal: (status: Int, precondition: String)? {
        switch self {
        case .radicale: (409, "CALDAV:no-uid-conflict")
        case .xandikos: (412, "CALDAV:no-uid-conflict")
        case .cyrus: (403, "CALDAV:unique-scheduling-object-resource")
        case .davical: nil
        }
    }

    /// The status a PUT of a body that is not iCalendar at all gets.
    ///
    /// 403 `valid-calendar-data` on Cyrus (RFC 4791 §5.3.2.1), 412 on Xandikos (with `valid-calendar-data`) and on
    /// DAViCal ("No calendar content"), 400 on Radicale. A 412 to a PUT otherwise means a lost race, so there a client
    /// cannot tell bad data from a concurrent change by the status. DAViCal answers an iCalendar body with a broken
    /// VEVENT with 500 and a PHP stack trace.
    package var invalidCalendarDataStatus: Int {
        switch self {
        case .radicale: 400
        case .cyrus: 403
        case .xandikos, .davical: 412
        }
    }

    /// DAViCal answers a sync-collection REPORT with a token it never issued by a 207 listing every resource.
    ///
    /// It answers as if the sync were initial; the others refuse the token (Radicale and Cyrus 403, Xandikos 412, with
    /// `valid-sync-token`) and the client falls back to a full listing it can mark as one. On DAViCal the listing is
    /// complete but looks incremental, so deletions since the old token cannot be seen from it.
    package var answersAnUnknownSyncTokenWithEverything: Bool { self == .davical }

    /// How `/.well-known/caldav` (RFC 6764) sends a client on: the redirect status and the path of its Location.
    ///
    /// Cyrus drops the trailing slash (`/dav/calendars`); Radicale and Xandikos send the root.
    package var wellKnownRedirect: (status: Int, path: String) {
        switch self {
        case .radicale: (301, "/")
        case .xandikos: (302, "/")
        case .cyrus: (301, "/dav/calendars")
        case .davical: (301, "/caldav.php/")
        }
    }
}
