package import Foundation

/// The repository's root folder, found from this file's location, so tests read `fixtures/` and start the helper
/// scripts in `Tests/` wherever `swift test` runs (SwiftPM resources cannot live outside a target's folder).
///
/// The one place that knows where this file sits: `Tests/RotaTestSupport/RepositoryRoot.swift`.
package enum RepositoryRoot {
    /// The folder holding `Package.swift`.
    package static let url = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A file or folder below the root, such as `fixtures/team.yaml`.
    package static func appending(_ relativePath: String) -> URL {
        url.appendingPathComponent(relativePath)
    }
}
