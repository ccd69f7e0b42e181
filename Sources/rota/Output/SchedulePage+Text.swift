extension SchedulePage {
    /// `text` without the spaces and tabs at either end: the Unicode scalars Foundation's
    /// `trimmingCharacters(in: .whitespaces)` removes (general category Zs, U+0009, and U+200B ZERO WIDTH SPACE,
    /// which Foundation's set holds too: checked over every scalar), found without it.
    ///
    /// The page trims the first lines of `rota now` (the second is indented) for every team it is written for;
    /// going through Foundation's character sets cost more than writing the rest of those lines.
    static func trimmingSpaces(_ text: Substring) -> String {
        func isSpace(_ scalar: Unicode.Scalar) -> Bool {
            scalar == "\t" || scalar == "\u{200B}" || scalar.properties.generalCategory == .spaceSeparator
        }
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isSpace($0) }),
            let last = scalars.lastIndex(where: { !isSpace($0) })
        else { return "" }
        return String(scalars[first...last])
    }
}
