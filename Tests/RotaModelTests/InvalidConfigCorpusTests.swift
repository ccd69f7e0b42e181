import RotaTestSupport
import Testing

@testable import RotaModel

/// Every broken config under `fixtures/invalid/` yields exactly the diagnostics in its `.expected` file.
@Suite struct InvalidConfigCorpusTests {
    static let configs = Fixtures.files(in: "invalid", withExtension: "yaml")

    @Test func corpusIsLargeEnough() {
        #expect(Self.configs.count >= 25)
    }

    @Test(arguments: configs)
    func diagnosticsMatchExpected(name: String) throws {
        let path = "fixtures/invalid/\(name)"
        let bytes = try Fixtures.bytes("invalid/\(name)")
        do {
            _ = try ConfigLoader.load(bytes: bytes, file: path)
            Issue.record("\(path) loaded without diagnostics")
        } catch {
            #expect(!error.diagnostics.isEmpty)
            let expectedName = "invalid/" + name.dropLast(".yaml".count) + ".expected"
            GoldenFile.check(error.description + "\n", "fixtures/" + expectedName)
        }
    }
}
