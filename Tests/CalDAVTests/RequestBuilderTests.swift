import CalDAV
import Foundation
import Testing

/// The pure request builders: methods, headers, and bodies that parse back to the intended XML.
@Suite struct RequestBuilderTests {
    let calendar = URL(string: "https://dav.example.com/alice/on%20call/")

    func body(_ request: CalDAVRequest) throws -> DAVXML.Element {
        #expect(request.headers.value(for: "Content-Type") == "application/xml; charset=utf-8")
        return try DAVXML.parse(request.body)
    }

    @Test func propfindsAskForTheDiscoveryProperties() throws {
        let url = try #require(calendar)
        let principal = CalDAVRequests.currentUserPrincipal(at: url)
        #expect(principal.method == .propfind)
        #expect(principal.headers.value(for: "depth") == "0")
        #expect(try body(principal).child(.dav("prop"))?.child(.dav("current-user-principal")) != nil)

        let home = CalDAVRequests.calendarHomeSet(principal: url)
        #expect(try body(home).child(.dav("prop"))?.child(.calDAV("calendar-home-set")) != nil)

        let list = CalDAVRequests.calendars(home: url)
        #expect(list.headers.value(for: "Depth") == "1")
        let names = try body(list).child(.dav("prop"))?.children.map(\.name) ?? []
        #expect(
            names == [
                .dav("resourcetype"), .dav("displayname"), DAVXML.Name(DAVXML.appleICalNamespace, "calendar-color"),
                DAVXML.Name(DAVXML.calendarServerNamespace, "getctag"), .dav("sync-token"),
                .calDAV("supported-calendar-component-set"),
            ]
        )
    }

    @Test func mkcalendarEscapesTheDisplayName() throws {
        let url = try #require(calendar)
        let request = CalDAVRequests.makeCalendar(at: url, displayName: "On call <&> \"team\"")
        #expect(request.method == .mkcalendar)
        let root = try body(request)
        #expect(root.name == .calDAV("mkcalendar"))
        let name = root.child(.dav("set"))?.child(.dav("prop"))?.child(.dav("displayname"))?.text
        #expect(name == "On call <&> \"team\"")
        #expect(!request.isSafeToRetry)
    }

    @Test func calendarQueryCarriesATimeRangeInUTC() throws {
        let url = try #require(calendar)
        let range = try #require(
            TimeRange(
                start: Date(timeIntervalSince1970: 1_796_083_200),
                end: Date(timeIntervalSince1970: 1_798_761_600)
            )
        )
        #expect(range.startText == "20261201T000000Z")
        #expect(range.endText == "20270101T000000Z")
        let request = CalDAVRequests.calendarQuery(calendar: url, timeRange: range, includeData: true)
        #expect(request.method == .report)
        let root = try body(request)
        let prop = try #require(root.child(.dav("prop")))
        #expect(prop.child(.dav("getetag")) != nil && prop.child(.calDAV("calendar-data")) != nil)
        let event = root.child(.calDAV("filter"))?.child(.calDAV("comp-filter"))?.child(.calDAV("comp-filter"))
        #expect(event?.attribute(DAVXML.Name("", "name")) == "VEVENT")
        let timeRange = event?.child(.calDAV("time-range"))
        #expect(timeRange?.attribute(DAVXML.Name("", "start")) == "20261201T000000Z")
        #expect(timeRange?.attribute(DAVXML.Name("", "end")) == "20270101T000000Z")
        #expect(TimeRange(start: range.end, end: range.start) == nil)
    }

    @Test func multigetListsHrefsAsPaths() throws {
        let url = try #require(calendar)
        let resources = [url.appending(path: "a&b.ics"), url.appending(path: "c.ics")]
        let root = try body(CalDAVRequests.calendarMultiget(calendar: url, resources: resources))
        #expect(root.name == .calDAV("calendar-multiget"))
        #expect(root.children(.dav("href")).map(\.text) == ["/alice/on%20call/a&b.ics", "/alice/on%20call/c.ics"])
    }

    @Test func syncCollectionSendsTheTokenOrAnEmptyOne() throws {
        let url = try #require(calendar)
        let initial = try body(CalDAVRequests.syncCollection(calendar: url, syncToken: nil))
        #expect(initial.name == .dav("sync-collection"))
        #expect(initial.child(.dav("sync-token"))?.text == "")
        #expect(initial.child(.dav("sync-level"))?.text == "1")
        let token = "http://radicale.org/ns/sync/abc<&>"
        let next = try body(CalDAVRequests.syncCollection(calendar: url, syncToken: token))
        #expect(next.child(.dav("sync-token"))?.text == token)
    }

    @Test func writesAreConditional() throws {
        let url = try #require(calendar).appending(path: "e1.ics")
        let create = CalDAVRequests.put(at: url, icalendar: Array("BEGIN:VCALENDAR\r\n".utf8), precondition: .create)
        #expect(create.method == .put)
        #expect(create.headers.value(for: "If-None-Match") == "*")
        #expect(create.headers.value(for: "Content-Type") == "text/calendar; charset=utf-8")
        #expect(create.isSafeToRetry)
        let update = CalDAVRequests.put(at: url, icalendar: [], precondition: .update(etag: "\"abc\""))
        #expect(update.headers.value(for: "If-Match") == "\"abc\"")
        #expect(update.headers.value(for: "If-None-Match") == nil)
        let delete = CalDAVRequests.delete(at: url, etag: "\"abc\"")
        #expect(delete.method == .delete)
        #expect(delete.headers.value(for: "If-Match") == "\"abc\"")
        #expect(delete.isSafeToRetry)
        #expect(!CalDAVRequest(method: .put, url: url).isSafeToRetry)
    }
}
