#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The ledger file and the files rota keeps beside it while recording: the lock file and the
/// temporary file a new ledger is written to before it is renamed over the old one.
///
/// Both live in the ledger's own folder, so the rename stays on one file system, and are named
/// after the ledger with a leading dot: `.team.ledger.yaml.lock` and `.team.ledger.yaml.rota-tmp-<pid>`.
struct LedgerLocation: Equatable, Sendable {
    /// The ledger's folder as written in its path: empty for the current folder, otherwise ending in `/`.
    let folder: String
    /// The ledger's file name.
    let name: String

    /// The location of the ledger at `path`; a symbolic link is followed to the file it names, so
    /// every link to one ledger shares one lock and the link itself survives a write.
    init(resolving path: String) {
        var target = path
        var info = stat()
        if lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK, let resolved = realpath(path, nil) {
            target = String(cString: resolved)
            free(resolved)
        }
        if let slash = target.lastIndex(of: "/") {
            folder = String(target[...slash])
            name = String(target[target.index(after: slash)...])
        } else {
            folder = ""
            name = target
        }
    }

    /// The ledger file itself.
    var path: String { folder + name }

    /// The file `rota plan --record` locks while it reads, records and writes the ledger.
    var lockPath: String { folder + "." + name + ".lock" }

    /// The temporary file the process `pid` writes the new ledger to.
    func temporaryPath(pid: Int32) -> String { folder + temporaryPrefix + String(pid) }

    /// The names of temporary files in `names` (a listing of the ledger's folder): the prefix, then a process id.
    func temporaryNames(in names: [String]) -> [String] {
        names.filter { candidate in
            guard candidate.hasPrefix(temporaryPrefix) else { return false }
            let pid = candidate.dropFirst(temporaryPrefix.count)
            return !pid.isEmpty && pid.allSatisfy { $0.isASCII && $0.isNumber }
        }
        .sorted()
    }

    private var temporaryPrefix: String { "." + name + ".rota-tmp-" }
}
