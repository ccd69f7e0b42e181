/// A member of the team who can be on call.
package struct Engineer: Hashable, Sendable {
    package let id: EngineerID
    package let name: String
    package let email: String
    /// Where the engineer lives, and so the zone their feed shows times in.
    ///
    /// Defaults to the rotation's zone.
    package let timeZone: TimeZoneID
    /// Days off, sorted by first day, never overlapping.
    package let pto: [PTORange]

    /// Whether the engineer is away on `date`.
    package func isOnPTO(on date: LocalDate) -> Bool {
        pto.contains { $0.contains(date) }
    }
}

/// A span of whole days off, both ends included (`from: 2026-12-21, to: 2026-12-24` is four days).
package struct PTORange: Hashable, Sendable {
    package let first: LocalDate
    package let last: LocalDate
    package let note: String?

    package func contains(_ date: LocalDate) -> Bool { first <= date && date <= last }

    package func overlaps(_ other: PTORange) -> Bool { first <= other.last && other.first <= last }

    /// `on 2027-01-11` for one day, `2027-01-11 to 2027-01-15` for several, as messages say it.
    package var span: String { first == last ? "on \(first)" : "\(first) to \(last)" }
}
