import FeedServer
import Foundation
import Testing

@Suite struct FeedReplyTests {
    static let modified = Date(timeIntervalSince1970: 1_795_000_000.75)
    static let team = FeedCatalog.Entry(
        bytes: Array("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n".utf8),
        lastModified: modified
    )
    static let secret = FeedCatalog.Entry(bytes: Array("secret".utf8), lastModified: modified, token: "t0k3n")
    static let catalog = FeedCatalog(
        feeds: ["team": team, "engineer-kim": secret],
        index: FeedCatalog.Entry(bytes: Array("<html></html>".utf8), lastModified: modified)
    )

    static func answer(
        _ target: String,
        method: String = "GET",
        ifNoneMatch: [String] = [],
        since: String? = nil
    )
        -> FeedReply
    {
        FeedReply.answer(
            FeedRequest(method: method, target: target, ifNoneMatch: ifNoneMatch, ifModifiedSince: since),
            catalog: catalog
        )
    }

    @Test func aFeedIsServedAsCalendarTextWithValidators() {
        let reply = Self.answer("/feeds/team.ics")
        #expect(reply.status == 200)
        #expect(reply.header("content-type") == "text/calendar; charset=utf-8")
        #expect(reply.header("ETag") == Self.team.etag)
        #expect(reply.header("Last-Modified") == "Wed, 18 Nov 2026 11:06:40 GMT")
        #expect(reply.header("Content-Length") == "\(Self.team.bytes.count)")
        #expect(reply.body == Self.team.bytes)
    }

    @Test func theETagIsAStrongQuotedHashOfTheBytes() {
        #expect(Self.team.etag.count == 18 && Self.team.etag.hasPrefix("\"") && Self.team.etag.hasSuffix("\""))
        #expect(!Self.team.etag.hasPrefix("W/"))
        #expect(FeedCatalog.Entry.etag(of: Array("x".utf8)) != FeedCatalog.Entry.etag(of: Array("y".utf8)))
        #expect(FeedCatalog.Entry.etag(of: []) == "\"cbf29ce484222325\"")
    }

    @Test func headHasTheHeadersOfGetAndNoBody() {
        for target in ["/feeds/team.ics", "/", "/feeds/nope.ics", "/feeds/t0k3n/engineer-kim.ics"] {
            let get = Self.answer(target, method: "GET")
            let head = Self.answer(target, method: "HEAD")
            #expect(head.status == get.status)
            #expect(head.headers == get.headers)
            #expect(head.body.isEmpty)
        }
    }

    @Test(arguments: [
        ([#""cbf29ce484222325""#], false),
        (["*"], true),
        (["SELF"], true),
        (["W/SELF"], true),
        (["\"other\", SELF"], true),
        (["\"other\"", "SELF"], true),
        (["\"other\",W/\"x\""], false),
        (["SELF-broken-list\""], false),
        (["garbage"], false),
    ])
    func ifNoneMatchUsesTheWeakComparison(fields: [String], notModified: Bool) {
        let etag = Self.team.etag
        let headers = fields.map {
            $0.replacingOccurrences(of: "SELF-broken-list", with: etag.dropLast() + "x")
                .replacingOccurrences(of: "SELF", with: etag)
        }
        let reply = Self.answer("/feeds/team.ics", ifNoneMatch: headers)
        #expect(reply.status == (notModified ? 304 : 200))
        if notModified {
            #expect(reply.body.isEmpty)
            #expect(reply.header("ETag") == etag)
            #expect(reply.header("Content-Type") == nil)
        }
    }

    @Test(arguments: [
        ("Wed, 18 Nov 2026 11:06:40 GMT", 304),  // the same second (the fraction is dropped)
        ("Wed, 18 Nov 2026 11:06:39 GMT", 200),
        ("Thu, 19 Nov 2026 00:00:00 GMT", 304),
        ("Wednesday, 18-Nov-26 11:06:40 GMT", 304),  // the obsolete RFC 850 form
        ("Wednesday, 18-Nov-26 11:06:39 GMT", 200),
        ("Wed Nov 18 11:06:40 2026", 304),  // the obsolete asctime form
        ("yesterday", 200),
        ("Tue, 31 Nov 2026 11:06:40 GMT", 200),  // no such day
    ])
    func ifModifiedSince(date: String, status: Int) {
        #expect(Self.answer("/feeds/team.ics", since: date).status == status)
    }

    @Test func ifNoneMatchOverridesIfModifiedSince() {
        let reply = Self.answer("/feeds/team.ics", ifNoneMatch: ["\"other\""], since: "Wed, 20 Nov 2030 00:00:00 GMT")
        #expect(reply.status == 200)
    }

    @Test func aTokenisedFeedIsOnlyAtItsTokenURLAndEvery404IsTheSame() {
        #expect(Self.answer("/feeds/t0k3n/engineer-kim.ics").body == Array("secret".utf8))
        let notFound = Self.answer("/feeds/no-such-feed.ics")
        #expect(notFound.status == 404)
        for target in [
            "/feeds/engineer-kim.ics", "/feeds/t0k3/engineer-kim.ics", "/feeds/t0k3n0/engineer-kim.ics",
            "/feeds/t0k3n/team.ics", "/feeds/t0k3n/nope.ics", "/feeds//team.ics", "/feeds/team", "/team.ics",
            "/feeds/a/b/team.ics", "/feeds/%74eam.ics", "/favicon.ico",
        ] {
            #expect(Self.answer(target) == notFound, "\(target)")
        }
    }

    @Test func otherMethodsAreNotAllowed() {
        let reply = Self.answer("/feeds/team.ics", method: "POST")
        #expect(reply.status == 405)
        #expect(reply.header("Allow") == "GET, HEAD")
    }

    @Test func theIndexIsHTMLAndTheQueryIsIgnored() {
        #expect(Self.answer("/?x=1").header("Content-Type") == "text/html; charset=utf-8")
        #expect(Self.answer("/feeds/team.ics?t=1").status == 200)
    }
}
