import Foundation
import RotaModel
import RotaSync

/// The `--secrets` file of `rota serve`: which feeds need a token in their URL.
///
/// One `feed-name: token` per line; blank lines and lines starting with `#` are ignored. Tokens use
/// only URL-safe characters (`A-Z a-z 0-9 - _ . ~`). The file is kept out of the reviewed config,
/// which is committed; a name that is not a feed of the config is an error, so a typo cannot leave a
/// feed public.
enum SecretsFile {
    /// Feed name -> token.
    ///
    /// - Throws: `CommandFailure` when the file cannot be read or a line is wrong.
    static func load(_ path: String, config: TeamConfig) throws -> [String: String] {
        guard case let .success(bytes) = BoundedFileReader.read(path, limit: 1 << 20) else {
            throw CommandFailure(
                message: "cannot read the secrets file",
                hint: "check the path given to --secrets",
                at: path
            )
        }
        switch parse(String(decoding: bytes, as: UTF8.self), feeds: Set(FeedNames.all(config))) {
        case let .success(tokens):
            return tokens
        case let .failure(problem):
            throw CommandFailure(message: problem.message, hint: problem.hint, at: "\(path):\(problem.line)")
        }
    }

    struct Problem: Error, Equatable {
        let line: Int
        let message: String
        let hint: String
    }

    /// Parses the file's text; pure, so it is tested without files.
    static func parse(_ text: String, feeds: Set<String>) -> Result<[String: String], Problem> {
        var tokens: [String: String] = [:]
        let allowed = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~")
        for (offset, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: "\r")))
            if line.isEmpty || line.hasPrefix("#") { continue }
            let parts = line.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[1].isEmpty else {
                return .failure(
                    Problem(line: offset + 1, message: "expected `feed-name: token`", hint: "e.g. team: 3kq9x...")
                )
            }
            guard feeds.contains(parts[0]) else {
                return .failure(
                    Problem(
                        line: offset + 1,
                        message: "no feed named \(parts[0])",
                        hint: "feed names are team, engineer-<id> and pipeline-<id> (see rota export's index.json)"
                    )
                )
            }
            guard parts[1].allSatisfy(allowed.contains) else {
                return .failure(
                    Problem(
                        line: offset + 1,
                        message: "the token for \(parts[0]) has characters a URL cannot carry as they are",
                        hint: "use letters, digits, - _ . ~ (e.g. openssl rand -hex 16)"
                    )
                )
            }
            tokens[parts[0]] = parts[1]
        }
        return .success(tokens)
    }
}
