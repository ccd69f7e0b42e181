package import RotaModel

/// Text pieces for Slack-compatible chats: escaping and mentions.
package enum ChatText {
    /// `text` with `&`, `<` and `>` escaped, as Slack's message formatting asks for text that is not markup
    /// (Mattermost and Rocket.Chat show the entities as the characters).
    package static func escaped(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            default: result.append(character)
            }
        }
        return result
    }

    /// The engineer's name with a mention when `engineers[].slack` is set: `<@U012AB3CD>` for a Slack member id,
    /// `@chen` for a handle (Mattermost, Rocket.Chat); the id when the engineer is no longer in the config.
    package static func person(_ id: EngineerID, in config: TeamConfig) -> String {
        guard let engineer = config.engineer(id) else { return escaped(id.rawValue) }
        let name = escaped(engineer.name)
        switch engineer.chat {
        case let .memberID(member)?: return "\(name) (<@\(member)>)"
        case let .handle(handle)?: return "\(name) (@\(handle))"
        case nil: return name
        }
    }
}
