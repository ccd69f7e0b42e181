import Foundation
import RotaTestSupport
import Testing

@testable import CalDAV

/// The byte-level path for hrefs must give exactly the URLs the Foundation path gives: a listing keyed by
/// URL would otherwise see an event as both missing and unknown.
@Suite struct HrefResolverTests {
    static func base() throws -> URL { try #require(URL(string: "http://127.0.0.1:5232/alice/oncall/")) }

    static let handPicked = [
        "/alice/oncall/shift-20261130%40oncall.example.com.ics",
        "/alice/oncall/shift-20261130@oncall.example.com.ics",
        "/alice/oncall/a%2bb%2Bc.ics", "/alice/oncall/caf%C3%A9.ics", "/alice/oncall/caf%c3%a9.ics",
        "/alice/oncall/a%3Bb.ics", "/alice/oncall/a;b.ics", "/alice/oncall/a%2Fb.ics", "/alice/oncall/a%20b.ics",
        "/alice/oncall/", "/", "/alice//oncall/x.ics", "/alice/oncall/%FF.ics", "/alice/oncall/%zz.ics",
        "/alice/oncall/%4", "/alice/./oncall/x.ics", "/alice/../x.ics", "/alice/oncall/x.ics?a=b",
        "/alice/oncall/x.ics#f", " /alice/oncall/x.ics\n", "/alice/oncall/a b.ics", "/alice/oncall/café.ics",
        "//other.example.com/x.ics", "x.ics", "../x.ics", "https://other.example.com/cal/x%40y.ics", "",
    ]

    static func agree(_ href: String, base: URL) -> Bool {
        HrefResolver(base: base).resolve(href)?.absoluteString
            == Multistatus.resolveWithFoundation(href: href, against: base)?.absoluteString
    }

    @Test func handPickedHrefsResolveAsFoundationResolvesThem() throws {
        let bases = [try Self.base(), try #require(URL(string: "https://u@dav.example.com/remote.php/dav/"))]
        for base in bases {
            for href in Self.handPicked {
                #expect(Self.agree(href, base: base), "\(href) against \(base)")
            }
        }
    }

    @Test func randomHrefsResolveAsFoundationResolvesThem() throws {
        let base = try Self.base()
        let alphabet = Array("/%%%aZ09.-_~!$&'()*+,;=:@ éC3A9fF2B40?#".unicodeScalars)
        var generator = SeededGenerator(seed: 0x4852_4546)
        var fastPathTaken = 0
        for _ in 0..<20_000 {
            var href = "/"
            for _ in 0..<Int.random(in: 0...14, using: &generator) {
                href.unicodeScalars.append(alphabet[Int.random(in: 0..<alphabet.count, using: &generator)])
            }
            if HrefResolver.canonicalAbsolutePath(href) != nil { fastPathTaken += 1 }
            #expect(Self.agree(href, base: base), "\(href)")
        }
        // The comparison means something only if the fast path ran for many of them.
        #expect(fastPathTaken > 2_000)
    }

    @Test func whatServersSendTakesTheFastPath() {
        #expect(
            HrefResolver.canonicalAbsolutePath("/alice/oncall/shift-20261130%40oncall.example.com.ics")
                == "/alice/oncall/shift-20261130@oncall.example.com.ics"
        )
        #expect(HrefResolver.canonicalAbsolutePath("/alice/oncall/a%2bb.ics") == "/alice/oncall/a+b.ics")
        #expect(HrefResolver.canonicalAbsolutePath("/alice/oncall/caf%c3%a9.ics") == "/alice/oncall/caf%C3%A9.ics")
    }
}
