import Foundation
import Testing

/// Every `$ rota ...` example in README.md and docs/*.md, run with the built binary as a reader would paste it.
///
/// Each document runs in its own scratch copy of the repository (Package.swift and fixtures/), blocks in document
/// order, so an example that records in the ledger or writes `out/` changes neither the repository nor the other
/// documents' examples. The convention is written down in `DocExample` and in README.md.
@Suite struct DocExampleTests {
    static let documents: [String] = {
        let docs = RotaBinary.repositoryRoot.appendingPathComponent("docs")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: docs.path)) ?? []
        return ["README.md"] + names.filter { $0.hasSuffix(".md") }.sorted().map { "docs/\($0)" }
    }()

    @Test func theDocumentsHaveExamples() throws {
        let readme = try String(
            contentsOf: RotaBinary.repositoryRoot.appendingPathComponent("README.md"),
            encoding: .utf8
        )
        #expect(!DocExample.parse(readme, file: "README.md").isEmpty)
        #expect(Self.documents.contains("docs/commands.md"))
    }

    @Test(arguments: documents) func examplesRunAsShown(document: String) throws {
        let url = RotaBinary.repositoryRoot.appendingPathComponent(document)
        let examples = DocExample.parse(try String(contentsOf: url, encoding: .utf8), file: document)
        guard !examples.isEmpty else { return }
        let scratch = try Self.scratchRepository()
        defer { try? FileManager.default.removeItem(at: scratch) }
        for example in examples {
            for command in example.commands {
                let result = try Self.run(command.script, in: scratch)
                let place = "\(document):\(command.line): $ \(command.script)"
                let combined = result.standardError + result.standardOutput
                #expect(
                    result.status == command.expectedStatus,
                    "\(place)\nexit \(result.status), expected \(command.expectedStatus)\n\(combined)"
                )
                guard let expected = command.expectedOutput else { continue }
                let matched =
                    DocExample.matches(result.standardOutput + result.standardError, expected: expected)
                    || DocExample.matches(combined, expected: expected)
                let printed = result.standardOutput + result.standardError
                #expect(
                    matched,
                    "\(place)\n--- the doc shows\n\(expected.joined(separator: "\n"))\n--- rota printed\n\(printed)"
                )
            }
        }
    }

    @Test func theMatcherTakesDotsForAnyLinesAndOtherwiseWantsEveryLine() {
        #expect(DocExample.matches("a\nb\nc\n", expected: ["a", "b", "c"]))
        #expect(!DocExample.matches("a\nb\nc\n", expected: ["a", "c"]))
        #expect(DocExample.matches("a\nb\nc\nd\n", expected: ["a", "...", "d"]))
        #expect(DocExample.matches("a\nb\nc\nd\n", expected: ["a", "...", "c", "...", "d"]))
        #expect(!DocExample.matches("a\nb\nc\nd\n", expected: ["a", "...", "x", "...", "d"]))
        #expect(!DocExample.matches("a\nb\n", expected: ["b", "..."]))
        #expect(DocExample.matches("a\nb\nc\n", expected: ["a", "      ...", "c"]))
    }

    @Test func theParserReadsCommandsOutputsExitStatusesAndTheNotRunMarker() {
        let text = """
            ```console
            $ rota check --config x.yaml   # exit 2
            x.yaml: 1 problem
            $ rota plan > /dev/null
            ```

            <!-- not run: needs a CalDAV server -->
            ```console
            $ rota push
            ```

            ```console
            $ make run
            ```
            """
        let examples = DocExample.parse(text, file: "t.md")
        #expect(examples.count == 1)
        let commands = examples.first?.commands ?? []
        #expect(commands.map(\.line) == [2, 4])
        #expect(commands.map(\.expectedStatus) == [2, 0])
        #expect(commands.map(\.expectedOutput) == [["x.yaml: 1 problem"], nil])
    }

    /// A new folder holding a copy of Package.swift and fixtures/: rota's repository as far as rota can tell.
    private static func scratchRepository() throws -> URL {
        let scratch = try RotaBinary.temporaryFolder("docs")
        for item in ["Package.swift", "fixtures"] {
            try FileManager.default.copyItem(
                at: RotaBinary.repositoryRoot.appendingPathComponent(item),
                to: scratch.appendingPathComponent(item)
            )
        }
        return scratch
    }

    /// Runs `script` with `/bin/sh -c` in `folder`, the built rota first on PATH, as a reader whose home is
    /// `/home/me` (which does not exist, so no config of the machine's user is read).
    private static func run(_ script: String, in folder: URL) throws -> RotaBinary.Result {
        let binary = try #require(RotaBinary.executable, "the rota binary was not built next to the tests")
        var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("ROTA_") }
        environment.removeValue(forKey: "XDG_CONFIG_HOME")
        environment["HOME"] = "/home/me"
        environment["PATH"] = binary.deletingLastPathComponent().path + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", script]
        process.currentDirectoryURL = folder
        process.environment = environment
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Standard error stays small (notes and diagnostics), so reading standard output first cannot block.
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorBytes = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return RotaBinary.Result(
            status: process.terminationStatus,
            standardOutput: String(decoding: outputData, as: UTF8.self),
            standardError: String(decoding: errorBytes, as: UTF8.self)
        )
    }
}
