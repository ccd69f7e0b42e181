import Foundation
import RotaModel
import StableHash

#if canImport(Glibc)
import Glibc
#endif

/// What an export was made from, kept beside its files (`.rota-export-inputs`), so that an export from the same
/// inputs into an untouched folder does nothing: a re-export of 500 unchanged teams costs reading their configs.
///
/// The inputs are every byte the export depends on: the config, the ledger, the holiday calendar files the config
/// names, `--as-of`, `--base-url`, and the rota binary itself (its size and modification time, so a new build never
/// reuses an old export). The export is a pure function of them and of the feed state it wrote itself, so the same
/// inputs give the same files again. A holiday calendar read from a URL may change without notice: such a team is
/// always exported in full. The folder's files are checked by name, size and modification time (as make and rsync
/// do), so a deleted, truncated or edited file (a feed, or the feed state) makes the team export again.
struct ExportInputs: Equatable {
    static let fileName = ".rota-export-inputs"

    /// The FNV-1a of the inputs, in hex.
    let fingerprint: String
    /// What the summary line reports, so a skipped export reports what the last one did.
    let events: Int
    let onCall: String?
    /// Each file of the export with its size and modification time, as `SIZE MTIME`.
    let files: [String: String]

    /// The fingerprint of one team's inputs; nil when one of them cannot be fingerprinted (a calendar URL).
    ///
    /// - Parameters:
    ///   - configPath: Where the config is.
    ///   - configBytes: The config as `ConfigFile` read it for this export.
    ///   - ledgerPath: Where the ledger is (or would be).
    ///   - config: The config, for the holiday calendar files it names.
    ///   - asOf: `--as-of`.
    ///   - base: `--base-url`.
    /// - Returns: The fingerprint in hex, or nil when an input cannot be fingerprinted.
    static func fingerprint(
        configPath: String,
        configBytes: [UInt8],
        ledgerPath: String,
        config: TeamConfig,
        asOf: LocalDate,
        base: String?
    ) async -> String? {
        guard let binary = binaryIdentity else { return nil }
        var bytes: [UInt8] = Array("rota export inputs 1\n\(asOf)\n\(base ?? "-")\n\(binary)\n".utf8)
        bytes += Array("\(configPath)\n".utf8) + configBytes
        bytes += Array("\(ledgerPath)\n".utf8)
        // A missing ledger is an empty one; a ledger that cannot be read is left to the export to report.
        if !FileManager.default.fileExists(atPath: ledgerPath) {
            bytes += Array("(none)".utf8)
        } else if case let .success(read) = BoundedFileReader.read(ledgerPath, limit: LedgerLoader.maximumBytes) {
            bytes += read
        } else {
            return nil
        }
        for calendar in config.holidays.calendars {
            guard !calendar.isURL,
                case let .success(read) = await HolidayCalendarFiles.read(calendar, configPath: configPath)
            else { return nil }
            bytes += Array("\n\(calendar.source)\n".utf8) + read
        }
        return FNV1a.hex(bytes)
    }

    /// The record in `folder`, when it exists and every file it lists is there with its size.
    static func current(in folder: String) -> ExportInputs? {
        guard let data = FileManager.default.contents(atPath: folder + "/" + fileName),
            let record = parse(String(decoding: data, as: UTF8.self))
        else { return nil }
        for (name, stamp) in record.files where self.stamp(folder + "/" + name) != stamp { return nil }
        return record
    }

    /// Records the export just written to `folder` (the files of `names` as they are now).
    static func record(
        fingerprint: String,
        events: Int,
        onCall: String?,
        names: [String],
        in folder: String
    ) throws {
        var files: [String: String] = [:]
        for name in names {
            guard let stamp = stamp(folder + "/" + name) else {
                throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: folder + "/" + name])
            }
            files[name] = stamp
        }
        let record = ExportInputs(fingerprint: fingerprint, events: events, onCall: onCall, files: files)
        _ = try AtomicFile.writeIfChanged(
            Data(record.text.utf8),
            to: URL(fileURLWithPath: folder).appendingPathComponent(fileName)
        )
    }

    /// Removes the record, before files change, so an export that stops half-way is never taken for a whole one.
    static func forget(in folder: String) {
        try? FileManager.default.removeItem(atPath: folder + "/" + fileName)
    }

    /// One `key value` per line; file names and the on-call name cannot hold a line break (names with one are not
    /// recorded, so that team is exported in full next time).
    private var text: String {
        var lines = ["fingerprint \(fingerprint)", "events \(events)"]
        if let onCall, !onCall.contains(where: \.isNewline) { lines.append("on-call \(onCall)") }
        for (name, stamp) in files.sorted(by: { $0.key < $1.key }) { lines.append("file \(stamp) \(name)") }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func parse(_ text: String) -> ExportInputs? {
        var fingerprint: String?
        var events: Int?
        var onCall: String?
        var files: [String: String] = [:]
        for line in text.split(separator: "\n") {
            guard let space = line.firstIndex(of: " ") else { return nil }
            let (key, value) = (line[..<space], String(line[line.index(after: space)...]))
            switch key {
            case "fingerprint": fingerprint = value
            case "events": events = Int(value)
            case "on-call": onCall = value
            case "file":
                let parts = value.split(separator: " ", maxSplits: 2)
                guard parts.count == 3 else { return nil }
                files[String(parts[2])] = parts[0] + " " + parts[1]
            default: return nil
            }
        }
        guard let fingerprint, let events, !files.isEmpty else { return nil }
        return ExportInputs(fingerprint: fingerprint, events: events, onCall: onCall, files: files)
    }

    /// `SIZE MTIME` of the file at `path` (the modification time in nanoseconds), nil when it is not there.
    private static func stamp(_ path: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return "\(info.st_size) \(Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec))"
    }

    /// The running rota binary's path, size and modification time; nil when it cannot be found (then nothing is
    /// skipped).
    ///
    /// Looked up once per process, not once per team: it is the same for every team of a folder, and 500 lookups
    /// cost more than reading the configs again.
    private static let binaryIdentity: String? = {
        guard let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"),
            let attributes = try? FileManager.default.attributesOfItem(atPath: path),
            let size = attributes[.size] as? NSNumber, let modified = attributes[.modificationDate] as? Date
        else { return nil }
        return "\(path) \(size.intValue) \(modified.timeIntervalSince1970)"
    }()
}
