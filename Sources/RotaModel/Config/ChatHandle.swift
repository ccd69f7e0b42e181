/// How to mention an engineer in the team's chat (`engineers[].slack`): a Slack member id or a handle.
package enum ChatHandle: Hashable, Sendable {
    /// A Slack member id such as `U012AB3CD`, mentioned as `<@U012AB3CD>`.
    case memberID(String)
    /// A handle such as `@chen` (Mattermost, Rocket.Chat), stored without the `@`.
    case handle(String)

    /// Reads `U012AB3CD` / `W012AB3CD` (a capital U or W, then 8 to 20 capitals and digits) or `@name` (letters,
    /// digits, `.`, `_`, `-`); nil for anything else.
    package init?(text: String) {
        let isIDCharacter: (Character) -> Bool = { $0.isASCII && ($0.isUppercase || $0.isNumber) }
        if let first = text.first, first == "U" || first == "W", (9...21).contains(text.count),
            text.allSatisfy(isIDCharacter)
        {
            self = .memberID(text)
            return
        }
        let name = text.dropFirst()
        guard text.first == "@", !name.isEmpty, name.count <= 80,
            name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) })
        else { return nil }
        self = .handle(String(name))
    }
}
