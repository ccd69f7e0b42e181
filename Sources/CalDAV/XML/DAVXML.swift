/// XML as the CalDAV client sees it: a Sendable element tree, safe parsing and escaping for request bodies.
///
/// libxml2 never leaves ``DAVXML/parse(_:limits:)``: a document is parsed from memory with network access and entity
/// loading off, converted at once into ``DAVXML/Element`` values and freed, so the rest of the library works with plain
/// values that cross concurrency domains freely.
public enum DAVXML {
    /// The WebDAV namespace (RFC 4918).
    public static let davNamespace = "DAV:"
    /// The CalDAV namespace (RFC 4791).
    public static let calDAVNamespace = "urn:ietf:params:xml:ns:caldav"
    /// Apple's iCal namespace, home of `calendar-color`.
    public static let appleICalNamespace = "http://apple.com/ns/ical/"
    /// The CalendarServer namespace, home of `getctag`.
    public static let calendarServerNamespace = "http://calendarserver.org/ns/"
}
