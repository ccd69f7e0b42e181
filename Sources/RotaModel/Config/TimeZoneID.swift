/// An IANA time zone name (`America/New_York`) that the tz database knows.
///
/// Only the loader creates these, after checking the name against the database, so every later use
/// (shift boundaries, VTIMEZONE) can rely on the zone existing.
package struct TimeZoneID: Hashable, Comparable, Sendable, CustomStringConvertible {
    package let identifier: String

    init(validated identifier: String) { self.identifier = identifier }

    package var description: String { identifier }

    package static func < (lhs: Self, rhs: Self) -> Bool { lhs.identifier < rhs.identifier }
}
