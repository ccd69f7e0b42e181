import CalDAV
import Foundation
import ServerTestSupport
import Testing

/// The pure parsers over responses recorded from Radicale 3.9.0 and Xandikos 0.4.10 (`fixtures/caldav/`).
@Suite struct ResponseParserTests {
    func multistatus(_ server: ServerKind, _ name: String, at path: String) throws -> Multistatus {
        try Multistatus.parse(CalDAVFixtures.bytes(server, name), requestURL: CalDAVFixtures.url(path))
    }

    @Test(arguments: ServerKind.virtualenvServers)
    func principalAndHome(_ server: ServerKind) throws {
        let principal = try multistatus(server, "principal.xml", at: "/").firstHref(.dav("current-user-principal"))
        let expected = server == .radicale ? "/alice/" : "/user/"
        #expect(principal == (try CalDAVFixtures.url(expected)))
        let home = try multistatus(server, "home-set.xml", at: expected).firstHref(.calDAV("calendar-home-set"))
        #expect(home == (try CalDAVFixtures.url(server == .radicale ? "/alice/" : "/user/calendars/")))
    }

    @Test(arguments: ServerKind.virtualenvServers)
    func calendarList(_ server: ServerKind) throws {
        let home = server == .radicale ? "/alice/" : "/user/calendars/"
        let collections = CalendarCollection.collections(in: try multistatus(server, "calendars.xml", at: home))
        let calendars = collections.filter(\.isCalendar)
        let oncall = try #require(
            calendars.first { $0.url.path(percentEncoded: false) == CalDAVFixtures.calendarPath(server) }
        )
        #expect(oncall.displayName == "On call & more")
        #expect(oncall.ctag?.isEmpty == false)
        #expect(oncall.syncToken?.isEmpty == false)
        #expect(oncall.color == nil)
        #expect(oncall.supportedComponents.contains("VEVENT"))
        // The home itself is a collection but not a calendar.
        #expect(collections.contains { !$0.isCalendar && $0.url.path(percentEncoded: false) == home })
    }

    @Test(arguments: ServerKind.virtualenvServers)
    func calendarQueryReturnsDataWithLFLineEnds(_ server: ServerKind) throws {
        let path = CalDAVFixtures.calendarPath(server)
        let answer = try multistatus(server, "calendar-query.xml", at: path)
        let resources = CalendarResource.resources(in: answer, collection: try CalDAVFixtures.url(path))
        #expect(resources.count == 1)
        let event = try #require(resources.first)
        #expect(event.url.lastPathComponent == "e1.ics")
        #expect(event.etag?.hasPrefix("\"") == true)
        let data = try #require(event.calendarData)
        #expect(data.contains("UID:e1@rota.test"))
        #expect(!data.contains("\r"))
    }

    @Test(arguments: ServerKind.virtualenvServers)
    func multigetLeavesOutMissingResourcesButReportsTheir404(_ server: ServerKind) throws {
        let path = CalDAVFixtures.calendarPath(server)
        let answer = try multistatus(server, "multiget.xml", at: path)
        let missing = answer.responses.first { $0.url.lastPathComponent == "missing.ics" }
        #expect(missing?.status == 404)
        let resources = CalendarResource.resources(in: answer, collection: try CalDAVFixtures.url(path))
        #expect(resources.map(\.url.lastPathComponent) == ["e1.ics", "e2.ics"])
        #expect(resources.allSatisfy { $0.etag != nil && $0.calendarData != nil })
    }

    @Test(arguments: ServerKind.virtualenvServers)
    func syncCollectionInitialAndIncremental(_ server: ServerKind) throws {
        let path = CalDAVFixtures.calendarPath(server)
        let calendar = try CalDAVFixtures.url(path)
        let initial = SyncChanges.fromSyncCollection(
            try multistatus(server, "sync-initial.xml", at: path),
            collection: calendar,
            isInitial: true
        )
        #expect(initial.changed.map(\.url.lastPathComponent) == ["e1.ics", "e2.ics"])
        #expect(initial.deleted.isEmpty)
        #expect(initial.isFullListing)
        let token = try #require(initial.syncToken)
        let incremental = SyncChanges.fromSyncCollection(
            try multistatus(server, "sync-incremental.xml", at: path),
            collection: calendar,
            isInitial: false
        )
        #expect(incremental.changed.map(\.url.lastPathComponent) == ["e1.ics"])
        #expect(incremental.deleted.map(\.lastPathComponent) == ["e2.ics"])
        #expect(incremental.syncToken != token)
        #expect(!incremental.isFullListing)
        #expect(incremental.changed.first?.etag != initial.changed.first?.etag)
    }

    @Test func statusLines() {
        #expect(Multistatus.statusCode("HTTP/1.1 404 Not Found") == 404)
        #expect(Multistatus.statusCode("HTTP/1.1 200 OK") == 200)
        #expect(Multistatus.statusCode("garbage") == nil)
        #expect(Multistatus.statusCode("HTTP/1.1 999 Nope") == nil)
    }

    @Test func hrefsAreResolvedAndDecoded() throws {
        let base = try #require(URL(string: "https://dav.example.com/cal/"))
        #expect(
            Multistatus.resolve(href: "/cal/a%20b.ics", against: base)?.path(percentEncoded: false) == "/cal/a b.ics"
        )
        #expect(
            Multistatus.resolve(href: "/cal/a b.ics", against: base)?.absoluteString
                == "https://dav.example.com/cal/a%20b.ics"
        )
        #expect(
            Multistatus.resolve(href: "c.ics", against: base)?.absoluteString == "https://dav.example.com/cal/c.ics"
        )
        #expect(
            Multistatus.resolve(href: "https://other.example.com/x/", against: base)?.absoluteString
                == "https://other.example.com/x/"
        )
        #expect(Multistatus.resolve(href: "  ", against: base) == nil)
    }

    @Test func aMultistatusWithoutHrefIsAnErrorValue() throws {
        let xml =
            "<d:multistatus xmlns:d=\"DAV:\"><d:response><d:status>HTTP/1.1 200 OK</d:status></d:response></d:multistatus>"
        #expect(throws: CalDAVError.self) {
            try Multistatus.parse(Array(xml.utf8), requestURL: try CalDAVFixtures.url("/"))
        }
        let notMultistatus = "<d:error xmlns:d=\"DAV:\"/>"
        do {
            _ = try Multistatus.parse(Array(notMultistatus.utf8), requestURL: try CalDAVFixtures.url("/"))
            Issue.record("accepted an error document as multistatus")
        } catch let error as CalDAVError {
            #expect(error.code == .xmlUnexpected)
        }
    }

    @Test func errorDescriptionsCarryURLStatusAndHint() throws {
        let url = try CalDAVFixtures.url("/alice/oncall/")
        let error = CalDAVError.unexpected(CalDAVResponse(status: 401), url: url, operation: "PROPFIND")
        #expect(error.code == .unauthorized)
        #expect(error.description.hasPrefix("http://127.0.0.1:5232/alice/oncall/: error: not authorized"))
        #expect(error.description.contains("(HTTP 401)"))
        #expect(error.description.contains("\nhint: "))
    }
}

/// The sync fallback decision over the servers' recorded answers to a bogus token.
@Suite struct SyncFallbackDecisionTests {
    @Test(arguments: [(ServerKind.radicale, 403), (ServerKind.xandikos, 412)])
    func invalidTokenAnswersRequireAFullListing(_ server: ServerKind, _ status: Int) throws {
        let body = try CalDAVFixtures.bytes(server, "sync-bogus-token.xml")
        #expect(SyncChanges.requiresFullListing(after: CalDAVResponse(status: status, body: body)))
    }

    @Test func otherRefusalsDoNot() {
        #expect(!SyncChanges.requiresFullListing(after: CalDAVResponse(status: 403)))
        #expect(!SyncChanges.requiresFullListing(after: CalDAVResponse(status: 401)))
        #expect(!SyncChanges.requiresFullListing(after: CalDAVResponse(status: 500)))
        #expect(SyncChanges.requiresFullListing(after: CalDAVResponse(status: 501)))
    }
}
