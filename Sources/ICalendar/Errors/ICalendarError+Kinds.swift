extension ICalendarError {
    /// A `BEGIN:` whose `END:` never comes (RFC 5545 §3.4, §3.6).
    public static var unterminatedComponent: ICalendarError {
        ICalendarError(.unterminatedComponent, "a component is never closed")
    }
    /// An `END:` naming a different component than the innermost open `BEGIN:`.
    public static var mismatchedEnd: ICalendarError {
        ICalendarError(.mismatchedEnd, "END does not match the open BEGIN")
    }
    /// An `END:` with no component open.
    public static var unexpectedEnd: ICalendarError {
        ICalendarError(.unexpectedEnd, "END without a matching BEGIN")
    }
    /// A content line without the `:` that separates name and parameters from the value (RFC 5545 §3.1).
    public static var missingColon: ICalendarError {
        ICalendarError(.missingColon, "expected ':' before the value")
    }
    /// A property, parameter or component name with characters other than letters, digits and `-`.
    public static var invalidName: ICalendarError {
        ICalendarError(.invalidName, "invalid name")
    }
    /// A malformed property parameter (RFC 5545 §3.2): no `=`, an unterminated quote, ...
    public static var invalidParameter: ICalendarError {
        ICalendarError(.invalidParameter, "invalid parameter")
    }
    /// Bytes that are not UTF-8 (RFC 5545 §3.1.4).
    public static var invalidUTF8: ICalendarError {
        ICalendarError(.invalidUTF8, "the text is not valid UTF-8")
    }
    /// A DATE or DATE-TIME value that cannot be read (RFC 5545 §3.3.4, §3.3.5).
    public static var invalidDate: ICalendarError {
        ICalendarError(.invalidDate, "invalid DATE or DATE-TIME")
    }
    /// A property value that its type does not allow (a SEQUENCE that is not a number, an unknown STATUS).
    public static var invalidValue: ICalendarError {
        ICalendarError(.invalidValue, "invalid value")
    }
    /// A property the component must have, such as a VEVENT's UID or DTSTART (RFC 5545 §3.6.1).
    public static var missingProperty: ICalendarError {
        ICalendarError(.missingProperty, "a required property is missing")
    }
    /// Components nested deeper than the reader accepts (``ICalendarReader/maximumNesting``).
    public static var nestingTooDeep: ICalendarError {
        ICalendarError(.nestingTooDeep, "components are nested too deeply")
    }
    /// A line longer than the reader accepts (``ICalendarReader/maximumLineLength``).
    public static var lineTooLong: ICalendarError {
        ICalendarError(.lineTooLong, "the line is too long")
    }
    /// A folded continuation line (starting with a space or tab) with no line before it to continue.
    public static var unexpectedContinuation: ICalendarError {
        ICalendarError(.unexpectedContinuation, "a continuation line has no line to continue")
    }
    /// A property outside every `BEGIN:`/`END:` pair.
    public static var propertyOutsideComponent: ICalendarError {
        ICalendarError(.propertyOutsideComponent, "a property outside any component")
    }
    /// Input that is not exactly one `VCALENDAR` where a calendar was expected.
    public static var notACalendar: ICalendarError {
        ICalendarError(.notACalendar, "expected one VCALENDAR")
    }
    /// A `VERSION` other than 2.0 (RFC 5545 §3.7.4).
    public static var unsupportedVersion: ICalendarError {
        ICalendarError(.unsupportedVersion, "unsupported VERSION")
    }
    /// An RRULE that breaks RFC 5545 §3.3.10 (no FREQ, COUNT with UNTIL, BYMONTH=13, ...).
    public static var invalidRecurrence: ICalendarError {
        ICalendarError(.invalidRecurrence, "invalid RRULE")
    }
    /// A valid RRULE using parts this library does not expand (BYSETPOS, BYWEEKNO, HOURLY, ...).
    public static var unsupportedRecurrence: ICalendarError {
        ICalendarError(.unsupportedRecurrence, "unsupported RRULE")
    }

    static func defaultHint(for kind: Kind) -> String {
        switch kind {
        case .unterminatedComponent: "add the matching END line, or check that the file was not cut off"
        case .mismatchedEnd: "close the innermost component first: every BEGIN:X needs an END:X, innermost first"
        case .unexpectedEnd: "remove the END line or add the BEGIN line it closes"
        case .missingColon: "a content line reads NAME;PARAM=VALUE:value; quote parameter values containing ':'"
        case .invalidName: "names use only letters, digits and '-' (RFC 5545 §3.1)"
        case .invalidParameter: "parameters read ;NAME=value or ;NAME=\"quoted value\" (RFC 5545 §3.2)"
        case .invalidUTF8: "save the calendar as UTF-8"
        case .invalidDate: "write a DATE as YYYYMMDD and a DATE-TIME as YYYYMMDDTHHMMSS, with a trailing Z for UTC"
        case .invalidValue: "see RFC 5545 §3.8 for the values this property allows"
        case .missingProperty: "add the property; RFC 5545 §3.6 lists what each component requires"
        case .nestingTooDeep: "real calendars nest a few levels; this input is probably damaged or hostile"
        case .lineTooLong: "real content lines are far shorter; this input is probably damaged or hostile"
        case .unexpectedContinuation:
            "a line starting with a space or tab continues the previous line; remove the indent"
        case .propertyOutsideComponent: "put the property inside BEGIN:VCALENDAR ... END:VCALENDAR"
        case .notACalendar: "an iCalendar object is BEGIN:VCALENDAR ... END:VCALENDAR"
        case .unsupportedVersion: "iCalendar files say VERSION:2.0; vCalendar 1.0 files need converting first"
        case .invalidRecurrence: "see RFC 5545 §3.3.10 for the RRULE grammar"
        case .unsupportedRecurrence:
            "expansion supports FREQ=YEARLY/MONTHLY/WEEKLY/DAILY with INTERVAL, COUNT, UNTIL, BYMONTH, BYMONTHDAY, BYDAY"
        }
    }
}
