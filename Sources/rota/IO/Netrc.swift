import Foundation

/// The credentials a netrc file (as curl and ftp read it) gives for a host.
///
/// Tokens are separated by white space: `machine HOST login USER password PASS`, and `default`
/// (for any host) after the machines; `macdef` blocks run to the next empty line and are skipped.
enum Netrc {
    struct Entry: Equatable {
        let login: String?
        let password: String?
    }

    /// The entry for `host`, else the `default` entry, else nil.
    static func entry(for host: String, in text: String) -> Entry? {
        var tokens: [String] = []
        var skippingMacro = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if skippingMacro {
                if line.trimmingCharacters(in: .whitespaces).isEmpty { skippingMacro = false }
                continue
            }
            let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" }).map(String.init)
            if words.first == "macdef" {
                skippingMacro = true
                continue
            }
            tokens += words
        }
        var entries: [(machine: String?, entry: Entry)] = []
        var index = 0
        while index < tokens.count {
            let machine: String?
            switch tokens[index] {
            case "machine" where index + 1 < tokens.count:
                machine = tokens[index + 1]
                index += 2
            case "default":
                machine = nil
                index += 1
            default:
                index += 1
                continue
            }
            var login: String?
            var password: String?
            while index + 1 < tokens.count, !["machine", "default"].contains(tokens[index]) {
                switch tokens[index] {
                case "login": login = tokens[index + 1]
                case "password": password = tokens[index + 1]
                default: break
                }
                index += 2
            }
            entries.append((machine, Entry(login: login, password: password)))
        }
        return entries.first { $0.machine?.lowercased() == host.lowercased() }?.entry
            ?? entries.first { $0.machine == nil }?.entry
    }
}
