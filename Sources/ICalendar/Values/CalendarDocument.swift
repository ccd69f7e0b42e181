/// A VCALENDAR (RFC 5545 §3.4, §3.6): calendar properties, time zones, events and any other components.
///
/// VERSION is always 2.0 and not stored. ``properties`` holds every calendar-level property other
/// than PRODID, CALSCALE and METHOD (NAME, X-WR-CALNAME, REFRESH-INTERVAL, ...); the writer puts them
/// in its fixed order (see ``ICalendarWriter``).
///
/// The writer emits VTIMEZONEs first, then events sorted by (start, UID), then ``otherComponents``;
/// `ICalendarReader.read(ICalendarWriter.write(document)) == document` holds when ``events`` is in that
/// order already and every value is one the writer can express (no CR in TEXT, no DQUOTE in parameter
/// values, names of letters, digits and `-`).
public struct CalendarDocument: Hashable, Sendable {
    /// The only version this library reads and writes (RFC 5545 §3.7.4).
    public static let version = "2.0"

    /// Who made the calendar, such as `-//Example Corp//rota 1.0//EN` (RFC 5545 §3.7.3).
    public var prodID: String
    /// CALSCALE; `GREGORIAN`, the only scale RFC 5545 defines, is written explicitly by default.
    public var calscale: String?
    /// METHOD (RFC 5546), such as `PUBLISH` for a subscribed feed; `nil` for a CalDAV resource.
    public var method: String?
    /// Other calendar-level properties, in order.
    public var properties: [Property]
    /// VTIMEZONE components, one per TZID the events use (see ``addTimeZones()``).
    public var timeZones: [Component]
    public var events: [Event]
    /// VTODO, VJOURNAL, VFREEBUSY and unknown components, kept as read.
    public var otherComponents: [Component]

    public init(
        prodID: String,
        calscale: String? = "GREGORIAN",
        method: String? = nil,
        properties: [Property] = [],
        timeZones: [Component] = [],
        events: [Event] = [],
        otherComponents: [Component] = []
    ) {
        self.prodID = prodID
        self.calscale = calscale
        self.method = method
        self.properties = properties
        self.timeZones = timeZones
        self.events = events
        self.otherComponents = otherComponents
    }

    /// ``events`` in the order the writer emits them: by start (wall-clock year to second, a DATE at
    /// midnight), then UID, then their order here.
    public var sortedEvents: [Event] {
        // The keys are computed once per event, not in every comparison.
        let keys = events.map(\.start.sortKey)
        return events.indices.sorted { left, right in
            if keys[left] != keys[right] { return keys[left] < keys[right] }
            if events[left].uid != events[right].uid { return events[left].uid < events[right].uid }
            return left < right
        }.map { events[$0] }
    }
}
