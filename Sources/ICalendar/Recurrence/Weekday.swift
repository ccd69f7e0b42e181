/// A day of the week as RFC 5545 spells it in BYDAY and WKST (§3.3.10); `rawValue` is that spelling.
///
/// The one weekday type of this package and of the apps built on it (rota's configs name weekdays in
/// English, `monday`, and map those names onto these cases). Ordered Monday first, as ISO 8601 and
/// RFC 5545's default week start order them.
public enum Weekday: String, CaseIterable, Hashable, Sendable, Comparable {
    case monday = "MO"
    case tuesday = "TU"
    case wednesday = "WE"
    case thursday = "TH"
    case friday = "FR"
    case saturday = "SA"
    case sunday = "SU"

    /// Monday 0 through Sunday 6, the order of ISO 8601 and of RFC 5545's default week start.
    var index: Int {
        switch self {
        case .monday: 0
        case .tuesday: 1
        case .wednesday: 2
        case .thursday: 3
        case .friday: 4
        case .saturday: 5
        case .sunday: 6
        }
    }

    /// The weekday `index` days after a Monday (any integer; negative counts back).
    init(index: Int) {
        let all: [Weekday] = [.monday, .tuesday, .wednesday, .thursday, .friday, .saturday, .sunday]
        self = all[((index % 7) + 7) % 7]
    }

    /// ISO 8601 weekday number: Monday is 1, Sunday is 7.
    public var isoNumber: Int { index + 1 }

    /// Saturday or Sunday.
    public var isWeekend: Bool { self == .saturday || self == .sunday }

    /// The English name with a capital (`Monday`), for tables and messages.
    public var englishName: String {
        switch self {
        case .monday: "Monday"
        case .tuesday: "Tuesday"
        case .wednesday: "Wednesday"
        case .thursday: "Thursday"
        case .friday: "Friday"
        case .saturday: "Saturday"
        case .sunday: "Sunday"
        }
    }

    public static func < (lhs: Weekday, rhs: Weekday) -> Bool { lhs.index < rhs.index }
}
