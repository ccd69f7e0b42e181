import Foundation
import RotaTestSupport
import Testing

/// Runs the built `rota` binary from the repository root (or a folder of the test's), as a user would.
enum RotaBinary {
    static let repositoryRoot = RepositoryRoot.url

    /// The `rota` executable SwiftPM built next to this test bundle.
    static let executable: URL? = {
        var directory = Bundle.main.bundleURL
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("rota")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory.deleteLastPathComponent()
        }
        return nil
    }()

    /// A new empty folder under the temporary directory; the caller removes it.
    static func temporaryFolder(_ prefix: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("rota-\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// The bundled config's text, to copy (often edited) into a test's folder.
    static func bundledConfigText() throws -> String {
        try String(contentsOf: repositoryRoot.appendingPathComponent("fixtures/team.yaml"), encoding: .utf8)
    }

    struct Result {
        let status: Int32
        let standardOutput: String
        let standardError: String
    }

    /// Runs rota with `arguments` in `workingDirectory` (the repository root unless given).
    ///
    /// The environment is this process's without `ROTA_CONFIG`, with `XDG_CONFIG_HOME` pointing at a folder that
    /// does not exist (so a config of the machine's user is never read), then `environment` merged over it; an
    /// empty value counts as unset for both.
    /// Runs `script` with `/bin/sh -c` from the repository root, `arguments` as `$0`, `$1`, ... (for pipes,
    /// redirections and limits around the binary).
    static func shell(_ script: String, arguments: [String]) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", script] + arguments
        process.currentDirectoryURL = repositoryRoot
        process.environment = testEnvironment([:])
        return try collect(process)
    }

    /// This process's environment without `ROTA_CONFIG` and with `XDG_CONFIG_HOME` pointing nowhere, so no config
    /// of the machine's user is read, then `extra` over it.
    private static func testEnvironment(_ extra: [String: String]) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "ROTA_CONFIG")
        environment["XDG_CONFIG_HOME"] = "/nonexistent/rota-tests-xdg-config"
        environment.merge(extra) { $1 }
        return environment
    }

    /// Starts `process` and returns its exit status and both outputs.
    private static func collect(_ process: Process) throws -> Result {
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        // Read both pipes to the end before waiting, so a large output cannot block the child.
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus,
            standardOutput: String(decoding: outputData, as: UTF8.self),
            standardError: String(decoding: errorData, as: UTF8.self)
        )
    }

    static func run(
        _ arguments: [String],
        environment: [String: String] = [:],
        workingDirectory: URL? = nil
    ) throws -> Result {
        let binary = try #require(executable, "the rota binary was not built next to the tests")
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = workingDirectory ?? repositoryRoot
        process.environment = testEnvironment(environment)
        return try collect(process)
    }
}
