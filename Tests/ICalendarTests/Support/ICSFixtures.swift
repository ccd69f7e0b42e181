import Foundation
import Testing

/// Paths under the repository's `fixtures/ics/`, found from this file's location (SwiftPM resources
/// cannot live outside a target's folder).
enum ICSFixtures {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
        .appendingPathComponent("fixtures/ics")

    static func bytes(_ relativePath: String) throws -> [UInt8] {
        Array(try Data(contentsOf: root.appendingPathComponent(relativePath)))
    }

    /// Compares bytes with a golden file exactly, printing a line diff on mismatch.
    ///
    /// No newline normalisation: CR LF is part of what is compared. `ROTA_RECORD_GOLDEN=1` rewrites
    /// the file instead and fails, so a recording never passes.
    static func checkGolden(
        _ actual: [UInt8],
        _ relativePath: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let url = root.appendingPathComponent(relativePath)
        if ProcessInfo.processInfo.environment["ROTA_RECORD_GOLDEN"] == "1" {
            try? Data(actual).write(to: url)
            Issue.record(
                "recorded \(relativePath); run again without ROTA_RECORD_GOLDEN",
                sourceLocation: sourceLocation
            )
            return
        }
        guard let expected = try? bytes(relativePath) else {
            Issue.record(
                "missing golden file \(relativePath); record it with ROTA_RECORD_GOLDEN=1",
                sourceLocation: sourceLocation
            )
            return
        }
        guard expected != actual else { return }
        Issue.record("\(relativePath) differs:\n\(lineDiff(expected, actual))", sourceLocation: sourceLocation)
    }

    /// The lines that differ, `-` expected and `+` actual; CR shown as `␍` so line-end changes are visible.
    static func lineDiff(_ expected: [UInt8], _ actual: [UInt8]) -> String {
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

extension String {
    /// The text with LF line ends turned into CR LF, for writing expected iCalendar text readably.
    var crlf: [UInt8] {
        Array(replacingOccurrences(of: "\n", with: "\r\n").utf8)
    }
}
