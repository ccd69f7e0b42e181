import Foundation
import RotaModel

/// The mutable working state of one `Planner.plan` run: one slot per shift from the rotation's start.
struct PlanState {
    struct Slot {
        var engineer: EngineerID
        var kind: ShiftKind = .regular
        var reasons: [ShiftReason] = []
        /// Recorded in the ledger: no pass may move it.
        var locked = false
        /// A holiday shift whose engineer is decided: swaps must not move it either.
        var holiday: HolidayDraft?
        /// A shift containing a major holiday, decided or not yet: never a swap partner, so a holiday
        /// shift is never locked as the other half of a swap before its own decision is due.
        var containsHoliday = false
        /// Shifts this one swapped engineers with.
        ///
        /// Recording a shift records these too, so a swap whose
        /// other half lies beyond the lock window is not undone by the next plan.
        var swappedWith: [Int] = []
    }

    struct HolidayDraft {
        let occasions: [HolidayCover.Occasion]
        let decision: HolidayDecision
        let recorded: Bool
    }

    let config: TeamConfig
    let ledger: Ledger
    let grid: ShiftGrid
    let asOf: LocalDate
    /// The first shift that is not history: swaps for it or after it never reach back before it.
    let asOfIndex: Int
    /// The last shift of the lock window (starting before as-of + lead time): `--record` locks up to it.
    let lockEnd: Int
    var slots: [Slot]
    private let ptoByEngineer: [EngineerID: [PTORange]]

    /// How far (in shifts) a swap partner is searched for: twice the team, so everyone comes up twice.
    static func searchRadius(_ config: TeamConfig) -> Int { max(4, 2 * config.rotation.order.count) }

    init(config: TeamConfig, ledger: Ledger, grid: ShiftGrid, asOf: LocalDate, lockEnd: Int, lastIndex: Int) {
        self.lockEnd = lockEnd
        self.config = config
        self.ledger = ledger
        self.grid = grid
        self.asOf = asOf
        self.asOfIndex = max(0, grid.index(atNoonOf: asOf))
        let order = config.rotation.order
        self.slots = (0...max(0, lastIndex)).map { Slot(engineer: order[$0 % order.count]) }
        self.ptoByEngineer = Dictionary(uniqueKeysWithValues: config.engineers.map { ($0.id, $0.pto) })
    }

    /// Whether `engineer` has no PTO on any day shift `index` touches.
    func isAvailable(_ engineer: EngineerID, forShift index: Int) -> Bool {
        let days = grid.days(index)
        return !(ptoByEngineer[engineer] ?? []).contains { $0.first <= days.upperBound && days.lowerBound <= $0.last }
    }

    func isAvailable(_ engineer: EngineerID, on date: LocalDate) -> Bool {
        !(ptoByEngineer[engineer] ?? []).contains { $0.contains(date) }
    }

    /// The PTO range of `engineer` that touches shift `index`, for messages.
    func ptoRange(_ engineer: EngineerID, forShift index: Int) -> PTORange? {
        let days = grid.days(index)
        return (ptoByEngineer[engineer] ?? []).first { $0.first <= days.upperBound && days.lowerBound <= $0.last }
    }

    func name(_ id: EngineerID) -> String {
        config.engineer(id)?.name ?? id.rawValue
    }

    /// Whether a swap may move shift `index`: not recorded, not a decided holiday shift, and not
    /// reaching from the present back into history.
    func isMovable(_ index: Int, forShiftAt origin: Int) -> Bool {
        index >= 0 && index < slots.count && !slots[index].locked && !slots[index].containsHoliday
            && (origin < asOfIndex || index >= asOfIndex)
    }

    /// Exchanges the engineers of two shifts and remembers that they belong together.
    mutating func swap(_ first: Int, _ second: Int) {
        (slots[first].engineer, slots[second].engineer) = (slots[second].engineer, slots[first].engineer)
        slots[first].swappedWith.append(second)
        slots[second].swappedWith.append(first)
    }

    /// Indices near `origin` within the search radius, nearest first, later before earlier.
    func nearby(_ origin: Int) -> [Int] {
        (1...Self.searchRadius(config)).flatMap { [origin + $0, origin - $0] }
    }

    // MARK: Pass 1: base order and locks

    mutating func assignBaseOrder() {
        let order = config.rotation.order
        for index in slots.indices {
            let position = index % order.count
            slots[index].reasons = [
                ShiftReason(
                    kind: .rotation,
                    text: "round robin: \(ordinal(position + 1)) of \(order.count) in the rotation order"
                )
            ]
        }
        for recorded in ledger.shifts {
            let index = grid.index(atNoonOf: recorded.start)
            guard index >= 0, index < slots.count else { continue }
            slots[index].engineer = recorded.engineer
            slots[index].locked = true
            var reason = "recorded in the ledger on \(recorded.recorded)"
            if let pto = ptoRange(recorded.engineer, forShift: index) {
                reason += "; \(name(recorded.engineer)) is now on PTO \(pto.span): add an override"
            }
            slots[index].reasons = [ShiftReason(kind: .locked, text: reason)]
        }
    }

    private func ordinal(_ number: Int) -> String {
        let suffix: String
        switch (number % 10, number % 100) {
        case (1, let tens) where tens != 11: suffix = "st"
        case (2, let tens) where tens != 12: suffix = "nd"
        case (3, let tens) where tens != 13: suffix = "rd"
        default: suffix = "th"
        }
        return "\(number)\(suffix)"
    }
}
