import Foundation
package import ICalendar

/// What makes an event rota's, and the content of an event that rota compares.
///
/// rota marks every event it writes with `X-ROTA-TEAM` and a UID in the config's domain; anything else
/// on a calendar belongs to someone else and is never changed or deleted. An event it writes to a
/// server also carries `X-ROTA-HASH`, the hash of its content as written: when the content on the
/// server no longer matches that hash, someone edited it by hand (drift), and no local state is needed
/// to see it.
package enum ManagedEvent {
    /// The property holding the content hash of an event as rota wrote it.
    package static let hashProperty = "X-ROTA-HASH"

    /// Properties that are not content: revision stamps, and what servers and clients add on their own.
    static let ignoredProperties: Set<String> = [
        "DTSTAMP", "SEQUENCE", hashProperty, "LAST-MODIFIED", "CREATED",
    ]

    /// Whether `event` is one rota manages for `team`.
    ///
    /// - Parameters:
    ///   - event: A VEVENT.
    ///   - team: The config's team name, as in `X-ROTA-TEAM`.
    ///   - uidDomain: The config's UID domain (`feeds.uid_domain`).
    /// - Returns: `true` when both markers match.
    package static func isManaged(_ event: Component, team: String, uidDomain: String) -> Bool {
        guard event.name == "VEVENT", let uid = event.property("UID")?.value,
            uid.hasSuffix("@" + uidDomain)
        else { return false }
        return event.property("X-ROTA-TEAM")?.value == team
    }

    /// The event's content lines in a canonical order: what a hash or a comparison looks at.
    ///
    /// Properties are written as content lines without folding and sorted, so a server that reorders
    /// properties or folds lines differently does not look like an edit; revision stamps and alarms
    /// (which rota never writes on a shared calendar, and which some clients add) are left out.
    ///
    /// - Parameter event: A VEVENT.
    /// - Returns: One line per property, sorted.
    package static func contentLines(of event: Component) -> [String] {
        var lines: [String] = []
        lines.reserveCapacity(event.properties.count)
        for property in event.properties where !ignoredProperties.contains(property.name) {
            lines.append(String(decoding: ICalendarWriter.contentLine(for: property), as: UTF8.self))
        }
        return lines.sorted()
    }

    /// The hash of ``contentLines(of:)``: equal for events with the same content.
    package static func contentHash(of event: Component) -> String {
        ContentHash.fnv1a(Array(contentLines(of: event).joined(separator: "\n").utf8))
    }

    /// Whether the event was edited since rota wrote it: its content no longer matches its `X-ROTA-HASH`.
    ///
    /// An event without the hash (from a feed, or imported by hand) cannot be checked, and is not drift.
    package static func isDrifted(_ event: Component) -> Bool {
        guard let hash = event.property(hashProperty)?.value else { return false }
        return hash != contentHash(of: event)
    }
}
