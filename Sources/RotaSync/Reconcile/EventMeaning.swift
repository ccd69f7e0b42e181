import Foundation
package import ICalendar
import RotaModel

/// What an event says, written as sorted canonical lines: two events that say the same thing give the same
/// lines however a server re-serialised them.
///
/// Servers rewrite what they store: Cyrus splits `CATEGORIES:On call,Holiday` into two CATEGORIES lines and
/// refolds, others reorder properties and parameters, change parameter-name case and quoting, escape TEXT
/// differently, add their own properties (`X-*`, CREATED, LAST-MODIFIED, DTSTAMP), rewrite the VTIMEZONE or
/// give a time in UTC instead of its zone. None of that is an edit, so none of it may look like drift. The
/// rules (RFC 5545 §3.1-3.3):
/// - content lines unfolded, property and parameter names upper case, parameter values unquoted, parameters
///   sorted by name, lines sorted;
/// - TEXT values compared unescaped (the reader unescapes them), with CRLF and LF alike;
/// - list-valued TEXT (CATEGORIES, RESOURCES) merged across its lines into one sorted set;
/// - DATE-TIMEs in a known zone or in UTC compared as UTC instants (the TZID parameter then says nothing);
/// - revision stamps and server-added properties left out: DTSTAMP, SEQUENCE, CREATED, LAST-MODIFIED, the
///   hash rota writes, and every `X-` property except rota's own `X-ROTA-*` markers; alarms are not compared.
package enum EventMeaning {
    /// Properties whose value is a DATE or DATE-TIME (or a list of them).
    static let dateProperties: Set<PropertyName> = [
        .dtStart, .dtEnd, .due, .recurrenceID, .exceptionDate, .recurrenceDate,
    ]

    /// Revision stamps and properties servers and clients add on their own: the set the content hash leaves out.
    static let volatileProperties = ManagedEvent.ignoredProperties

    /// Whether a property says something about the event, as opposed to a stamp or a server's own note.
    static func isContent(_ name: PropertyName) -> Bool {
        guard !volatileProperties.contains(name) else { return false }
        return !name.rawValue.hasPrefix("X-") || name.rawValue.hasPrefix("X-ROTA-")
    }

    /// The event's meaning as sorted canonical lines.
    ///
    /// - Parameter event: A VEVENT as read (TEXT unescaped).
    /// - Returns: One line per property (one per list-valued TEXT property name), sorted.
    package static func canonicalLines(of event: Component) -> [String] {
        var lines: [String] = []
        var lists: [String: (parameters: String, items: [String])] = [:]
        for property in event.properties where isContent(property.propertyName) {
            var parameters = property.parameters.map { parameter in
                (name: parameter.name.uppercased(), values: parameter.values.map(unquoted))
            }
            if Property.textListPropertyNames.contains(property.name) {
                let key = property.name
                let text = canonicalParameters(parameters)
                lists[key, default: (text, [])].items += property.textList.map(normalisedLineEnds)
                continue
            }
            var value: String
            if dateProperties.contains(property.propertyName), let instants = utcInstants(of: property) {
                value = instants
                parameters.removeAll { $0.name == "TZID" || $0.name == "VALUE" }
            } else if property.valueEncoding == .text {
                value = normalisedLineEnds(property.value)
            } else {
                value = property.value
            }
            lines.append(property.name + canonicalParameters(parameters) + ":" + value)
        }
        for (name, list) in lists {
            lines.append(name + list.parameters + ":" + Set(list.items).sorted().joined(separator: "\u{1F}"))
        }
        return lines.sorted()
    }

    /// `;NAME=v1,v2` for each parameter, sorted by name (a `VALUE=DATE-TIME` default says nothing and is dropped).
    private static func canonicalParameters(_ parameters: [(name: String, values: [String])]) -> String {
        parameters
            .filter { !($0.name == "VALUE" && $0.values.map { $0.uppercased() } == ["DATE-TIME"]) }
            .sorted { $0.name < $1.name }
            .map { ";\($0.name)=\($0.values.joined(separator: ","))" }
            .joined()
    }

    private static func unquoted(_ value: String) -> String {
        value.count >= 2 && value.hasPrefix("\"") && value.hasSuffix("\"")
            ? String(value.dropFirst().dropLast()) : value
    }

    private static func normalisedLineEnds(_ text: String) -> String {
        text.replacingOccurrences(of: "\r\n", with: "\n")
    }

    /// The property's values as UTC instants (`20261123T150000Z`, comma-joined), when every one is in UTC or in
    /// a zone the tz database knows; nil for dates, floating times, unknown zones or unreadable values.
    private static func utcInstants(of property: Property) -> String? {
        guard let values = try? DateTimeValue.values(of: property) else { return nil }
        var result: [String] = []
        for value in values {
            switch value {
            case .utc(let parts):
                result.append(stamp(parts))
            case .zoned(let tzid, let parts):
                guard let zone = TimeZoneDatabase.resolve(tzid) else { return nil }
                var calendar = Calendar(identifier: .gregorian)
                calendar.timeZone = zone
                let components = DateComponents(
                    year: parts.year,
                    month: parts.month,
                    day: parts.day,
                    hour: parts.hour,
                    minute: parts.minute,
                    second: parts.second
                )
                guard let date = calendar.date(from: components) else { return nil }
                var utcCalendar = Calendar(identifier: .gregorian)
                utcCalendar.timeZone = .gmt
                let c = utcCalendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
                result.append(
                    stamp(
                        .init(
                            year: c.year ?? 0,
                            month: c.month ?? 0,
                            day: c.day ?? 0,
                            hour: c.hour ?? 0,
                            minute: c.minute ?? 0,
                            second: c.second ?? 0
                        )
                    )
                )
            case .date, .floating:
                return nil
            }
        }
        return result.joined(separator: ",")
    }

    private static func stamp(_ parts: DateTimeValue.LocalParts) -> String {
        DateTimeValue.utc(parts).valueText
    }
}
