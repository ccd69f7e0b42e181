// The memory that reading a large feed takes, as `rota diff --ics` reads one (issue 17: at most twice the file).
import Foundation
import ICalendar

/// Writes `feed` to a temporary file and reads it in fresh processes (`RotaBenchmarks read-feed FILE`, then
/// `read-feed-whole FILE`), so the peak memory measured is the reading's alone, not the writing's or the planning's
/// before it.
func measureFeedReading(_ feed: [UInt8]) {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("rota-bench-feed-\(getpid()).ics")
    defer { try? FileManager.default.removeItem(at: file) }
    do {
        try Data(feed).write(to: file)
        for mode in ["read-feed", "read-feed-whole"] {
            let child = Process()
            child.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
            child.arguments = [mode, file.path]
            fflush(nil)  // this process's lines first: the child writes to the same standard output
            try child.run()
            child.waitUntilExit()
        }
    } catch {
        print("cannot measure reading a feed: \(error)")
    }
}

/// The size of the pieces rota's `BoundedFileReader` reads a feed in.
let feedPieceSize = 1 << 20

/// Reads the feed at `path` the way `rota diff --ics` does: in pieces of 1 MiB through `ICalendarStreamReader`.
///
/// rota keeps only the events it manages; this keeps every VEVENT, as if the whole feed were rota's: the most
/// `rota diff --ics` can hold. Prints the time and the memory next to the target of twice the file's size.
func readFeedInPieces(_ path: String) {
    let before = peakMemoryMiB()
    let start = ContinuousClock.now
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else {
        print("cannot read \(path)")
        exit(2)
    }
    defer { close(descriptor) }
    var reader = ICalendarStreamReader()
    var events: [Component] = []
    var size = 0
    let piece = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: feedPieceSize)
    defer { piece.deallocate() }
    func keep(_ closed: [StreamedComponent]) {
        for case .child(let event, parent: "VCALENDAR") in closed where event.name == "VEVENT" { events.append(event) }
    }
    do {
        while true {
            let count = read(descriptor, piece.baseAddress, piece.count)
            guard count > 0 else { break }
            size += count
            keep(try reader.read(UnsafeBufferPointer(rebasing: piece[..<count])))
        }
        keep(try reader.finish())
    } catch {
        print("cannot read \(path): \(error)")
        exit(2)
    }
    report("in 1 MiB pieces, every event kept, as rota diff --ics reads", events.count, size, start, before)
}

/// Reads the feed at `path` the way `rota diff --ics` did before it read in pieces (the whole file, then every
/// component as a tree), for comparison.
func readFeedWhole(_ path: String) {
    let before = peakMemoryMiB()
    let start = ContinuousClock.now
    let bytes = readWholeFile(path)
    let roots = try? ICalendarReader.readComponents(bytes)
    let events = roots?.reduce(0) { count, root in count + root.components.count { $0.name == "VEVENT" } } ?? -1
    report("whole into one buffer, then one tree (how rota diff --ics read before)", events, bytes.count, start, before)
}

/// Prints one reading's time and peak memory next to the target of twice the file's size, and whether it is met.
private func report(
    _ how: String,
    _ events: Int,
    _ byteCount: Int,
    _ start: ContinuousClock.Instant,
    _ before: Double
) {
    let elapsed = ContinuousClock.now - start
    let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
    let size = Double(byteCount) / 1_048_576
    let used = peakMemoryMiB() - before
    print(
        "reading a feed of \(events) events (\(String(format: "%.1f", size)) MiB) \(how): "
            + "\(String(format: "%.0f", milliseconds)) ms, peak memory \(String(format: "%.1f", used)) MiB, "
            + "\(String(format: "%.2f", used / size))x the file (target at most 2x, "
            + "\(String(format: "%.1f", 2 * size)) MiB, issue 17): \(used <= 2 * size ? "met" : "not met")"
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
