import Foundation

extension SchedulePage {
    /// `text` without the spaces and tabs at either end: the Unicode scalars Foundation's
    /// `trimmingCharacters(in: .whitespaces)` removes (general category Zs, U+0009, and U+200B ZERO WIDTH SPACE,
    /// which Foundation's set holds too: checked over every scalar), found without it.
    ///
    /// The page trims the first lines of `rota now` (`NowText.headline`; the second is indented) for every team;
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

extension SchedulePage {
    /// `value` with `decimals` (1 or 2) digits after the point, as `String(format: "%.<decimals>f", value)` writes
    /// it: the fairness charts' figures.
    ///
    /// Foundation's formatting cost more than the rest of the charts. A figure the page shows (0 to a million,
    /// not negative zero) is scaled and rounded here; one so close to halfway between two results that the
    /// scaling's rounding error could decide it (or any other value) is formatted by Foundation.
    static func fixed(_ value: Double, decimals: Int) -> String {
        let scale = decimals == 1 ? 10.0 : 100.0
        let scaled = value * scale
        let fraction = scaled - scaled.rounded(.down)
        guard decimals == 1 || decimals == 2, value.sign == .plus, value < 1_000_000, abs(fraction - 0.5) > 1e-6
        else { return String(format: "%.\(decimals)f", value) }
        let rounded = Int(scaled.rounded(.down)) + (fraction > 0.5 ? 1 : 0)
        let whole = rounded / Int(scale)
        let part = String(rounded % Int(scale))
        return "\(whole)." + String(repeating: "0", count: decimals - part.count) + part
    }
}
