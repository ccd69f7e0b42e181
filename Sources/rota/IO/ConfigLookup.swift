import Foundation

/// Where rota looks for the team config when `--config` is not given, in order.
///
/// `$ROTA_CONFIG`, then `./rota.yaml`, then `$XDG_CONFIG_HOME/rota/rota.yaml` (`~/.config/rota/rota.yaml`
/// when `XDG_CONFIG_HOME` is unset or empty), then the bundled `fixtures/team.yaml` when the current
/// folder is rota's own repository. An installed rota thus works from any folder.
enum ConfigLookup {
    /// What `ConfigOptions.path` gives when no place holds a config.
    ///
    /// `ConfigFile.load` reports it. A path cannot contain NUL, so no real file has this name.
    static let nothingFound = "\u{0}rota: no config found"

    /// The config to read: the flag, else `$ROTA_CONFIG`, else the first place of `places` with a file, else
    /// `nothingFound`.
    static func path(flag: String?, environment: [String: String]) -> String {
        if let flag { return flag }
        if let fromEnvironment = environment["ROTA_CONFIG"], !fromEnvironment.isEmpty { return fromEnvironment }
        return places(environment: environment).first { isFile($0.path) }?.path ?? nothingFound
    }

    /// A place rota looks, and why, for the error that lists them.
    struct Place: Equatable {
        let path: String
        let note: String
    }

    /// The places looked in after the flag and `$ROTA_CONFIG`, in order; the bundled config only in a
    /// checkout of rota.
    static func places(environment: [String: String]) -> [Place] {
        var places = [Place(path: "rota.yaml", note: "the current folder")]
        if let xdg = environment["XDG_CONFIG_HOME"], !xdg.isEmpty {
            places.append(Place(path: "\(xdg)/rota/rota.yaml", note: "$XDG_CONFIG_HOME/rota/rota.yaml"))
        } else if let home = environment["HOME"], !home.isEmpty {
            places.append(Place(path: "\(home)/.config/rota/rota.yaml", note: "~/.config/rota/rota.yaml"))
        }
        if isRepository {
            places.append(Place(path: ConfigFile.bundledPath, note: "the bundled config, in rota's repository"))
        }
        return places
    }

    /// Whether the current folder is rota's repository: a Package.swift naming rota, and the bundled config.
    private static var isRepository: Bool {
        guard isFile(ConfigFile.bundledPath), let manifest = FileManager.default.contents(atPath: "Package.swift")
        else { return false }
        return String(decoding: manifest, as: UTF8.self).contains("name: \"rota\"")
    }

    private static func isFile(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
    }
}
