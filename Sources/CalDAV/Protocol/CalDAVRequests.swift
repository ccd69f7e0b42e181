public import Foundation

/// Pure builders for every request the client sends: method, URL, headers and an escaped XML body.
///
/// Each returns a ``CalDAVRequest`` and does no I/O, so tests compare them as values and a transport sends them.
public enum CalDAVRequests {
    static let xmlContentType = HeaderField("Content-Type", "application/xml; charset=utf-8")
    static let xmlDeclaration = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"

    private static func xmlRequest(_ method: HTTPMethod, _ url: URL, depth: String?, body: String) -> CalDAVRequest {
        var headers = [xmlContentType]
        if let depth { headers.append(HeaderField("Depth", depth)) }
        return CalDAVRequest(method: method, url: url, headers: headers, body: Array((xmlDeclaration + body).utf8))
    }

    /// `PROPFIND` for `current-user-principal` (RFC 5397), Depth 0.
    ///
    /// Sent first to `/.well-known/caldav` (RFC 6764 §5), then to the URL the user gave.
    ///
    /// - Parameter url: where to ask.
    /// - Returns: the request.
    public static func currentUserPrincipal(at url: URL) -> CalDAVRequest {
        xmlRequest(
            .propfind,
            url,
            depth: "0",
            body: "<d:propfind xmlns:d=\"DAV:\"><d:prop><d:current-user-principal/></d:prop></d:propfind>"
        )
    }

    /// `PROPFIND` for the principal's `calendar-home-set` (RFC 4791 §6.2.1), Depth 0.
    ///
    /// - Parameter principal: the principal URL.
    /// - Returns: the request.
    public static func calendarHomeSet(principal: URL) -> CalDAVRequest {
        xmlRequest(
            .propfind,
            principal,
            depth: "0",
            body: "<d:propfind xmlns:d=\"DAV:\" xmlns:c=\"urn:ietf:params:xml:ns:caldav\">"
                + "<d:prop><c:calendar-home-set/></d:prop></d:propfind>"
        )
    }

    private static let collectionProperties =
        "<d:prop><d:resourcetype/><d:displayname/><a:calendar-color/><cs:getctag/><d:sync-token/>"
        + "<c:supported-calendar-component-set/></d:prop>"

    private static let collectionNamespaces =
        "xmlns:d=\"DAV:\" xmlns:c=\"urn:ietf:params:xml:ns:caldav\" xmlns:a=\"http://apple.com/ns/ical/\""
        + " xmlns:cs=\"http://calendarserver.org/ns/\""

    /// The PROPFIND body asking for every property ``CalendarCollection`` reads.
    private static let collectionPropfind = "<d:propfind \(collectionNamespaces)>\(collectionProperties)</d:propfind>"

    /// `PROPFIND` Depth 1 on a calendar home: every collection with the properties ``CalendarCollection`` reads.
    ///
    /// - Parameter home: the calendar home URL.
    /// - Returns: the request.
    public static func calendars(home: URL) -> CalDAVRequest {
        xmlRequest(.propfind, home, depth: "1", body: collectionPropfind)
    }

    /// `PROPFIND` Depth 0 on one calendar: its ctag and sync token, the one request a no-op sync costs.
    ///
    /// - Parameter calendar: the calendar URL.
    /// - Returns: the request.
    public static func calendarProperties(calendar: URL) -> CalDAVRequest {
        xmlRequest(.propfind, calendar, depth: "0", body: collectionPropfind)
    }

    /// `MKCALENDAR` with a display name (RFC 4791 §5.3.1).
    ///
    /// - Parameters:
    ///   - url: the new calendar's URL (a collection, ending in `/`).
    ///   - displayName: the name calendar apps show.
    /// - Returns: the request.
    public static func makeCalendar(at url: URL, displayName: String) -> CalDAVRequest {
        xmlRequest(
            .mkcalendar,
            url,
            depth: nil,
            body: "<c:mkcalendar xmlns:d=\"DAV:\" xmlns:c=\"urn:ietf:params:xml:ns:caldav\"><d:set><d:prop>"
                + "<d:displayname>\(DAVXML.escapeText(displayName))</d:displayname>"
                + "</d:prop></d:set></c:mkcalendar>"
        )
    }

