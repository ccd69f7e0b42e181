/// The progress of a long push as text: on a terminal an ETA line redrawn in place, otherwise one plain line every
/// ten seconds (a CI log gets a heartbeat, not a line per event).
///
/// Pure: the caller passes the time elapsed since the writes began, so a test drives it without a clock or sleeps.
struct PushProgress {
    /// Events to write.
    let total: Int
    /// Whether standard error is a terminal.
    let isTerminal: Bool
    /// The interval between plain lines.
    let interval: Duration
    /// When the last plain line was written, as elapsed time.
    private var lastLine: Duration = .zero

    init(total: Int, isTerminal: Bool, interval: Duration = .seconds(10)) {
        self.total = total
        self.isTerminal = isTerminal
        self.interval = interval
    }

    /// The text to write now that `done` events are finished after `elapsed`, or nil for nothing: on a terminal
    /// `\rpush: 12/120 written, about 0:45 left` (no newline), otherwise `push: 12/120 written, about 0:45 left` and
    /// a newline at most once per ``interval``.
    mutating func update(done: Int, elapsed: Duration) -> String? {
        guard total > 0 else { return nil }
        let text = "push: \(done)/\(total) written" + Self.remaining(done: done, total: total, elapsed: elapsed)
        if isTerminal { return "\r\u{1B}[K" + text }
        guard elapsed - lastLine >= interval, done < total else { return nil }
        lastLine = elapsed
        return text + "\n"
    }

    /// The text that clears the terminal line at the end, or nil.
    var finish: String? { isTerminal && total > 0 ? "\r\u{1B}[K" : nil }

    /// `, about 1:05 left` from the rate so far; empty before the first event finished.
    static func remaining(done: Int, total: Int, elapsed: Duration) -> String {
        guard done > 0, done < total else { return "" }
        let perEvent = elapsed / done
        let seconds = Int((perEvent * (total - done)).components.seconds)
        return ", about \(seconds / 60):" + (seconds % 60 < 10 ? "0" : "") + "\(seconds % 60) left"
    }
}
