public import Foundation

/// A collection found in a calendar home, with the properties a sync needs.
public struct CalendarCollection: Equatable, Sendable {
    /// The collection's URL.
    public var url: URL
    /// Whether `resourcetype` says it is a calendar (RFC 4791 §4.2); homes and address books are not.
    public var isCalendar: Bool
    /// `displayname`, if set.
    public var displayName: String?
    /// Apple's `calendar-color`, such as `#FF0000FF`, if set.
    public var color: String?
    /// CalendarServer's `getctag`: changes whenever anything in the calendar changes.
    public var ctag: String?
    /// The RFC 6578 `sync-token`, if the server supports sync-collection here.
    public var syncToken: String?
    /// `supported-calendar-component-set` names, such as `VEVENT`; empty when the server does not say.
    public var supportedComponents: [String]

    /// Creates a calendar collection value.
    ///
    /// - Parameters:
    ///   - url: the collection URL.
    ///   - isCalendar: whether it is a calendar.
    ///   - displayName: its display name.
    ///   - color: its colour.
    ///   - ctag: its ctag.
    ///   - syncToken: its sync token.
    ///   - supportedComponents: the component names it accepts.
    public init(
        url: URL,
        isCalendar: Bool,
        displayName: String? = nil,
        color: String? = nil,
        ctag: String? = nil,
        syncToken: String? = nil,
        supportedComponents: [String] = []
    ) {
        self.url = url
        self.isCalendar = isCalendar
        self.displayName = displayName
        self.color = color
        self.ctag = ctag
        self.syncToken = syncToken
        self.supportedComponents = supportedComponents
    }

    /// Whether this collection's display name is `name`, as a user wrote it in the config.
    ///
    /// DAViCal stores a display name with `&`, `<` or `>` escaped and escapes it again when read, so
    /// `Ops & SRE` comes back as `Ops &amp; SRE`; that form counts as the same name, or discovery would miss the
    /// calendar it made and `--create` would fail on the existing URL. The one place that knows this quirk.
    public func isNamed(_ name: String) -> Bool {
        guard let displayName else { return false }
        return displayName == name || displayName == DAVXML.escapeText(name)
    }

    /// The calendars among ``collections(in:)``: a calendar home's other collections left out.
    ///
    /// - Parameter multistatus: the parsed answer.
    /// - Returns: the calendar collections, in document order.
    public static func calendars(in multistatus: Multistatus) -> [CalendarCollection] {
        collections(in: multistatus).filter(\.isCalendar)
    }

    /// Reads the collections of a PROPFIND answer built by ``CalDAVRequests/calendars(home:)``.
    ///
    /// - Parameter multistatus: the parsed answer.
    /// - Returns: every collection in it, calendars or not, in document order.
    public static func collections(in multistatus: Multistatus) -> [CalendarCollection] {
        multistatus.responses.compactMap { response in
            guard let resourceType = response.property(.dav("resourcetype")),
                resourceType.child(.dav("collection")) != nil
            else { return nil }
            func text(_ name: DAVXML.Name) -> String? {
                guard let value = response.property(name)?.text.trimmingCharacters(in: .whitespacesAndNewlines),
                    !value.isEmpty
                else { return nil }
                return value
            }
            let components =
                response.property(.calDAV("supported-calendar-component-set"))?
                .children(.calDAV("comp"))
                .compactMap { $0.attribute(DAVXML.Name("", "name")) } ?? []
            return CalendarCollection(
                url: response.url,
                isCalendar: resourceType.child(.calDAV("calendar")) != nil,
                displayName: text(.dav("displayname")),
                color: text(DAVXML.Name(DAVXML.appleICalNamespace, "calendar-color")),
                ctag: text(DAVXML.Name(DAVXML.calendarServerNamespace, "getctag")),
                syncToken: text(.dav("sync-token")),
                supportedComponents: components
            )
        }
    }
}