    /// `REPORT calendar-query` for the VEVENTs overlapping a time range (RFC 4791 §7.8), Depth 1.
    ///
    /// - Parameters:
    ///   - calendar: the calendar URL.
    ///   - timeRange: the span the events must overlap; nil lists every event.
    ///   - includeData: whether to ask for `calendar-data` too, or only `getetag`.
    /// - Returns: the request.
    public static func calendarQuery(calendar: URL, timeRange: TimeRange?, includeData: Bool) -> CalDAVRequest {
        let data = includeData ? "<c:calendar-data/>" : ""
        let range = timeRange.map {
            "<c:time-range start=\"\(DAVXML.escapeAttribute($0.startText))\" end=\"\(DAVXML.escapeAttribute($0.endText))\"/>"
        }
        let eventFilter =
            range.map { "<c:comp-filter name=\"VEVENT\">\($0)</c:comp-filter>" }
            ?? "<c:comp-filter name=\"VEVENT\"/>"
        return xmlRequest(
            .report,
            calendar,
            depth: "1",
            body: "<c:calendar-query xmlns:d=\"DAV:\" xmlns:c=\"urn:ietf:params:xml:ns:caldav\">"
                + "<d:prop><d:getetag/>\(data)</d:prop>"
                + "<c:filter><c:comp-filter name=\"VCALENDAR\">\(eventFilter)</c:comp-filter></c:filter>"
                + "</c:calendar-query>"
        )
    }

    /// `REPORT calendar-multiget` for these resources' ETags and data (RFC 4791 §7.9), Depth 1.
    ///
    /// - Parameters:
    ///   - calendar: the calendar URL.
    ///   - resources: the resources' URLs; sent as absolute paths.
    /// - Returns: the request.
    public static func calendarMultiget(calendar: URL, resources: [URL]) -> CalDAVRequest {
        let hrefs = resources.map { "<d:href>\(DAVXML.escapeText(hrefPath($0)))</d:href>" }.joined()
        return xmlRequest(
            .report,
            calendar,
            depth: "1",
            body: "<c:calendar-multiget xmlns:d=\"DAV:\" xmlns:c=\"urn:ietf:params:xml:ns:caldav\">"
                + "<d:prop><d:getetag/><c:calendar-data/></d:prop>\(hrefs)</c:calendar-multiget>"
        )
    }

    /// `REPORT sync-collection` (RFC 6578 §3.2), level 1, asking for `getetag`.
    ///
    /// - Parameters:
    ///   - calendar: the calendar URL.
    ///   - syncToken: the token of the last sync; nil for an initial sync that lists everything.
    /// - Returns: the request.
    public static func syncCollection(calendar: URL, syncToken: String?) -> CalDAVRequest {
        let token = syncToken.map { "<d:sync-token>\(DAVXML.escapeText($0))</d:sync-token>" } ?? "<d:sync-token/>"
        return xmlRequest(
            .report,
            calendar,
            depth: "0",
            body: "<d:sync-collection xmlns:d=\"DAV:\">\(token)<d:sync-level>1</d:sync-level>"
                + "<d:prop><d:getetag/></d:prop></d:sync-collection>"
        )
    }

    /// Conditional `PUT` of one iCalendar object (RFC 4791 §5.3.2).
    ///
    /// - Parameters:
    ///   - url: the resource URL (usually `<calendar>/<uid>.ics`).
    ///   - icalendar: the iCalendar bytes.
    ///   - precondition: create only (`If-None-Match: *`) or update only this version (`If-Match`).
    /// - Returns: the request.
    public static func put(at url: URL, icalendar: [UInt8], precondition: WritePrecondition) -> CalDAVRequest {
        var headers = [HeaderField("Content-Type", "text/calendar; charset=utf-8")]
        switch precondition {
        case .create: headers.append(HeaderField("If-None-Match", "*"))
        case .update(let etag): headers.append(HeaderField("If-Match", etag))
        }
        return CalDAVRequest(method: .put, url: url, headers: headers, body: icalendar)
    }

    /// `DELETE` of one resource, only if it is still the version with this ETag.
    ///
    /// - Parameters:
    ///   - url: the resource URL.
    ///   - etag: the ETag last seen, sent as `If-Match`.
    /// - Returns: the request.
    public static func delete(at url: URL, etag: String) -> CalDAVRequest {
        CalDAVRequest(method: .delete, url: url, headers: [HeaderField("If-Match", etag)])
    }

    /// The URL's path as an href, percent-encoded as the URL holds it.
    static func hrefPath(_ url: URL) -> String {
        let path = url.path(percentEncoded: true)
        return path.isEmpty ? "/" : path
    }
}
