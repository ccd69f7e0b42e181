import CalDAV
import Foundation
import Testing

/// Refusals that name a WebDAV/CalDAV precondition: parsed from the `<D:error>` body, explained in the message.
@Suite struct PreconditionTests {
    static let url = URL(string: "https://dav.example.com/cal/a.ics") ?? URL(filePath: "/a.ics")

    static func refusal(_ status: Int, _ body: String) -> CalDAVResponse {
        CalDAVResponse(status: status, body: Array(body.utf8))
    }

    @Test func cyrusNamesTheHrefThatAlreadyHoldsTheUID() {
        let response = Self.refusal(
            403,
            """
            <?xml version="1.0" encoding="utf-8"?>
            <D:error xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">
              <C:unique-scheduling-object-resource><D:href>/dav/calendars/user/chen/Default/x.ics</D:href>
              </C:unique-scheduling-object-resource></D:error>
            """
        )
        #expect(
            DAVPrecondition.parse(response)
                == DAVPrecondition(
                    name: .calDAV("unique-scheduling-object-resource"),
                    hrefs: ["/dav/calendars/user/chen/Default/x.ics"]
                )
        )
        let error = CalDAVError.unexpected(response, url: Self.url, operation: "PUT")
        #expect(error.code == .precondition)
        #expect(
            error.description
                == "https://dav.example.com/cal/a.ics: error: refused: PUT: another resource already holds this "
                + "event's UID (/dav/calendars/user/chen/Default/x.ics) [CALDAV:unique-scheduling-object-resource] "
                + "(HTTP 403)\nhint: that event is not rota's to change; remove or re-UID it (or its calendar) if "
                + "it is a stale copy"
        )
        #expect(!error.description.contains("password"))
    }

    @Test(arguments: [
        ("<C:no-uid-conflict/>", "another resource already holds this event's UID in this calendar"),
        ("<C:valid-calendar-data/>", "did not accept the event's iCalendar data"),
        ("<C:supported-calendar-component/>", "does not take events (VEVENT)"),
        ("<D:resource-must-be-null/>", "something already exists at this URL"),
        (
            "<D:need-privileges><D:resource><D:href>/cal/</D:href></D:resource></D:need-privileges>",
            "lacks the privilege"
        ),
        ("<X:odd xmlns:X=\"urn:x\"/>", "the server's precondition {urn:x}odd failed"),
    ])
    func eachPreconditionIsNamedWithWhatToDo(element: String, expected: String) {
        let response = Self.refusal(
            409,
            "<D:error xmlns:D=\"DAV:\" xmlns:C=\"urn:ietf:params:xml:ns:caldav\">\(element)</D:error>"
        )
        let error = CalDAVError.unexpected(response, url: Self.url, operation: "PUT")
        #expect(error.code == .precondition)
        #expect(error.description.contains(expected), "\(error.description)")
    }

    @Test(arguments: ["", "not xml", "<D:multistatus xmlns:D=\"DAV:\"/>", "<!DOCTYPE x><D:error xmlns:D=\"DAV:\"/>"])
    func aBodyWithoutAPreconditionKeepsTheStatusMessage(body: String) {
        let response = Self.refusal(403, body)
        #expect(DAVPrecondition.parse(response) == nil)
        #expect(CalDAVError.unexpected(response, url: Self.url, operation: "PUT").code == .unauthorized)
    }
}
