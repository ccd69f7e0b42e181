import Foundation
import RotaTestSupport
import Testing

/// Paths under the repository's `fixtures/ics/`.
enum ICSFixtures {
    static let root = RepositoryRoot.appending("fixtures/ics")

    static func bytes(_ relativePath: String) throws -> [UInt8] {
        Array(try Data(contentsOf: root.appendingPathComponent(relativePath)))
    }
}

extension String {
    /// The text with LF line ends turned into CR LF, for writing expected iCalendar text readably.
    var crlf: [UInt8] {
        Array(replacingOccurrences(of: "\n", with: "\r\n").utf8)
    }
}
