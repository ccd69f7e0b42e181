import RotaModel
import Testing

@Suite struct ChatHandleTests {
    @Test(arguments: [
        ("U012AB3CD", ChatHandle.memberID("U012AB3CD")),
        ("W0123ABCDEF", .memberID("W0123ABCDEF")),
        ("@chen", .handle("chen")),
        ("@first.last-2_x", .handle("first.last-2_x")),
    ])
    func readsMemberIDsAndHandles(text: String, expected: ChatHandle) {
        #expect(ChatHandle(text: text) == expected)
    }

    @Test(arguments: ["", "@", "chen", "u012ab3cd", "U01", "U012AB3CD ", "@a b", "<@U012AB3CD>", "@chen!"])
    func refusesEverythingElse(text: String) {
        #expect(ChatHandle(text: text) == nil)
    }
}
