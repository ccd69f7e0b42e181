import Foundation
package import ICalendar
import StableHash

/// What makes an event rota's, and the content of an event that rota compares.
///
/// rota marks every event it writes with `X-ROTA-TEAM` and a UID in the config's domain; anything else
/// on a calendar belongs to someone else and is never changed or deleted. An event it writes to a
/// server also carries `X-ROTA-HASH`, the hash of its content as written: when the content on the
/// server no longer matches that hash, someone edited it by hand (drift), and no local state is needed
/// to see it.
package enum ManagedEvent {
    /// Properties that are not content: revision stamps, and what servers and clients add on their own.
    static let ignoredProperties: Set<PropertyName> = [.dtStamp, .sequence, .rotaHash, .lastModified, .created]

    /// Whether `event` is one rota manages for `team`.
    ///
    /// - Parameters:
    ///   - event: A VEVENT.
    ///   - team: The config's team name, as in `X-ROTA-TEAM`.
    ///   - uidDomain: The config's UID domain (`feeds.uid_domain`).
    /// - Returns: `true` when both markers match.
    package static func isManaged(_ event: Component, team: String, uidDomain: String) -> Bool {
        guard event.name == "VEVENT", let uid = event.property(.uid)?.value,
            uid.hasSuffix("@" + uidDomain)
        else { return false }
        return event.property(.rotaTeam)?.value == team
    }

    /// What the event says, as sorted canonical lines (``EventMeaning``): what a hash or a comparison looks at.
    ///
    /// - Parameter event: A VEVENT.
    /// - Returns: One line per property, sorted.
    package static func contentLines(of event: Component) -> [String] {
        EventMeaning.canonicalLines(of: event)
    }

    /// The hash of ``contentLines(of:)``, as `2-` and 16 hex digits: equal for events that say the same.
    package static func contentHash(of event: Component) -> String {
        "2-" + FNV1a.hex(Array(contentLines(of: event).joined(separator: "\n").utf8))
    }

    /// Whether the event was edited since rota wrote it: what it says no longer matches its `X-ROTA-HASH`.
    ///
    /// An event without the hash (from a feed, or imported by hand) cannot be checked, and is not drift. A hash
    /// without the `2-` prefix was written by rota before events were compared by meaning, and is checked the
    /// way it was made, so upgrading rota does not make every event look edited.
    package static func isDrifted(_ event: Component) -> Bool {
        guard let hash = event.property(.rotaHash)?.value else { return false }
        return hash.hasPrefix("2-") ? hash != contentHash(of: event) : hash != legacyContentHash(of: event)
    }

    /// The hash rota wrote before 2-: sorted content lines as written, without stamps and alarms.
    static func legacyContentHash(of event: Component) -> String {
        var lines: [String] = []
        lines.reserveCapacity(event.properties.count)
        for property in event.properties where !ignoredProperties.contains(property.propertyName) {
            lines.append(String(decoding: ICalendarWriter.contentLine(for: property), as: UTF8.self))
        }
        return FNV1a.hex(Array(lines.sorted().joined(separator: "\n").utf8))
    }
}
