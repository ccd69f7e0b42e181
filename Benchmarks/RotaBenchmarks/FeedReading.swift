// The memory that reading a large feed takes, as `rota diff --ics` reads one (issue 17: at most twice the file).
import Foundation
import ICalendar

/// Writes `feed` to a temporary file and reads it in a fresh process (`RotaBenchmarks read-feed FILE`), so the
/// peak memory measured is the reading's alone, not the writing's or the planning's before it.
func measureFeedReading(_ feed: [UInt8]) {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("rota-bench-feed-\(getpid()).ics")
    defer { try? FileManager.default.removeItem(at: file) }
    do {
        try Data(feed).write(to: file)
        let child = Process()
        child.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
        child.arguments = ["read-feed", file.path]
        fflush(nil)  // this process's lines first: the child writes to the same standard output
        try child.run()
        child.waitUntilExit()
    } catch {
        print("cannot measure reading a feed: \(error)")
    }
}

/// Reads the feed at `path` the way `rota diff --ics` does (the whole file, then every component as a tree) and
/// prints the time and the memory it took next to the target of twice the file's size.
func readFeed(_ path: String) {
    let before = peakMemoryMiB()
    let start = ContinuousClock.now
    let bytes = readWholeFile(path)
    let size = Double(bytes.count) / 1_048_576
    let events = (try? ICalendarReader.readComponents(bytes))?.reduce(0) { $0 + $1.components.count } ?? -1
    let elapsed = ContinuousClock.now - start
    let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
    let used = peakMemoryMiB() - before
    print(
        "reading a feed of \(events) events (\(String(format: "%.1f", size)) MiB) as rota diff --ics does: "
            + "\(String(format: "%.0f", milliseconds)) ms, peak memory \(String(format: "%.1f", used)) MiB "
            + "(target at most \(String(format: "%.1f", 2 * size)) MiB, twice the file, issue 17)"
    )
}

/// The bytes of the file at `path`, read into one buffer of the file's size as rota's `BoundedFileReader` does
/// (going through `Data` would hold the file twice).
func readWholeFile(_ path: String) -> [UInt8] {
    let descriptor = open(path, O_RDONLY)
    var info = stat()
    guard descriptor >= 0, fstat(descriptor, &info) == 0 else {
        print("cannot read \(path)")
        exit(2)
    }
    defer { close(descriptor) }
    let size = Int(info.st_size)
    return [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
        count = 0
        guard let base = buffer.baseAddress else { return }
        while count < size {
            let got = read(descriptor, base + count, size - count)
            if got <= 0 { break }
            count += got
        }
    }
}
