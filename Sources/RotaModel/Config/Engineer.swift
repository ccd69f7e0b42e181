/// A member of the team who can be on call.
///
/// The fields live in one shared, immutable box: an engineer is copied wherever a shift names one (the planner,
/// the feeds, the schedule page, 500 teams at a time), and a copy is then one reference count instead of one per
/// string and array field.
package struct Engineer: Hashable, Sendable {
    private final class Fields: Sendable {
        let id: EngineerID
        let name: String
        let email: String
        let timeZone: TimeZoneID
        let pto: [PTORange]
        let joined: LocalDate?
        let left: LocalDate?
        let chat: ChatHandle?

        init(
            id: EngineerID,
            name: String,
            email: String,
            timeZone: TimeZoneID,
            pto: [PTORange],
            joined: LocalDate?,
            left: LocalDate?,
            chat: ChatHandle?
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
    }

    private let fields: Fields

    package var id: EngineerID { fields.id }
    package var name: String { fields.name }
    package var email: String { fields.email }
    /// Where the engineer lives, and so the zone their feed shows times in.
    ///
    /// Defaults to the rotation's zone.
    package var timeZone: TimeZoneID { fields.timeZone }
    /// Days off, sorted by first day, never overlapping.
    package var pto: [PTORange] { fields.pto }
    /// The first day on the team (`engineers[].joined`); nil when the engineer was always there.
    package var joined: LocalDate? { fields.joined }
    /// The last day on the team (`engineers[].left`), included; nil while the engineer stays.
    package var left: LocalDate? { fields.left }
    /// How `rota notify` mentions the engineer (`engineers[].slack`); nil: by name only.
    package var chat: ChatHandle? { fields.chat }

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
        fields = Fields(
            id: id,
            name: name,
            email: email,
            timeZone: timeZone,
            pto: pto,
            joined: joined,
            left: left,
            chat: chat
        )
    }

    /// Equal when every field is equal, as for any value (the shared box is not part of the value).
    package static func == (lhs: Engineer, rhs: Engineer) -> Bool {
        lhs.fields === rhs.fields
            || (lhs.id == rhs.id && lhs.name == rhs.name && lhs.email == rhs.email && lhs.timeZone == rhs.timeZone
                && lhs.pto == rhs.pto && lhs.joined == rhs.joined && lhs.left == rhs.left && lhs.chat == rhs.chat)
    }

    package func hash(into hasher: inout Hasher) {
        hasher.combine(id)
        hasher.combine(name)
        hasher.combine(email)
        hasher.combine(timeZone)
        hasher.combine(pto)
        hasher.combine(joined)
        hasher.combine(left)
        hasher.combine(chat)
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

    /// Whether any of `days` is off: the rule behind "on PTO during a shift" wherever it is asked (the planner,
    /// `rota swap`, overrides in the config).
    package func overlaps(_ days: ClosedRange<LocalDate>) -> Bool {
        first <= days.upperBound && days.lowerBound <= last
    }

    /// `on 2027-01-11` for one day, `2027-01-11 to 2027-01-15` for several, as messages say it.
    package var span: String { first == last ? "on \(first)" : "\(first) to \(last)" }
}
