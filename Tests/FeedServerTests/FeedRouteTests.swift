import FeedServer
import Foundation
import Testing

@Suite struct FeedRouteTests {
    @Test(arguments: [
        ("/", FeedRoute.index),
        ("/?a=b", .index),
        ("/feeds/team.ics", .feed(name: "team", token: nil)),
        ("/feeds/abc/engineer-kim.ics", .feed(name: "engineer-kim", token: "abc")),
        ("/feeds/.ics", .unknown),
        ("/feeds/", .unknown),
        ("/feeds/a/b/c.ics", .unknown),
        ("/feeds//c.ics", .unknown),
        ("/index.html", .unknown),
    ])
    func parsesPaths(path: String, route: FeedRoute) {
        #expect(FeedRoute(path: path) == route)
    }

    @Test(arguments: [
        ("/feeds/team.ics", "/feeds/team.ics"),
        ("/feeds/s3cret/team.ics", "/feeds/***/team.ics"),
        ("/feeds/a/b/c/team.ics", "/feeds/***/***/***/team.ics"),
        ("/feeds/team.ics?token=s3cret", "/feeds/team.ics?***"),
        ("/", "/"),
    ])
    func theLogNeverSeesATokenSegment(path: String, logged: String) {
        #expect(FeedRoute.redacted(path) == logged)
    }

    @Test func tokensCompareWholly() {
        #expect(SecretToken.matches("abc", "abc"))
        #expect(!SecretToken.matches("abd", "abc"))
        #expect(!SecretToken.matches("ab", "abc"))
        #expect(!SecretToken.matches("abcd", "abc"))
        #expect(!SecretToken.matches("", "abc"))
    }

    @Test func httpDatesRoundTrip() throws {
        let date = Date(timeIntervalSince1970: 784_111_777)
        #expect(HTTPDate.format(date) == "Sun, 06 Nov 1994 08:49:37 GMT")
        #expect(HTTPDate.parse("Sun, 06 Nov 1994 08:49:37 GMT") == date)
        #expect(HTTPDate.parse("Sun, 06 Nov 1994 08:49:37 UTC") == nil)
        #expect(HTTPDate.parse("Sun, 6 Nov 1994 08:49:37 GMT") == nil)
        // The two obsolete forms recipients must accept too (RFC 9110 §5.6.7).
        #expect(HTTPDate.parse("Sunday, 06-Nov-94 08:49:37 GMT") == date)
        #expect(HTTPDate.parse("Sun Nov  6 08:49:37 1994") == date)
        #expect(HTTPDate.parse("Sun Nov 31 08:49:37 1994") == nil)
        // A two-digit year more than 50 years after the reference is in the past century.
        let reference = Date(timeIntervalSince1970: 1_795_000_000)  // 2026
        let late = HTTPDate.parse("Wednesday, 01-Jan-76 00:00:00 GMT", reference: reference)
        #expect(late.map(HTTPDate.format) == "Wed, 01 Jan 2076 00:00:00 GMT")
        let early = HTTPDate.parse("Saturday, 01-Jan-77 00:00:00 GMT", reference: reference)
        #expect(early.map(HTTPDate.format) == "Sat, 01 Jan 1977 00:00:00 GMT")
        #expect(HTTPDate.format(Date(timeIntervalSince1970: 0)) == "Thu, 01 Jan 1970 00:00:00 GMT")
    }
}
