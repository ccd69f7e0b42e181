import Foundation
import Testing

/// What every command shares: help with examples, version, completions, --quiet, and colour only on a
/// terminal without NO_COLOR.
@Suite struct CommandLineTests {
    static let commands = [
        "check", "plan", "export", "serve", "push", "diff", "runbooks", "report", "holidays", "now", "init",
    ]
    static let common = ["--as-of", "2026-11-28", "--ledger", "/nonexistent/x.yaml"]

    @Test(arguments: commands)
    func helpHasASummaryADiscussionAndExamples(_ command: String) throws {
        let help = try RotaBinary.run([command, "--help"])
        #expect(help.status == 0)
        #expect(help.standardOutput.hasPrefix("OVERVIEW: "))
        #expect(help.standardOutput.contains("Examples:\n"))
        #expect(help.standardOutput.contains("  rota \(command)"))
        #expect(help.standardOutput.contains("-q, --quiet"))
        #expect(help.standardOutput.contains("-v, --verbose"))
    }

    @Test(arguments: [("chek", "check"), ("pln", "plan"), ("nwo", "now"), ("holiday", "holidays")])
    func misspeltCommandGetsDidYouMean(_ given: String, _ meant: String) throws {
        let result = try RotaBinary.run([given, "--as-of", "2026-11-28"])
        #expect(result.status == 2)
        #expect(result.standardOutput == "")
        #expect(
            result.standardError
                == "error: unknown command '\(given)'; did you mean '\(meant)'?\nhint: rota --help lists the commands\n"
        )
    }

    @Test func farFromAnyCommandIsLeftToArgumentParser() throws {
        let result = try RotaBinary.run(["frobnicate"])
        #expect(result.status == 2)
        #expect(!result.standardError.contains("did you mean"))
        // A known command with a misspelt file name is not a misspelt command.
        let file = try RotaBinary.run(["check", "--config", "chek.yaml"])
        #expect(!file.standardError.contains("did you mean"))
    }

    @Test func versionAndCompletions() throws {
        let version = try RotaBinary.run(["--version"])
        #expect(version.status == 0)
        #expect(version.standardOutput.split(separator: ".").count == 3)
        for (shell, marker) in [("bash", "complete -o"), ("zsh", "#compdef rota"), ("fish", "complete -c 'rota'")] {
            let script = try RotaBinary.run(["--generate-completion-script", shell])
            #expect(script.status == 0, "\(shell)")
            #expect(script.standardOutput.contains(marker), "\(shell)")
            #expect(script.standardOutput.contains("runbooks"), "\(shell)")
        }
    }

    @Test func quietKeepsStandardErrorForProblems() throws {
        let folder = try RotaBinary.temporaryFolder("quiet")
        defer { try? FileManager.default.removeItem(at: folder) }
        let loud = try RotaBinary.run(["export", "--out", folder.appendingPathComponent("a").path] + Self.common)
        #expect(loud.standardError.contains("feeds written"))
        let quiet = try RotaBinary.run(
            ["export", "-q", "--out", folder.appendingPathComponent("b").path] + Self.common
        )
        #expect(quiet.status == 0)
        #expect(quiet.standardError.isEmpty)
        let both = try RotaBinary.run(["export", "--quiet", "--verbose"] + Self.common)
        #expect(both.status == 2)
        #expect(both.standardError.contains("--quiet and --verbose do not go together"))
    }

    /// Runs the binary under a pseudo-terminal (`script`), so it sees a terminal on stdout and stderr.
    static func runOnTerminal(_ arguments: [String], environment: [String: String] = [:]) throws -> String {
        let binary = try #require(RotaBinary.executable)
        let command = ([binary.path] + arguments).map { "'\($0)'" }.joined(separator: " ")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-qec", command, "/dev/null"]
        var env = ProcessInfo.processInfo.environment
        env["TERM"] = "xterm"
        env.removeValue(forKey: "NO_COLOR")
        for (key, value) in environment { env[key] = value }
        process.environment = env
        process.currentDirectoryURL = RotaBinary.repositoryRoot
        let output = Pipe()
        process.standardOutput = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    @Test func colourOnlyOnATerminalAndNeverWithNoColor() throws {
        let arguments = ["check", "--config", "fixtures/invalid/unknown-engineer-reference.yaml"]
        let terminal = try Self.runOnTerminal(arguments)
        #expect(terminal.contains("\u{1B}[1;31merror:\u{1B}[0m"), "\(terminal)")
        #expect(terminal.contains("\u{1B}[36mhint:\u{1B}[0m"))
        let noColor = try Self.runOnTerminal(arguments, environment: ["NO_COLOR": "1"])
        #expect(noColor.contains("error:") && !noColor.contains("\u{1B}["))
        let piped = try RotaBinary.run(arguments)
        #expect(piped.status == 2)
        #expect(piped.standardError.contains("error:") && !piped.standardError.contains("\u{1B}["))
    }

    /// Every failure is printed once, with its hint, and exits with 2.
    ///
    /// One path: the command throws and `Rota.main` prints. A command that printed and exited itself could print
    /// nothing (a silent exit 2) or print twice.
    @Test(arguments: [
        ["check", "--config", "/nonexistent/team.yaml"],
        ["plan", "--ledger", "fixtures"],
        ["report", "--from", "2027-01-01", "--to", "2026-01-01", "--ledger", "/nonexistent/l.yaml"],
        ["diff", "--ics", "/nonexistent/team.ics"],
        ["diff", "--ics", "fixtures/team.yaml"],
        ["serve", "--secrets", "/nonexistent/secrets", "--port", "0"],
        ["runbooks", "--out", "/proc/rota-runbooks", "--as-of", "2026-11-28"],
    ])
    func aFailureIsPrintedOnceWithItsHintAndExits2(arguments: [String]) throws {
        let result = try RotaBinary.run(arguments)
        #expect(result.status == 2)
        let lines = result.standardError.split(separator: "\n")
        #expect(lines.filter { $0.contains("error:") }.count == 1, "\(result.standardError)")
        #expect(lines.filter { $0.hasPrefix("hint: ") }.count == 1, "\(result.standardError)")
        #expect(result.standardOutput.isEmpty)
    }
}
