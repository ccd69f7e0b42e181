public import Foundation

/// One calendar object resource on the server: its URL, ETag and, when asked for, its iCalendar text.
public struct CalendarResource: Equatable, Sendable {
    /// The resource's URL.
    public var url: URL
    /// The ETag, as the server sent it (quotes included); send it back verbatim in `If-Match`.
    public var etag: String?
    /// The `calendar-data`, when the request asked for it.
    ///
    /// Line ends are LF: XML parsing normalises CR LF, so an iCalendar reader must accept bare LF here.
    public var calendarData: String?

    /// Creates a resource value.
    ///
    /// - Parameters:
    ///   - url: the resource URL.
    ///   - etag: its ETag.
    ///   - calendarData: its iCalendar text.
    public init(url: URL, etag: String?, calendarData: String?) {
        self.url = url
        self.etag = etag
        self.calendarData = calendarData
    }

    /// The resources of a calendar-query or calendar-multiget answer; entries with a non-2xx status of their own
    /// (a multiget href that does not exist) and the collection itself are left out.
    ///
    /// - Parameters:
    ///   - multistatus: the parsed answer.
    ///   - collection: the calendar's URL, whose own entry some servers include.
    /// - Returns: the resources, sorted by URL so callers see a stable order.
    public static func resources(in multistatus: Multistatus, collection: URL) -> [CalendarResource] {
        let collectionPath = CalDAVRequests.hrefPath(collection)
        return multistatus.responses
            .filter { response in
                (response.status.map { (200..<300).contains($0) } ?? true)
                    && CalDAVRequests.hrefPath(response.url) != collectionPath
            }
            .map { response in
                CalendarResource(
                    url: response.url,
                    etag: response.etag,
                    calendarData: response.property(.calDAV("calendar-data"))?.text
                )
            }
            .sorted { $0.url.absoluteString < $1.url.absoluteString }
    }
}
