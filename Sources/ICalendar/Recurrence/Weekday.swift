/// A day of the week as RFC 5545 spells it in BYDAY and WKST (§3.3.10).
public enum Weekday: String, CaseIterable, Hashable, Sendable {
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

    init(index: Int) {
        let all: [Weekday] = [.monday, .tuesday, .wednesday, .thursday, .friday, .saturday, .sunday]
        self = all[((index % 7) + 7) % 7]
    }
}
