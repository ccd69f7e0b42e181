/// The one rule for which addresses rota puts in a link: absolute http or https with a host.
///
/// Runbooks print config URLs in `href` attributes; anything else (`javascript:`, `file:`, a relative
/// path) would either do something on click or point nowhere for the person woken at 3am.
package enum WebURL {
    /// Whether `text` is an absolute http or https URL with a host and no spaces or unsafe characters.
    ///
    /// Query and fragment are allowed (dashboards and log searches live in them); user info (`user@host`)
    /// is not, since a credential has no place in a runbook.
    package static func isAbsoluteHTTP(_ text: String) -> Bool {
        let lowered = text.lowercased()
        guard let scheme = ["https://", "http://"].first(where: { lowered.hasPrefix($0) }) else { return false }
        let authority = text.dropFirst(scheme.count).prefix { !"/?#".contains($0) }
        let host = authority.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        return !host.isEmpty && !authority.contains("@")
            && text.unicodeScalars.allSatisfy {
                $0.value > 0x20 && $0.value < 0x7F && !"\"<>\\^`{|}".unicodeScalars.contains($0)
            }
    }
}
