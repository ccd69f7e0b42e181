import CalDAV
import Foundation
import Logging
import ServerTestSupport
import Testing

/// Each way the four servers differ, shown on the real servers: what ``ServerKind`` says about a server is checked
/// here, so a server upgrade that changes a quirk fails a test instead of surprising a user.
@Suite struct ServerQuirkTests {
    /// An event with a multi-valued CATEGORIES, as rota's holiday shifts carry.
    static let categoriesEvent = [
        "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//rota//tests//EN", "BEGIN:VEVENT", "UID:quirk@rota.test",
        "DTSTAMP:20261128T000000Z", "DTSTART:20261201T100000Z", "DTEND:20261201T110000Z", "SUMMARY:On call",
        "CATEGORIES:On call,Holiday", "END:VEVENT", "END:VCALENDAR", "",
    ].joined(separator: "\r\n")

    /// The lines of an iCalendar text with folding undone.
    static func unfolded(_ text: String) -> [String] {
        text.replacingOccurrences(of: "\r\n ", with: "").replacingOccurrences(of: "\n ", with: "")
            .split(whereSeparator: \.isNewline).map(String.init)
    }

    /// A raw PUT (no client logic in between): the whole response, body included.
    static func put(_ text: String, at url: URL, with client: CalDAVClient) async throws -> CalDAVResponse {
        try await client.send(
            CalDAVRequest(
                method: .put,
                url: url,
                headers: [
                    HeaderField("Content-Type", "text/calendar; charset=utf-8"), HeaderField("If-None-Match", "*"),
                ],
                body: Array(text.utf8)
            )
        )
    }

    @Test(arguments: ServerKind.allCases)
    func onlyCyrusSplitsAMultiValuedProperty(_ kind: ServerKind) async throws {
        try await ServerContractTests.withCalendar(kind) { _, client, calendar in
            let url = calendar.appending(path: "quirk.ics")
            let created = try await Self.put(Self.categoriesEvent, at: url, with: client)
            #expect(created.status == 201)
            let read = try await client.send(CalDAVRequest(method: .get, url: url))
            let text = String(decoding: read.body, as: UTF8.self)
            let categories = Self.unfolded(text).filter { $0.hasPrefix("CATEGORIES") }
            if kind.splitsMultiValuedProperties {
                // libical splits the list into one property per value; the meaning is the same (RFC 5545 §3.8.1.2).
                #expect(categories.sorted() == ["CATEGORIES:Holiday", "CATEGORIES:On call"], "\(text)")
            } else {
                #expect(categories == ["CATEGORIES:On call,Holiday"], "\(text)")
            }
            #expect((text == Self.categoriesEvent) == kind.keepsTheBytesItWasSent, "\(text)")
            // Whatever is stored, the ETag a PUT answers is the one a read then shows.
            if let etag = created.etag { #expect(read.etag == etag) }
        }
    }

    @Test(arguments: ServerKind.allCases)
    func aUIDInASecondCalendarOfTheSameAccount(_ kind: ServerKind) async throws {
        try await ServerContractTests.withCalendar(kind) { server, client, calendar in
            let other = server.calendarURL("other")
            try await client.makeCalendar(at: other, displayName: "Other")
            let first = calendar.appending(path: "quirk.ics")
            #expect(try await Self.put(Self.categoriesEvent, at: first, with: client).status == 201)
            let second = try await Self.put(Self.categoriesEvent, at: other.appending(path: "quirk.ics"), with: client)
            if kind.oneResourcePerUIDPerAccount {
                // The body that reaches the client names the precondition and the resource that holds the UID.
                let body = String(decoding: second.body, as: UTF8.self)
                #expect(second.status == 403)
                #expect(body.contains("unique-scheduling-object-resource"), "\(body)")
                #expect(body.contains(first.path), "\(body)")
            } else {
                #expect(second.status == 201)
            }
        }
    }

    @Test(arguments: ServerKind.allCases)
    func invalidCalendarDataGetsTheServersOwnStatus(_ kind: ServerKind) async throws {
        try await ServerContractTests.withCalendar(kind) { _, client, calendar in
            let url = calendar.appending(path: "broken.ics")
            let broken = "this is not iCalendar\r\n"
            let answer = try await Self.put(broken, at: url, with: client)
            #expect(answer.status == kind.invalidCalendarDataStatus)
            #expect(try await client.etags(in: calendar).isEmpty)
        }
    }

    /// RFC 6764's `/.well-known/caldav`, asked without following redirects (the client follows them itself).
    @Test(arguments: ServerKind.allCases)
    func wellKnownCalDAV(_ kind: ServerKind) async throws {
        try await CalDAVServerProcess.with(kind) { server in
            let transport = AsyncHTTPClientTransport()
            let answer = try await transport.send(
                CalDAVRequest(method: .propfind, url: server.rootURL.appending(path: ".well-known/caldav"))
            )
            try await transport.shutdown()
            #expect(answer.status == kind.wellKnownRedirect.status)
            let location = try #require(answer.headers.value(for: "Location"))
            #expect(URL(string: location)?.path(percentEncoded: true) == kind.wellKnownRedirect.path, "\(location)")
        }
    }

    /// DAViCal keeps a display name's markup characters escaped and escapes them again when asked, so a calendar named
    /// `On call & <more>` reads back as `On call &amp; &lt;more&gt;`; the others give back the name they were given.
    @Test(arguments: ServerKind.allCases)
    func displayNamesWithMarkupCharacters(_ kind: ServerKind) async throws {
        try await ServerContractTests.withCalendar(kind) { _, client, calendar in
            let read = try await client.calendar(at: calendar)
            #expect(read.displayName == ServerContractTests.displayName(on: kind))
            #expect((read.displayName == "On call & <more>") == !kind.escapesDisplayNamesTwice)
        }
    }
}
