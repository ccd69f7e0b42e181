package import RotaModel

/// What `rota plan --record` adds to the ledger.
///
/// It adds the locks and holiday decisions that are due, the PTO credit each volunteer earns, and the
/// proposed resolution of every conflict. Entries already in the ledger are never rewritten.
package enum Recorder {
    /// The ledger with `schedule`'s due entries appended, each list kept in its documented order.
    package static func record(_ schedule: Schedule, into ledger: Ledger, policy: HolidayPolicy) -> Ledger {
        var result = ledger
        let lockedStarts = Set(ledger.shifts.map(\.start))
        result.shifts += schedule.dueLocks.filter { !lockedStarts.contains($0.start) }
        result.shifts.sort { $0.start < $1.start }

        let decided = Set(ledger.holidays.map { "\($0.holiday) \($0.year)" })
        let newDecisions = schedule.dueDecisions.filter { !decided.contains("\($0.holiday) \($0.year)") }
        result.holidays += newDecisions
        result.holidays.sort { ($0.shift, $0.holiday) < ($1.shift, $1.holiday) }

        // A volunteer credited by `rota swap --volunteer` already has their credit.
        let credited = Set(ledger.credits.map { "\($0.engineer) \($0.holiday) \($0.year)" })
        result.credits += newDecisions.filter {
            $0.reason == .volunteer && !credited.contains("\($0.engineer) \($0.holiday) \($0.year)")
        }.map {
            PTOCredit(
                engineer: $0.engineer,
                days: policy.volunteerCreditDays,
                holiday: $0.holiday,
                year: $0.year,
                recorded: $0.recorded
            )
        }
        result.credits.sort { ($0.recorded, $0.engineer) < ($1.recorded, $1.engineer) }

        let swapped = Set(ledger.swaps.map { "\($0.shift) \($0.engineer)" })
        result.swaps += schedule.dueSwaps.filter { !swapped.contains("\($0.shift) \($0.engineer)") }
        return result
    }
}
