/// A day of the week, as written in configs: `monday` to `sunday`.
package enum Weekday: String, CaseIterable, Sendable, Comparable {
    case monday, tuesday, wednesday, thursday, friday, saturday, sunday

    /// Monday first, as ISO 8601 numbers weekdays; `LocalDate.weekday` indexes into it.
    static let mondayFirst: [Weekday] = [.monday, .tuesday, .wednesday, .thursday, .friday, .saturday, .sunday]

    /// ISO 8601 weekday number: Monday is 1, Sunday is 7.
    package var isoNumber: Int { (Weekday.mondayFirst.firstIndex(of: self) ?? 0) + 1 }

    package var isWeekend: Bool { self == .saturday || self == .sunday }

    /// The English name with a capital, for tables and messages.
    package var displayName: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }

    package static func < (lhs: Weekday, rhs: Weekday) -> Bool { lhs.isoNumber < rhs.isoNumber }
}
