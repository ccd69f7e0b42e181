import Foundation
import RotaModel

/// The working state of one `Planner.plan` run: one slot per shift from the rotation's start.
///
/// Every slot is decided from the config and the slots before it (plus the holiday decisions and
/// overrides, which are fixed ahead), never from the as-of date. The ledger can only fix a slot to what
/// it says; when it says what the plan would have said anyway, nothing else changes. That is what makes
/// the plan independent of when, and how often, it was recorded.
struct PlanState {
    struct Slot {
        var engineer: EngineerID
        var kind: ShiftKind = .regular
        var reasons: [ShiftReason] = []
        /// Fixed by the ledger (a recorded shift or a recorded swap): only a resolution or an override moves it.
        var locked = false
        var holiday: HolidayDraft?
        /// Everyone on the team is away: `engineer` is only who would be on call if they came back.
        var uncovered = false
        /// The engineer is on call the shift before too (or within the minimum gap): nobody else could be.
        var forcedRest = false
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
    /// The first shift that is not history: conflicts are looked for from here on.
    let asOfIndex: Int
    /// The last shift of the lock window (starting before as-of + lead time): `--record` locks up to it.
    let lockEnd: Int
    var slots: [Slot]
    /// Whom the ledger and the resolutions fix on a shift, by index.
    var fixed: [Int: EngineerID] = [:]
    /// Slots whose engineer the ledger fixed before any resolution.
    var ledgerFixed: Set<Int> = []
    /// Slots fixed by a recorded swap or a proposed resolution, which the rest rule looks ahead to (a plain
    /// recorded shift holds what the plan said anyway, so looking ahead to it would change nothing).
    var anchored: Set<Int> = []
    /// Whole-shift overrides by index.
    let overrides: [Int: Override]
    /// Conflict resolutions this plan proposes, in time order.
    var resolutions: [Resolution] = []
    private let engineersByID: [EngineerID: Engineer]
    /// Each engineer's place in the rotation order.
    let position: [EngineerID: Int]
    /// Who is on the team and who is free for each slot, by rotation position: the config alone decides it.
    let availability: Availability
    /// The recording date of each slot the ledger's `shifts:` hold, and the last recorded swap of each slot.
    let recordedOn: [Int: LocalDate]
    let lastSwap: [Int: LedgerSwap]

    /// Who is on the team, and who is free, for every slot and rotation position, worked out once.
    struct Availability {
        private let teamSize: Int
        private var onTeamBits: [Bool]
        private var availableBits: [Bool]

        init(slots: Int, team: [Engineer?], grid: ShiftGrid) {
            teamSize = team.count
            onTeamBits = Array(repeating: false, count: slots * team.count)
            availableBits = onTeamBits
            let slotDays = (0..<slots).map { grid.days($0) }
            // Engineers outside, slots inside: each engineer is unwrapped (copied) once, and their PTO read out of
            // them once, not once per slot.
            for (member, engineer) in team.enumerated() {
                guard let engineer else { continue }
                let pto = engineer.pto
                for (index, days) in slotDays.enumerated() where engineer.isOnTeam(for: days) {
                    onTeamBits[index * teamSize + member] = true
                    availableBits[index * teamSize + member] = !pto.contains { $0.overlaps(days) }
                }
            }
        }

        func onTeam(_ index: Int, _ member: Int) -> Bool { onTeamBits[index * teamSize + member] }
        func available(_ index: Int, _ member: Int) -> Bool { availableBits[index * teamSize + member] }
    }

