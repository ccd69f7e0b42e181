import Foundation
import RotaModel
import RotaSync

/// The folder `rota export` writes: the feeds, their index and the state that numbers revisions.
struct FeedFolder {
    static let stateFile = ".rota-feed-state.json"

    let path: String

    private var url: URL { URL(fileURLWithPath: path, isDirectory: true) }

    /// What the last export published, or an empty state for a first export.
    func readState() throws -> FeedState {
        let stateURL = url.appendingPathComponent(Self.stateFile)
        guard FileManager.default.fileExists(atPath: stateURL.path) else { return .empty }
        do {
            // The fast reader takes what rota writes; anything else goes to the decoder, which reads it as before
            // or says what is wrong.
            let data = try Data(contentsOf: stateURL)
            return try FeedState(jsonBytes: Array(data)) ?? JSONDecoder().decode(FeedState.self, from: data)
        } catch {
            throw CommandFailure(
                message: "cannot read the feed state: \(error.localizedDescription)",
                hint: "delete the file to start again (event sequences restart at 0)",
                at: stateURL.path
            )
        }
    }

    /// Writes the feeds whose bytes changed, the index and the state; returns how many feeds changed.
    func write(
        _ output: FeedAssembler.Output,
        config: TeamConfig,
        schedulePage: String
    ) throws -> (written: Int, unchanged: Int) {
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            var written = 0
            let folder = path.hasSuffix("/") ? path : path + "/"
            for name in FeedNames.all(config) {
                if try AtomicFile.writeIfChanged(output.feeds[name] ?? [], to: folder + name + ".ics") { written += 1 }
            }
            _ = try AtomicFile.writeIfChanged(Array(try index(output, config: config).utf8), to: folder + "index.json")
            _ = try AtomicFile.writeIfChanged(Array(schedulePage.utf8), to: folder + Self.schedulePage)
            // The state as JSON with its keys as they are (UIDs are keys, so no snake_case conversion): the bytes
            // `FeedState.jsonBytes` writes, the same as the `JSONEncoder` output earlier versions wrote.
            _ = try AtomicFile.writeIfChanged(output.state.jsonBytes, to: folder + Self.stateFile)
            return (written, FeedNames.all(config).count - written)
        } catch let failure as CommandFailure {
            throw failure
        } catch {
            throw CommandFailure(
                message: "cannot write the feeds: \(error.localizedDescription)",
                hint: "check that the folder is writable; feeds already written are complete files",
                at: path
            )
        }
    }

    /// The schedule page beside the feeds (see `SchedulePage`).
    static let schedulePage = "schedule.html"

    /// `index.json`: every feed with its file, title and number of events.
    private func index(_ output: FeedAssembler.Output, config: TeamConfig) throws -> String {
        struct Entry: Encodable {
            let name: String
            let file: String
            let title: String
            let events: Int
        }
        struct Index: Encodable {
            let team: String
            let feeds: [Entry]
        }
        let entries = FeedNames.all(config).map { name in
            Entry(
                name: name,
                file: "\(name).ics",
                title: FeedTitles.title(of: name, config: config),
                events: output.eventCounts[name] ?? 0
            )
        }
        return try JSONOutput.encode(Index(team: config.team, feeds: entries))
    }
}
