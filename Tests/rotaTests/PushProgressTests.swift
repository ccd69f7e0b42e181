import Testing

@testable import rota

/// The progress of a long push, walked with elapsed times instead of a clock: no sleeps.
@Suite struct PushProgressTests {
    @Test func offATerminalOneLineEveryTenSeconds() {
        var progress = PushProgress(total: 100, isTerminal: false)
        var lines: [String] = []
        for done in 1...100 {
            // One event finished every 0.5 s: 50 s in all.
            if let line = progress.update(done: done, elapsed: .milliseconds(500 * done)) { lines.append(line) }
        }
        #expect(
            lines == [
                "push: 20/100 written, about 0:40 left\n",
                "push: 40/100 written, about 0:30 left\n",
                "push: 60/100 written, about 0:20 left\n",
                "push: 80/100 written, about 0:10 left\n",
            ]
        )
        #expect(progress.finish == nil)
    }

    @Test func onATerminalAnETALineRedrawnInPlace() {
        var progress = PushProgress(total: 120, isTerminal: true)
        #expect(progress.update(done: 12, elapsed: .seconds(6)) == "\r\u{1B}[Kpush: 12/120 written, about 0:54 left")
        #expect(progress.update(done: 13, elapsed: .seconds(7)) != nil)
        #expect(progress.finish == "\r\u{1B}[K")
    }

    @Test func aQuietOrEmptyPushShowsNothing() {
        var progress = PushProgress(total: 0, isTerminal: true)
        #expect(progress.update(done: 0, elapsed: .seconds(60)) == nil)
        #expect(progress.finish == nil)
    }
}
