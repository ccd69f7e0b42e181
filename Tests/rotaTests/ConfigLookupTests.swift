import Foundation
import Testing

/// Which config rota reads without `--config`, run from a temporary folder with a controlled environment.
@Suite struct ConfigLookupTests {
    /// A temporary folder with `home/` (the test's HOME) and `work/` (the working directory).
    struct World {
        let root: URL
        var home: URL { root.appendingPathComponent("home") }
        var work: URL { root.appendingPathComponent("work") }

        init() throws {
            root = try RotaBinary.temporaryFolder("lookup")
            try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
            try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        }

        /// Writes the bundled config renamed to `team` at `file`.
        func writeConfig(_ file: URL, team: String) throws {
            try FileManager.default.createDirectory(
                at: file.deletingLastPathComponent(),
                withIntermediateDirectories: true
            )
            let text = try RotaBinary.bundledConfigText()
                .replacingOccurrences(of: "team: Data Engineering", with: "team: \(team)")
            try Data(text.utf8).write(to: file)
        }

        func check(_ environment: [String: String] = [:]) throws -> RotaBinary.Result {
            let base = ["HOME": home.path, "XDG_CONFIG_HOME": ""]
            return try RotaBinary.run(
                ["check", "--as-of", "2026-11-28"],
                environment: base.merging(environment) { $1 },
                workingDirectory: work
            )
        }
    }

    @Test func nothingFoundListsThePlacesAndSuggestsInit() throws {
        let world = try World()
        defer { try? FileManager.default.removeItem(at: world.root) }
        let result = try world.check()
        #expect(result.status == 2)
        #expect(result.standardOutput == "")
        #expect(
            result.standardError == """
                error: no config found; rota looked for --config, $ROTA_CONFIG, then:
                  rota.yaml (the current folder)
                  \(world.home.path)/.config/rota/rota.yaml (~/.config/rota/rota.yaml)
                hint: run rota init to write a starter ./rota.yaml, or pass --config FILE (or set ROTA_CONFIG)

                """
        )
    }

    @Test func homeConfigIsFoundFromAnyFolder() throws {
        let world = try World()
        defer { try? FileManager.default.removeItem(at: world.root) }
        try world.writeConfig(world.home.appendingPathComponent(".config/rota/rota.yaml"), team: "Home")
        let result = try world.check()
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("Home: 4 engineers"))
    }

    @Test func xdgConfigHomeWinsOverHome() throws {
        let world = try World()
        defer { try? FileManager.default.removeItem(at: world.root) }
        try world.writeConfig(world.home.appendingPathComponent(".config/rota/rota.yaml"), team: "Home")
        let xdg = world.root.appendingPathComponent("xdg")
        try world.writeConfig(xdg.appendingPathComponent("rota/rota.yaml"), team: "XDG")
        let result = try world.check(["XDG_CONFIG_HOME": xdg.path])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("XDG: 4 engineers"))
        // Without one there, XDG_CONFIG_HOME still replaces ~/.config: the home config is not read.
        try FileManager.default.removeItem(at: xdg)
        let missing = try world.check(["XDG_CONFIG_HOME": xdg.path])
        #expect(missing.status == 2)
        #expect(missing.standardError.contains("\(xdg.path)/rota/rota.yaml ($XDG_CONFIG_HOME/rota/rota.yaml)"))
    }

    @Test func currentFolderWinsOverHomeAndEnvironmentOverBoth() throws {
        let world = try World()
        defer { try? FileManager.default.removeItem(at: world.root) }
        try world.writeConfig(world.home.appendingPathComponent(".config/rota/rota.yaml"), team: "Home")
        try world.writeConfig(world.work.appendingPathComponent("rota.yaml"), team: "Here")
        let here = try world.check()
        #expect(here.standardOutput.hasPrefix("rota.yaml: ok. Here: 4 engineers"))
        // The ledger is looked for beside the config found: ./rota.ledger.yaml.
        let named = world.root.appendingPathComponent("named.yaml")
        try world.writeConfig(named, team: "Named")
        let fromEnvironment = try world.check(["ROTA_CONFIG": named.path])
        #expect(fromEnvironment.standardOutput.contains("Named: 4 engineers"))
        // A ROTA_CONFIG naming a missing file is an error, not a reason to fall back.
        let missing = try world.check(["ROTA_CONFIG": "/nonexistent/rota.yaml"])
        #expect(missing.status == 2)
        #expect(missing.standardError.hasPrefix("/nonexistent/rota.yaml: error: cannot read config"))
    }

    @Test func bundledConfigOnlyInsideTheRepository() throws {
        let inside = try RotaBinary.run(["check", "--as-of", "2026-11-28"], environment: ["XDG_CONFIG_HOME": ""])
        #expect(inside.standardOutput.hasPrefix("fixtures/team.yaml: ok."))
        // A folder with fixtures/team.yaml but no rota Package.swift is not the repository.
        let world = try World()
        defer { try? FileManager.default.removeItem(at: world.root) }
        try world.writeConfig(world.work.appendingPathComponent("fixtures/team.yaml"), team: "Copy")
        let outside = try world.check()
        #expect(outside.status == 2)
        #expect(outside.standardError.hasPrefix("error: no config found"))
    }

    @Test func initThenNowFromAnEmptyFolder() throws {
        let world = try World()
        defer { try? FileManager.default.removeItem(at: world.root) }
        let environment = ["HOME": world.home.path, "XDG_CONFIG_HOME": ""]
        let initialized = try RotaBinary.run(
            ["init", "--start", "2026-11-30"],
            environment: environment,
            workingDirectory: world.work
        )
        #expect(initialized.status == 0, "\(initialized.standardError)")
        let now = try RotaBinary.run(
            ["now", "--at", "2026-12-02T12:00"],
            environment: environment,
            workingDirectory: world.work
        )
        #expect(now.status == 0, "\(now.standardError)")
        #expect(now.standardOutput.hasPrefix("On call at 2026-12-02T12:00 (UTC): Alice"))
    }
}
