public import Foundation

/// An IANA time zone name (`America/New_York`) that the tz database knows, with the zone it names.
///
/// Only the loader creates these, after resolving the name against the database, so every later use
/// (shift boundaries, today's date, VTIMEZONE) gets a resolved `TimeZone` and has nothing to fall back to.
package struct TimeZoneID: Hashable, Comparable, Sendable, CustomStringConvertible {
    package let identifier: String
    /// The zone, resolved once when the name was validated.
    package let timeZone: TimeZone

    init(validated identifier: String, timeZone: TimeZone) {
        self.identifier = identifier
        self.timeZone = timeZone
    }

    package var description: String { identifier }

    package static func == (lhs: Self, rhs: Self) -> Bool { lhs.identifier == rhs.identifier }

    package func hash(into hasher: inout Hasher) { hasher.combine(identifier) }

    package static func < (lhs: Self, rhs: Self) -> Bool { lhs.identifier < rhs.identifier }
}
