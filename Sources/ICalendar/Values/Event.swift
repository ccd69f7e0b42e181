/// A VEVENT (RFC 5545 §3.6.1) with the properties calendars for people commonly use, typed.
///
/// Everything else the component carries stays in ``extra`` and ``otherComponents``, so converting
/// a read component to an `Event` and back loses nothing but the parameters of the typed text
/// properties (`LANGUAGE`, `ALTREP` on SUMMARY, DESCRIPTION, LOCATION).
///
/// Empty ``summary`` and ``description`` are not written, and an absent SUMMARY or DESCRIPTION reads as
/// empty. ``extra`` must not hold the names this type models (UID, DTSTART, SUMMARY, ...): on reading,
/// the first such property would fill the typed field instead.
public struct Event: Hashable, Sendable {
    /// Whether the event blocks time in free/busy searches (TRANSP, RFC 5545 §3.8.2.7).
    public enum Transparency: String, Hashable, Sendable {
        /// Busy: the default.
        case opaque = "OPAQUE"
        /// Free, as holidays and informational events are.
        case transparent = "TRANSPARENT"
    }

    /// A VEVENT's STATUS (RFC 5545 §3.8.1.11).
    public enum Status: String, Hashable, Sendable {
        case tentative = "TENTATIVE"
        case confirmed = "CONFIRMED"
        case cancelled = "CANCELLED"
    }

    /// The identifier that stays the same across every version of the event (RFC 5545 §3.8.4.7).
    public var uid: String
    /// When this version of the event was made (RFC 5545 §3.8.7.2); a UTC DATE-TIME.
    public var dtstamp: DateTimeValue
    public var start: DateTimeValue
    /// DTEND; `nil` for an event that gives its length another way, or none (RFC 5545 §3.6.1).
    public var end: DateTimeValue?
    public var summary: String
    public var description: String
    public var location: String?
    /// CATEGORIES items, unescaped; all CATEGORIES properties read are joined into one list.
    public var categories: [String]
    public var transparency: Transparency
    public var status: Status?
    /// The revision number (RFC 5545 §3.8.7.4); raise it with each change so clients take the update.
    public var sequence: Int
    public var url: String?
    /// The text of the RRULE (RFC 5545 §3.8.5.3); see ``recurrenceRule()`` for a typed view.
    public var rrule: String?
    /// Start dates or times excluded from the recurrence (EXDATE, RFC 5545 §3.8.5.1).
    public var exdates: [DateTimeValue]
    public var alarms: [Alarm]
    /// Properties not modelled above, in order, X- properties included.
    public var extra: [Property]
    /// Sub-components other than the alarms above (including VALARMs that ``Alarm`` cannot represent).
    public var otherComponents: [Component]

    public init(
        uid: String,
        dtstamp: DateTimeValue,
        start: DateTimeValue,
        end: DateTimeValue? = nil,
        summary: String = "",
        description: String = "",
        location: String? = nil,
        categories: [String] = [],
        transparency: Transparency = .opaque,
        status: Status? = nil,
        sequence: Int = 0,
        url: String? = nil,
        rrule: String? = nil,
        exdates: [DateTimeValue] = [],
        alarms: [Alarm] = [],
        extra: [Property] = [],
        otherComponents: [Component] = []
    ) {
        self.uid = uid
        self.dtstamp = dtstamp
        self.start = start
        self.end = end
        self.summary = summary
        self.description = description
        self.location = location
        self.categories = categories
        self.transparency = transparency
        self.status = status
        self.sequence = sequence
        self.url = url
        self.rrule = rrule
        self.exdates = exdates
        self.alarms = alarms
        self.extra = extra
        self.otherComponents = otherComponents
    }

    /// The parsed ``rrule``, if the event has one.
    ///
    /// - Returns: The rule, or `nil` for an event that does not recur.
    /// - Throws: ``ICalendarError/invalidRecurrence`` or ``ICalendarError/unsupportedRecurrence``.
    public func recurrenceRule() throws(ICalendarError) -> RecurrenceRule? {
        guard let rrule else { return nil }
        return try RecurrenceRule(parsing: rrule)
    }

    /// The days an all-day event happens on through `limit`: its start, the RRULE's days, less EXDATEs.
    ///
    /// - Parameter limit: The last day to consider (a DATE; only the date part of other forms is used).
    /// - Returns: DATE values in order.
    /// - Throws: The rule's errors, and ``ICalendarError/unsupportedRecurrence`` for a timed event.
    public func occurrences(through limit: DateTimeValue) throws(ICalendarError) -> [DateTimeValue] {
        let rule = try recurrenceRule() ?? RecurrenceRule(frequency: .daily, end: .count(1))
        return try rule.occurrences(of: start, exdates: exdates, through: limit)
    }
}
