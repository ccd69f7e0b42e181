import FeedServer
import Foundation
import Testing

/// `/runbooks/`: documents rota rendered, served as HTML or Markdown with the feeds' validators.
@Suite struct RunbookRouteTests {
    static let modified = Date(timeIntervalSince1970: 1_795_000_000)
    static let page = FeedCatalog.Entry(bytes: Array("<html>profit</html>".utf8), lastModified: modified)
    static let markdown = FeedCatalog.Entry(bytes: Array("# Runbook\n".utf8), lastModified: modified)
    static let index = FeedCatalog.Entry(bytes: Array("<html>index</html>".utf8), lastModified: modified)
    static let catalog = FeedCatalog(
        feeds: [:],
        index: FeedCatalog.Entry(bytes: Array("<html></html>".utf8), lastModified: modified),
        runbooks: ["index.html": index, "aggregate-profit.html": page, "aggregate-profit.md": markdown]
    )

    static func answer(_ target: String, ifNoneMatch: [String] = []) -> FeedReply {
        FeedReply.answer(FeedRequest(method: "GET", target: target, ifNoneMatch: ifNoneMatch), catalog: catalog)
    }

    @Test(arguments: [
        ("/runbooks/", FeedRoute.runbook(name: "index.html")),
        ("/runbooks/?x=1", .runbook(name: "index.html")),
        ("/runbooks/index.md", .runbook(name: "index.md")),
        ("/runbooks/aggregate-profit.html", .runbook(name: "aggregate-profit.html")),
        ("/runbooks/aggregate-profit.md", .runbook(name: "aggregate-profit.md")),
        ("/runbooks", .unknown),
        ("/runbooks/a/b.html", .unknown),
        ("/runbooks/aggregate-profit.ics", .unknown),
        ("/runbooks/..%2f.html", .unknown),
        ("/runbooks/.html", .unknown),
        ("/runbooks/Profit.html", .unknown),
    ])
    func parsesPaths(path: String, route: FeedRoute) {
        #expect(FeedRoute(path: path) == route)
    }

    @Test func documentsAreServedWithTheirMediaType() {
        let html = Self.answer("/runbooks/aggregate-profit.html")
        #expect(html.status == 200 && html.header("Content-Type") == "text/html; charset=utf-8")
        #expect(html.body == Self.page.bytes)
        let markdown = Self.answer("/runbooks/aggregate-profit.md")
        #expect(markdown.status == 200 && markdown.header("Content-Type") == "text/markdown; charset=utf-8")
        let index = Self.answer("/runbooks/")
        #expect(index.status == 200 && index.body == Self.index.bytes)
        #expect(Self.answer("/runbooks/aggregate-profit.html", ifNoneMatch: [Self.page.etag]).status == 304)
    }

    @Test func unknownDocumentsAreTheSame404() {
        let missing = Self.answer("/runbooks/daily-growth.html")
        #expect(missing.status == 404 && missing.body == FeedReply.notFoundBody)
        #expect(Self.answer("/runbooks/index.md").status == 404)
    }
}
