import Foundation
import RotaTestSupport

/// Paths to the repository's `fixtures/` folder.
enum Fixtures {
    static let root = RepositoryRoot.appending("fixtures")

    static func bytes(_ relativePath: String) throws -> [UInt8] {
        Array(try Data(contentsOf: root.appendingPathComponent(relativePath)))
    }

    static func files(in folder: String, withExtension pathExtension: String) -> [String] {
        let names =
            (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(folder).path)) ?? []
        return names.filter { $0.hasSuffix(".\(pathExtension)") }.sorted()
    }
}
