package import RotaModel

/// Whose shifts move between two schedules of the same period, and why: what `rota plan --what-if`
/// prints before anything is recorded.
package enum PlanComparison {
    package struct Change: Hashable, Sendable {
        package let handOff: LocalDate
        /// The engineers on the shift, in piece order, before and after (several when split by an override).
        package let before: [EngineerID]
        package let after: [EngineerID]
        /// Why the new plan has the shift this way.
        package let reasons: [ShiftReason]
    }

    /// The shifts, by hand-off date, whose engineers differ; shifts in only one schedule are compared
    /// with nobody.
    package static func changes(from old: Schedule, to new: Schedule) -> [Change] {
        func engineers(_ schedule: Schedule) -> [LocalDate: [EngineerID]] {
            Dictionary(grouping: schedule.shifts, by: \.handOff).mapValues { $0.map(\.engineer) }
        }
        let before = engineers(old)
        let after = engineers(new)
        let reasons = Dictionary(grouping: new.shifts, by: \.handOff).mapValues { $0.flatMap(\.reasons) }
        return Set(before.keys).union(after.keys).sorted().compactMap { handOff in
            let was = before[handOff] ?? []
            let now = after[handOff] ?? []
            guard was != now else { return nil }
            return Change(handOff: handOff, before: was, after: now, reasons: reasons[handOff] ?? [])
        }
    }
}
