import CalDAV
import Foundation
import RotaTestSupport
import ServerTestSupport
import Testing

/// Recorded server responses under `fixtures/caldav/<server>/`, captured from Radicale 3.9.0 and Xandikos 0.4.10.
enum CalDAVFixtures {
    static let folder = RepositoryRoot.appending("fixtures/caldav")

    static func bytes(_ server: ServerKind, _ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: folder.appending(path: "\(server.rawValue)/\(name)")))
    }

    /// The base URL the recordings were made against; hrefs resolve against it.
    static func url(_ path: String) throws -> URL {
        try #require(URL(string: "http://127.0.0.1:5232\(path)"))
    }

    /// Each server's calendar home and the calendar the recordings used.
    static func calendarPath(_ server: ServerKind) -> String {
        server == .radicale ? "/alice/oncall/" : "/user/calendars/oncall/"
    }
}
