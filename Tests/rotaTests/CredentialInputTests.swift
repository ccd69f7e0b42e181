import Foundation
import Testing

@testable import rota

/// The netrc file and `--password-stdin`: read as curl and ftp read them, refused with a line and a hint
/// when they cannot be used, never silently no credentials, never unbounded.
@Suite struct NetrcTests {
    @Test func quotedTokensMacrosAndTheDefaultEntry() throws {
        let text = """
            macdef init
            cd /pub
            machine skipped login no password no

            machine cal.example.com
              login "chen@example.com" password "a \\"quoted\\" pass\\\\word"
            default login anyone password "open sesame"
            """
        let entry = try Netrc.entry(for: "CAL.example.com", in: text)
        #expect(entry == Netrc.Entry(login: "chen@example.com", password: #"a "quoted" pass\word"#, line: 5))
        #expect(try Netrc.entry(for: "other.example.com", in: text)?.password == "open sesame")
        // The macro's body, up to the empty line, is not an entry.
        #expect(try Netrc.entry(for: "skipped", in: text)?.login == "anyone")
    }

    @Test(arguments: [
        ("machine h login a password \"open\n", 1, "a quoted token is not closed"),
        ("machine h\n  login a\n  passwd b\n", 3, "unknown netrc keyword 'passwd'"),
        ("machine h login a password", 1, "'password' has no value"),
        ("login a password b\n", 1, "expected 'machine' or 'default', found 'login'"),
    ])
    func aMalformedFileIsAnErrorWithItsLine(text: String, line: Int, message: String) {
        #expect(throws: Netrc.Failure.self) { try Netrc.entry(for: "h", in: text) }
        do {
            _ = try Netrc.entry(for: "h", in: text)
        } catch {
            #expect(error.line == line)
            #expect(error.message == message)
        }
    }

    @Test func onlyAPrivateFileMayHoldAPassword() {
        #expect(Netrc.isPrivate(mode: 0o600))
        #expect(Netrc.isPrivate(mode: 0o400))
        #expect(!Netrc.isPrivate(mode: 0o640))
        #expect(!Netrc.isPrivate(mode: 0o604))
    }
}

@Suite struct CredentialCommandTests {
    /// A calendar URL nothing listens on: every case here stops before any connection.
    static let push = ["push", "--calendar", "http://127.0.0.1:9/rota/x/", "--as-of", "2026-11-28"]

    /// Runs `script` with the binary as `$0` and the push arguments after it.
    static func shell(_ script: String, _ arguments: [String]) throws -> RotaBinary.Result {
        let binary = try #require(RotaBinary.executable)
        return try RotaBinary.shell(script, arguments: [binary.path] + arguments)
    }

    @Test func aPasswordFromAnEndlessPipeReadsAtMostFourKiB() throws {
        let result = try Self.shell(#""$0" "$@" --username u --password-stdin < /dev/zero"#, Self.push)
        #expect(result.status == 2)
        #expect(
            result.standardError
                == "error: --password-stdin reads one line of at most 4096 bytes; standard input holds more\n"
                + "hint: pipe in the password alone, on one line\n"
        )
    }

    @Test func aPasswordThatIsNotUTF8IsRefused() throws {
        let result = try Self.shell(#"printf 'ab\377\376\n' | "$0" "$@" --username u --password-stdin"#, Self.push)
        #expect(result.status == 2)
        #expect(result.standardError.hasPrefix("error: the password on standard input is not UTF-8 text\n"))
    }

    @Test func aNetrcOthersCanReadIsNotUsedAndOneWithoutAPasswordSaysSo() throws {
        let folder = try RotaBinary.temporaryFolder("netrc")
        defer { try? FileManager.default.removeItem(at: folder) }
        let open = folder.appendingPathComponent("open")
        try Data("machine 127.0.0.1 login chen password s3cret\n".utf8).write(to: open)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: open.path)
        let refused = try RotaBinary.run(Self.push + ["--netrc", open.path])
        #expect(refused.status == 2)
        #expect(
            refused.standardError.hasPrefix(
                "error: netrc file \(open.path) holds a password but others can read it (mode 644)\n"
            )
        )
        #expect(!refused.standardError.contains("s3cret"))
        let noPassword = folder.appendingPathComponent("no-password")
        try Data("# team calendar\nmachine 127.0.0.1 login chen\n".utf8).write(to: noPassword)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: noPassword.path)
        let missing = try RotaBinary.run(Self.push + ["--netrc", noPassword.path])
        #expect(missing.status == 2)
        #expect(
            missing.standardError.hasPrefix(
                "error: \(noPassword.path):2: the entry for 127.0.0.1 has a login but no password\n"
            )
        )
    }
}

/// A calendar URL with `user:password@` is refused, and the password appears nowhere in the output.
@Suite struct URLUserInfoTests {
    @Test(arguments: ["push", "diff"])
    func aURLCarryingAPasswordIsRefusedWithoutPrintingIt(command: String) throws {
        let result = try RotaBinary.run([
            command, "--calendar", "https://chen:Pa55word-S3CRET@cal.example.com/dav/x/", "--as-of", "2026-11-28",
        ])
        #expect(result.status == 2)
        #expect(result.standardError.contains("'https://cal.example.com/dav/x/' carries a user name or password"))
        #expect(!(result.standardError + result.standardOutput).contains("S3CRET"))
        #expect(!(result.standardError + result.standardOutput).contains("chen:"))
    }

    @Test func userInfoIsRemovedFromURLsInMessages() {
        #expect(CalDAVOptions.withoutUserInfo("https://a:b@host:8443/p@x/") == "https://host:8443/p@x/")
        #expect(CalDAVOptions.withoutUserInfo("http://user@host/") == "http://host/")
        #expect(CalDAVOptions.withoutUserInfo("http://host/a@b") == "http://host/a@b")
        #expect(CalDAVOptions.withoutUserInfo("not a url") == "not a url")
    }
}
