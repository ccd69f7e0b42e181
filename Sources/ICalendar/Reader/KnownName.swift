import Foundation

/// The property and parameter names real calendars use, recognised without building a string.
///
/// Every content line starts with a name: matching its bytes against these literals (names of at most
/// 15 bytes, which Swift keeps inline) is cheaper than validating the bytes and building a new string.
enum KnownName {
    /// The literal for these bytes (exact, upper case), if it is one of the known names, with the
    /// encoding of its value when no `VALUE` parameter says otherwise (see ``Property/valueEncoding``).
    static func lookUp(_ bytes: UnsafeBufferPointer<UInt8>) -> (name: String, encoding: Property.ValueEncoding)? {
        switch bytes.count {
        case 2:
            if matches(bytes, "CN") { return ("CN", .raw) }
        case 3:
            if matches(bytes, "END") { return ("END", .raw) }
            if matches(bytes, "UID") { return ("UID", .raw) }
            if matches(bytes, "DUE") { return ("DUE", .raw) }
            if matches(bytes, "URL") { return ("URL", .raw) }
        case 4:
            if matches(bytes, "NAME") { return ("NAME", .text) }
            if matches(bytes, "TZID") { return ("TZID", .raw) }
            if matches(bytes, "ROLE") { return ("ROLE", .raw) }
            if matches(bytes, "RSVP") { return ("RSVP", .raw) }
        case 5:
            if matches(bytes, "BEGIN") { return ("BEGIN", .raw) }
            if matches(bytes, "DTEND") { return ("DTEND", .raw) }
            if matches(bytes, "RRULE") { return ("RRULE", .raw) }
            if matches(bytes, "RDATE") { return ("RDATE", .raw) }
            if matches(bytes, "CLASS") { return ("CLASS", .raw) }
            if matches(bytes, "VALUE") { return ("VALUE", .raw) }
        case 6:
            if matches(bytes, "TRANSP") { return ("TRANSP", .raw) }
            if matches(bytes, "STATUS") { return ("STATUS", .raw) }
            if matches(bytes, "EXDATE") { return ("EXDATE", .raw) }
            if matches(bytes, "ACTION") { return ("ACTION", .raw) }
            if matches(bytes, "PRODID") { return ("PRODID", .raw) }
            if matches(bytes, "METHOD") { return ("METHOD", .raw) }
            if matches(bytes, "TZNAME") { return ("TZNAME", .raw) }
        case 7:
            if matches(bytes, "DTSTAMP") { return ("DTSTAMP", .raw) }
            if matches(bytes, "DTSTART") { return ("DTSTART", .raw) }
            if matches(bytes, "SUMMARY") { return ("SUMMARY", .text) }
            if matches(bytes, "TRIGGER") { return ("TRIGGER", .raw) }
            if matches(bytes, "VERSION") { return ("VERSION", .raw) }
            if matches(bytes, "CREATED") { return ("CREATED", .raw) }
            if matches(bytes, "COMMENT") { return ("COMMENT", .text) }
            if matches(bytes, "CONTACT") { return ("CONTACT", .text) }
            if matches(bytes, "RELATED") { return ("RELATED", .raw) }
        case 8:
            if matches(bytes, "DURATION") { return ("DURATION", .raw) }
            if matches(bytes, "SEQUENCE") { return ("SEQUENCE", .raw) }
            if matches(bytes, "LOCATION") { return ("LOCATION", .text) }
            if matches(bytes, "CALSCALE") { return ("CALSCALE", .raw) }
            if matches(bytes, "ATTENDEE") { return ("ATTENDEE", .raw) }
            if matches(bytes, "PRIORITY") { return ("PRIORITY", .raw) }
            if matches(bytes, "PARTSTAT") { return ("PARTSTAT", .raw) }
        case 9:
            if matches(bytes, "ORGANIZER") { return ("ORGANIZER", .raw) }
        case 10:
            if matches(bytes, "CATEGORIES") { return ("CATEGORIES", .textList) }
            if matches(bytes, "TZOFFSETTO") { return ("TZOFFSETTO", .raw) }
        case 11:
            if matches(bytes, "DESCRIPTION") { return ("DESCRIPTION", .text) }
            if matches(bytes, "X-ROTA-TEAM") { return ("X-ROTA-TEAM", .text) }
            if matches(bytes, "X-ROTA-KIND") { return ("X-ROTA-KIND", .text) }
            if matches(bytes, "X-ROTA-HASH") { return ("X-ROTA-HASH", .text) }
        case 12:
            if matches(bytes, "TZOFFSETFROM") { return ("TZOFFSETFROM", .raw) }
            if matches(bytes, "X-WR-CALNAME") { return ("X-WR-CALNAME", .text) }
            if matches(bytes, "X-WR-CALDESC") { return ("X-WR-CALDESC", .text) }
            if matches(bytes, "X-ROTA-SHIFT") { return ("X-ROTA-SHIFT", .text) }
        case 13:
            if matches(bytes, "LAST-MODIFIED") { return ("LAST-MODIFIED", .raw) }
            if matches(bytes, "RECURRENCE-ID") { return ("RECURRENCE-ID", .raw) }
            if matches(bytes, "X-WR-TIMEZONE") { return ("X-WR-TIMEZONE", .text) }
        case 14:
            if matches(bytes, "X-ROTA-HOLIDAY") { return ("X-ROTA-HOLIDAY", .text) }
        case 15:
            if matches(bytes, "X-ROTA-ENGINEER") { return ("X-ROTA-ENGINEER", .text) }
            if matches(bytes, "X-ROTA-PIPELINE") { return ("X-ROTA-PIPELINE", .text) }
            if matches(bytes, "X-PUBLISHED-TTL") { return ("X-PUBLISHED-TTL", .text) }
        default: break
        }
        return nil
    }

    private static func matches(_ bytes: UnsafeBufferPointer<UInt8>, _ literal: StaticString) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        return memcmp(base, literal.utf8Start, bytes.count) == 0
    }
}
