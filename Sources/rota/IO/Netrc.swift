import Foundation

/// The credentials a netrc file (as curl and ftp read it) gives for a host.
///
/// Tokens are separated by white space and may be double-quoted (`password "a b\"c"`, with `\"` and `\\`
/// escapes, as curl reads them): `machine HOST login USER password PASS [account ACCT]`, and `default` (for
/// any host) after the machines. `#` starts a comment to the end of the line. `macdef NAME` blocks run to the
/// next empty line and are skipped. A file that
/// cannot be read this way is an error with its line, never silently no credentials.
enum Netrc {
    struct Entry: Equatable {
        let login: String?
        let password: String?
        /// The line of its `machine` or `default` keyword, for messages.
        let line: Int
    }

    /// What is wrong with a netrc file, at which line, and what to do.
    struct Failure: Error, Equatable {
        let line: Int
        let message: String
        let hint: String
    }

    /// The entry for `host`, else the `default` entry, else nil.
    ///
    /// - Throws: ``Failure`` for an unclosed quote, a keyword without its value, or a word that is not a keyword
    ///   where one is expected.
    static func entry(for host: String, in text: String) throws(Failure) -> Entry? {
        let entries = try parse(text)
        return entries.first { $0.machine?.lowercased() == host.lowercased() }?.entry
            ?? entries.first { $0.machine == nil }?.entry
    }

    /// Whether a file with permission bits `mode` may be used when it holds a password: not when group or
    /// others can read or write it (ftp and curl refuse such a file too).
    static func isPrivate(mode: UInt16) -> Bool { mode & 0o077 == 0 }

    private struct Token {
        let text: String
        let line: Int
    }

    private static func parse(_ text: String) throws(Failure) -> [(machine: String?, entry: Entry)] {
        let tokens = try tokenize(text)
        var entries: [(machine: String?, entry: Entry)] = []
        var index = 0
        func value(after keyword: Token) throws(Failure) -> String {
            guard index + 1 < tokens.count else {
                throw Failure(
                    line: keyword.line,
                    message: "'\(keyword.text)' has no value",
                    hint: "write '\(keyword.text) VALUE' on the same entry"
                )
            }
            return tokens[index + 1].text
        }
        while index < tokens.count {
            let keyword = tokens[index]
            let machine: String?
            switch keyword.text {
            case "machine":
                machine = try value(after: keyword)
                index += 2
            case "default":
                machine = nil
                index += 1
            default:
                throw Failure(
                    line: keyword.line,
                    message: "expected 'machine' or 'default', found '\(keyword.text)'",
                    hint: "each entry starts with 'machine HOST' (or 'default'), then login and password"
                )
            }
            var login: String?
            var password: String?
            while index < tokens.count, !["machine", "default"].contains(tokens[index].text) {
                let field = tokens[index]
                switch field.text {
                case "login": login = try value(after: field)
                case "password": password = try value(after: field)
                case "account": _ = try value(after: field)
                default:
                    throw Failure(
                        line: field.line,
                        message: "unknown netrc keyword '\(field.text)'",
                        hint: "an entry holds login, password and account; quote a value that has spaces"
                    )
                }
                index += 2
            }
            entries.append((machine, Entry(login: login, password: password, line: keyword.line)))
        }
        return entries
    }

    /// Splits the text into tokens with their lines, reading quotes and skipping `macdef` blocks.
    private static func tokenize(_ text: String) throws(Failure) -> [Token] {
        var tokens: [Token] = []
        var skippingMacro = false
        for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = offset + 1
            if skippingMacro {
                if line.allSatisfy(\.isWhitespace) { skippingMacro = false }
                continue
            }
            var words: [(text: String, quoted: Bool)] = []
            var current = ""
            var inToken = false
            var quoted = false
            var escaped = false
            for character in line {
                if quoted {
                    if escaped {
                        current.append(character)
                        escaped = false
                    } else if character == "\\" {
                        escaped = true
                    } else if character == "\"" {
                        words.append((current, true))
                        (current, inToken, quoted) = ("", false, false)
                    } else {
                        current.append(character)
                    }
                } else if character.isWhitespace {
                    if inToken { words.append((current, false)) }
                    (current, inToken) = ("", false)
                } else if character == "#" && !inToken {
                    break  // a comment, to the end of the line (as curl reads it)
                } else if character == "\"" && !inToken {
                    (inToken, quoted) = (true, true)
                } else {
                    inToken = true
                    current.append(character)
                }
            }
            if quoted {
                throw Failure(
                    line: number,
                    message: "a quoted token is not closed",
                    hint: "end it with \" on the same line, and write \\\" for a quote inside it"
                )
            }
            if inToken { words.append((current, false)) }
            for word in words {
                if word.text == "macdef" && !word.quoted {
                    // The macro's name follows on this line; its body runs to the next empty line.
                    skippingMacro = true
                    break
                }
                tokens.append(Token(text: word.text, line: number))
            }
        }
        return tokens
    }
}
