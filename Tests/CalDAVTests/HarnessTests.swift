import Foundation
import Testing

/// The test harness itself: a missing virtualenv is a failure that says what to do, never a silent skip.
@Suite struct HarnessTests {
    @Test func aMissingVirtualenvSaysToRunMakeVenv() throws {
        let empty = try LocalProcess.temporaryDirectory("no-venv")
        defer { try? FileManager.default.removeItem(at: empty) }
        let message = try #require(LocalProcess.missingVirtualenvMessage("radicale", root: empty))
        #expect(message.contains("run `make venv`"))
        #expect(message.contains(".venv/bin/radicale"))
    }

    @Test(arguments: ServerKind.allCases)
    func theVirtualenvHasBothServers(_ kind: ServerKind) {
        #expect(LocalProcess.missingVirtualenvMessage(kind.rawValue) == nil, "run `make venv`")
    }
}
