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
        #expect(HTTPDate.format(Date(timeIntervalSince1970: 0)) == "Thu, 01 Jan 1970 00:00:00 GMT")
    }
}
