package import Foundation
package import Testing

/// Compares output with a checked-in golden file byte for byte, showing the lines that differ.
///
/// `ROTA_RECORD_GOLDEN=1` writes the output to the file instead and fails the test, so a recording never passes
/// silently: read the diff (`git diff fixtures/golden`) and run again without the variable. No newline normalisation:
/// CR LF is part of what is compared, and shown as `␍` in the diff.
package enum GoldenFile {
    /// Checks `actual` against the file at `relativePath` from the repository root.
    package static func check(
        _ actual: [UInt8],
        _ relativePath: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let url = RepositoryRoot.appending(relativePath)
        if ProcessInfo.processInfo.environment["ROTA_RECORD_GOLDEN"] == "1" {
            do {
                try FileManager.default.createDirectory(
                    at: url.deletingLastPathComponent(),
                    withIntermediateDirectories: true
                )
                try Data(actual).write(to: url)
                Issue.record(
                    "recorded \(relativePath); review it (git diff) and run again without ROTA_RECORD_GOLDEN",
                    sourceLocation: sourceLocation
                )
            } catch {
                Issue.record("cannot record \(relativePath): \(error)", sourceLocation: sourceLocation)
            }
            return
        }
        guard let expected = try? Data(contentsOf: url) else {
            Issue.record(
                "missing golden file \(relativePath); record it with ROTA_RECORD_GOLDEN=1",
                sourceLocation: sourceLocation
            )
            return
        }
        guard Array(expected) != actual else { return }
        Issue.record(
            "\(relativePath) differs:\n\(lineDiff(Array(expected), actual))",
            sourceLocation: sourceLocation
        )
    }

    /// Checks text (its UTF-8 bytes) against the file at `relativePath` from the repository root.
    package static func check(
        _ actual: String,
        _ relativePath: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        check(Array(actual.utf8), relativePath, sourceLocation: sourceLocation)
    }

    /// The lines that differ with their numbers, `-` expected and `+` actual; CR shown as `␍`.
    package static func lineDiff(_ expected: [UInt8], _ actual: [UInt8]) -> String {
        func lines(_ bytes: [UInt8]) -> [String] {
            String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "\r", with: "␍")
                .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        }
        let old = lines(expected)
        let new = lines(actual)
        var result: [String] = []
        for index in 0..<max(old.count, new.count) {
            let before = index < old.count ? old[index] : nil
            let after = index < new.count ? new[index] : nil
            guard before != after else { continue }
            if let before { result.append("\(index + 1) - \(before)") }
            if let after { result.append("\(index + 1) + \(after)") }
        }
        return result.joined(separator: "\n")
    }
}
