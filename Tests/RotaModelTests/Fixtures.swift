import Foundation
import Testing

/// Paths to the repository's `fixtures/` folder, found from this file's location (SwiftPM resources
/// cannot live outside a target's folder).
enum Fixtures {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("fixtures")

    static func bytes(_ relativePath: String) throws -> [UInt8] {
        Array(try Data(contentsOf: root.appendingPathComponent(relativePath)))
    }

    static func files(in folder: String, withExtension pathExtension: String) -> [String] {
        let names =
            (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(folder).path)) ?? []
        return names.filter { $0.hasSuffix(".\(pathExtension)") }.sorted()
    }
}

/// Compares text with a golden file byte for byte, printing a line diff on mismatch.
///
/// `ROTA_RECORD_GOLDEN=1` rewrites the golden file instead and fails, so a recording is never a pass.
enum Golden {
    static func check(_ actual: String, against relativePath: String, sourceLocation: SourceLocation = #_sourceLocation)
    {
        let url = Fixtures.root.appendingPathComponent(relativePath)
        if ProcessInfo.processInfo.environment["ROTA_RECORD_GOLDEN"] == "1" {
            try? Data(actual.utf8).write(to: url)
            Issue.record(
                "recorded \(relativePath); run again without ROTA_RECORD_GOLDEN",
                sourceLocation: sourceLocation
            )
            return
        }
        guard let expectedData = try? Data(contentsOf: url) else {
            Issue.record(
                "missing golden file \(relativePath); record it with ROTA_RECORD_GOLDEN=1",
                sourceLocation: sourceLocation
            )
            return
        }
        let expected = String(decoding: expectedData, as: UTF8.self)
        guard expected != actual else { return }
        Issue.record(
            "\(relativePath) differs:\n\(lineDiff(expected: expected, actual: actual))",
            sourceLocation: sourceLocation
        )
    }

    /// The lines that differ, `-` expected and `+` actual, with their line numbers.
    static func lineDiff(expected: String, actual: String) -> String {
        let old = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let new = actual.split(separator: "\n", omittingEmptySubsequences: false)
        var lines: [String] = []
        for index in 0..<max(old.count, new.count) {
            let before = index < old.count ? String(old[index]) : nil
            let after = index < new.count ? String(new[index]) : nil
            guard before != after else { continue }
            if let before { lines.append("\(index + 1) - \(before)") }
            if let after { lines.append("\(index + 1) + \(after)") }
        }
        return lines.joined(separator: "\n")
    }
}