    init(config: TeamConfig, ledger: Ledger, grid: ShiftGrid, asOf: LocalDate, lockEnd: Int, lastIndex: Int) {
        self.lockEnd = lockEnd
        self.config = config
        self.ledger = ledger
        self.grid = grid
        self.asOf = asOf
        self.asOfIndex = max(0, grid.index(atNoonOf: asOf))
        let order = config.rotation.order
        var overrides: [Int: Override] = [:]
        for override in config.overrides {
            if case let .shift(start) = override.span { overrides[grid.index(ofHandOff: start)] = override }
        }
        self.overrides = overrides
        let fixedByDate = ledger.fixedEngineers
        let lastFixed = fixedByDate.keys.map { grid.index(ofHandOff: $0) }.max() ?? 0
        self.slots = (0...max(0, lastIndex, lastFixed)).map { Slot(engineer: order[$0 % order.count]) }
        for (date, engineer) in fixedByDate {
            let index = grid.index(ofHandOff: date)
            guard index >= 0 else { continue }
            fixed[index] = engineer
            ledgerFixed.insert(index)
        }
        for swap in ledger.swaps {
            for date in [swap.shift] + (swap.giveBack.map { [$0.shift] } ?? []) {
                let index = grid.index(ofHandOff: date)
                if index >= 0 { anchored.insert(index) }
            }
        }
        let engineersByID = Dictionary(config.engineers.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.engineersByID = engineersByID
        self.position = Dictionary(order.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        self.availability = Availability(slots: slots.count, team: order.map { engineersByID[$0] }, grid: grid)
        var recordedOn: [Int: LocalDate] = [:]
        for shift in ledger.shifts { recordedOn[grid.index(ofHandOff: shift.start)] = shift.recorded }
        self.recordedOn = recordedOn
        var lastSwap: [Int: LedgerSwap] = [:]
        for swap in ledger.swaps {
            lastSwap[grid.index(ofHandOff: swap.shift)] = swap
            if let giveBack = swap.giveBack { lastSwap[grid.index(ofHandOff: giveBack.shift)] = swap }
        }
        self.lastSwap = lastSwap
    }

    var minimumGap: Int { config.policy.minimumGap }

    /// Whether `engineer` is on the team for all of shift `index` (someone the config no longer names is not).
    func isOnTeam(_ engineer: EngineerID, forShift index: Int) -> Bool {
        engineersByID[engineer]?.isOnTeam(for: grid.days(index)) ?? false
    }

    /// Whether `engineer` is on the team and has no PTO on any day shift `index` touches.
    func isAvailable(_ engineer: EngineerID, forShift index: Int) -> Bool {
        isOnTeam(engineer, forShift: index) && ptoRange(engineer, forShift: index) == nil
    }

    /// Who is on the team for all of shift `index` (an index below `slots.count`), in rotation order.
    ///
    /// Read from ``availability``, worked out once for every slot, rather than from each engineer's dates again.
    func onTeam(forShift index: Int) -> [EngineerID] {
        team.indices.filter { availability.onTeam(index, $0) }.map { team[$0] }
    }

    /// Who is on the team and has no PTO on any day of shift `index` (an index below `slots.count`), in rotation
    /// order: ``onTeam(forShift:)`` without those away.
    func available(forShift index: Int) -> [EngineerID] {
        team.indices.filter { availability.available(index, $0) }.map { team[$0] }
    }

    /// The PTO range of `engineer` that touches shift `index`, for messages.
    func ptoRange(_ engineer: EngineerID, forShift index: Int) -> PTORange? {
        let days = grid.days(index)
        return (engineersByID[engineer]?.pto ?? []).first { $0.overlaps(days) }
    }

    /// Everyone who may take shifts: the rotation order (everyone in the config who is in it).
    var team: [EngineerID] { config.rotation.order }

    func name(_ id: EngineerID) -> String {
        engineersByID[id]?.name ?? id.rawValue
    }

    /// Why `engineer` cannot take shift `index`, as a phrase, or nil when they can.
    func absence(_ engineer: EngineerID, forShift index: Int) -> String? {
        guard let found = engineersByID[engineer] else { return "\(engineer) is no longer on the team" }
        let days = grid.days(index)
        if let joined = found.joined, days.lowerBound < joined { return "\(found.name) joins on \(joined)" }
        if let left = found.left, left < days.upperBound { return "\(found.name) left on \(left)" }
        if let pto = ptoRange(engineer, forShift: index) { return "\(found.name) is on PTO \(pto.span)" }
        return nil
    }

    static func ordinal(_ number: Int) -> String {
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
