import CalDAV
import CalendarSync
import Foundation
import Testing

/// How CalDAV answers map onto the sync's terms: pure, no server.
struct CalDAVSyncTransportTests {
    static let url = URL(string: "https://dav.example.com/cal/a.ics") ?? URL(filePath: "/a.ics")

    struct Row: Sendable, CustomTestStringConvertible {
        let response: CalDAVResponse
        let expected: ServerAnswer
        var testDescription: String { "\(response.status)" }
    }

    static let rows: [Row] = [
        Row(
            response: CalDAVResponse(status: 201, headers: [HeaderField("ETag", "\"9\"")]),
            expected: .written(etag: "\"9\"")
        ),
        Row(response: CalDAVResponse(status: 204), expected: .written(etag: nil)),
        Row(response: CalDAVResponse(status: 412), expected: .preconditionFailed),
        Row(response: CalDAVResponse(status: 423), expected: .locked),
        Row(
            response: CalDAVResponse(status: 503, headers: [HeaderField("Retry-After", "5")]),
            expected: .serverError(status: 503, retryAfter: .seconds(5))
        ),
        Row(response: CalDAVResponse(status: 429), expected: .serverError(status: 429, retryAfter: nil)),
        Row(response: CalDAVResponse(status: 404), expected: .notFound),
    ]

    @Test(arguments: rows)
    func statusesMapOntoAnswers(_ row: Row) {
        #expect(CalDAVSyncTransport.answer(row.response, url: Self.url, operation: "PUT") == row.expected)
    }

    @Test(arguments: [403, 409])
    func otherStatusesAreRefusalsThatNameTheStatus(_ status: Int) {
        let answer = CalDAVSyncTransport.answer(CalDAVResponse(status: status), url: Self.url, operation: "PUT")
        guard case .refused(status, let message) = answer else {
            Issue.record("\(answer)")
            return
        }
        #expect(message.contains("\(status)") && message.contains(Self.url.absoluteString))
    }
}

extension CalDAVSyncTransportTests {
    /// Xandikos answers a UID held elsewhere with 412 and `no-uid-conflict`: refused (reported), not read again.
    @Test func a412NamingAPreconditionIsARefusalNotAConflict() {
        let response = CalDAVResponse(
            status: 412,
            body: Array(
                "<D:error xmlns:D=\"DAV:\" xmlns:C=\"urn:ietf:params:xml:ns:caldav\"><C:no-uid-conflict/></D:error>"
                    .utf8
            )
        )
        let answer = CalDAVSyncTransport.answer(response, url: Self.url, operation: "PUT")
        guard case .refused(412, let message) = answer else {
            Issue.record("\(answer)")
            return
        }
        #expect(message.contains("[CALDAV:no-uid-conflict]"))
    }
}
