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
    /// The first day on the team (`engineers[].joined`); nil when the engineer was always there.
    package let joined: LocalDate?
    /// The last day on the team (`engineers[].left`), included; nil while the engineer stays.
    package let left: LocalDate?
    /// How `rota notify` mentions the engineer (`engineers[].slack`); nil: by name only.
    package let chat: ChatHandle?

    package init(
        id: EngineerID,
        name: String,
        email: String,
        timeZone: TimeZoneID,
        pto: [PTORange],
        joined: LocalDate? = nil,
        left: LocalDate? = nil,
        chat: ChatHandle? = nil
    ) {
        self.id = id
        self.name = name
        self.email = email
        self.timeZone = timeZone
        self.pto = pto
        self.joined = joined
        self.left = left
        self.chat = chat
    }

    /// Whether every one of `days` lies inside the engineer's time on the team.
    ///
    /// A shift is only ever given to someone who is on the team for all of it.
    package func isOnTeam(for days: ClosedRange<LocalDate>) -> Bool {
        (joined.map { $0 <= days.lowerBound } ?? true) && (left.map { days.upperBound <= $0 } ?? true)
    }

    /// Whether the engineer is on the team on `date`.
    package func isOnTeam(on date: LocalDate) -> Bool { isOnTeam(for: date...date) }

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
