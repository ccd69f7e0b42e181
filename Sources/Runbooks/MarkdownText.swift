/// Escaping for text from the config inside Markdown.
package enum MarkdownText {
    /// `text` with Markdown's active characters backslash-escaped and line breaks turned into spaces, so
    /// config text can neither format the page, add HTML, nor break a table row.
    ///
    /// An underscore inside a word (`New_York`) cannot start emphasis in CommonMark, so it stays as it is.
    package static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        let characters = Array(text)
        for (index, character) in characters.enumerated() {
            switch character {
            case "_":
                let before = index > 0 ? characters[index - 1] : " "
                let after = index + 1 < characters.count ? characters[index + 1] : " "
                if !(before.isLetter || before.isNumber) || !(after.isLetter || after.isNumber) {
                    result.append("\\")
                }
                result.append(character)
            case "\\", "`", "*", "[", "]", "<", ">", "|", "#", "~":
                result.append("\\")
                result.append(character)
            case "\n", "\r", "\r\n", "\t":
                result.append(" ")
            default:
                result.append(character)
            }
        }
        return result
    }

    /// `Name <address>`, the address as a CommonMark autolink when it is plain enough to be one safely.
    package static func nameAndEmail(_ contact: Runbook.Contact) -> String {
        let plain = contact.email.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
                || ".@+-_".unicodeScalars.contains($0)
        }
        guard !contact.email.isEmpty, plain else { return escape(RunbookText.nameAndEmail(contact)) }
        return "\(escape(contact.name)) <\(contact.email)>"
    }
}
