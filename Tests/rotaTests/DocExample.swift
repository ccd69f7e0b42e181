import Foundation

/// A `$ rota ...` example in README.md or docs/*.md: the commands of one fenced block and what each should print.
///
/// The convention (README.md, "Examples in the docs are tested"): a fenced block whose first line starts with `$ `
/// and that runs `rota` is an example. Each `$ ` line is a command for `/bin/sh`; the lines after it, up to the
/// next `$ ` line, are its exact output (standard output and standard error), and a line `...` (indented or not) stands
/// for any lines. A command with no lines after it has its output unchecked. A trailing `# exit N` comment gives the
/// expected exit status (else 0). `<!-- not run: REASON -->` on the line before the block exempts it.
struct DocExample: Sendable, CustomStringConvertible {
    struct Command: Sendable {
        let line: Int
        let script: String
        let expectedStatus: Int32
        /// The expected output's lines, or nil when the doc shows none.
        let expectedOutput: [String]?
    }

    let file: String
    let line: Int
    let commands: [Command]

    var description: String { "\(file):\(line)" }

    /// Every example block in `text`, in document order; blocks marked `not run` are left out.
    static func parse(_ text: String, file: String) -> [DocExample] {
        let lines = text.components(separatedBy: "\n")
        var examples: [DocExample] = []
        var index = 0
        while index < lines.count {
            guard lines[index].hasPrefix("```") else {
                index += 1
                continue
            }
            let fence = index
            var end = fence + 1
            while end < lines.count, !lines[end].hasPrefix("```") { end += 1 }
            let body = Array(lines[(fence + 1)..<min(end, lines.count)])
            let exempt = fence > 0 && lines[fence - 1].hasPrefix("<!-- not run:")
            if !exempt, let first = body.first, first.hasPrefix("$ "),
                body.contains(where: { $0.hasPrefix("$ ") && runsRota($0) })
            {
                examples.append(DocExample(file: file, line: fence + 1, commands: commands(body, firstLine: fence + 2)))
            }
            index = end + 1
        }
        return examples
    }

    private static func runsRota(_ line: String) -> Bool {
        line.split(whereSeparator: { " ;&|()".contains($0) }).contains("rota")
    }

    private static func commands(_ body: [String], firstLine: Int) -> [Command] {
        var result: [Command] = []
        var index = 0
        while index < body.count {
            let line = body[index]
            var output: [String] = []
            var next = index + 1
            while next < body.count, !body[next].hasPrefix("$ ") {
                output.append(body[next])
                next += 1
            }
            let script = String(line.dropFirst(2))
            result.append(
                Command(
                    line: firstLine + index,
                    script: script,
                    expectedStatus: expectedStatus(script),
                    expectedOutput: output.isEmpty ? nil : output
                )
            )
            index = next
        }
        return result
    }

    /// The N of a trailing `# exit N` comment, else 0.
    private static func expectedStatus(_ script: String) -> Int32 {
        guard let range = script.range(of: "# exit ", options: .backwards) else { return 0 }
        return Int32(script[range.upperBound...].prefix(while: \.isNumber)) ?? 0
    }

    /// Whether `actual` matches the expected lines, where a line `...` stands for any number of lines.
    static func matches(_ actual: String, expected: [String]) -> Bool {
        var actualLines = actual.components(separatedBy: "\n")
        if actualLines.last == "" { actualLines.removeLast() }
        let pieces = expected.split(omittingEmptySubsequences: false) {
            $0.trimmingCharacters(in: .whitespaces) == "..."
        }
        .map(Array.init)
        guard pieces.count > 1 else { return actualLines == expected }
        var position = 0
        for (number, piece) in pieces.enumerated() {
            if number == 0 {
                guard actualLines.starts(with: piece) else { return false }
                position = piece.count
            } else if number == pieces.count - 1 {
                guard actualLines.count - position >= piece.count, Array(actualLines.suffix(piece.count)) == piece
                else { return false }
            } else {
                guard let found = firstIndex(of: piece, in: actualLines, from: position) else { return false }
                position = found + piece.count
            }
        }
        return true
    }

    private static func firstIndex(of piece: [String], in lines: [String], from start: Int) -> Int? {
        guard !piece.isEmpty else { return start }
        var index = start
        while index + piece.count <= lines.count {
            if Array(lines[index..<(index + piece.count)]) == piece { return index }
            index += 1
        }
        return nil
    }
}
