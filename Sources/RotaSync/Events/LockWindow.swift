package import Scheduler

/// Which shifts of a plan are settled and which may still change: the feeds publish the first as
/// `STATUS:CONFIRMED` and the rest as `STATUS:TENTATIVE`, and the schedule page draws its lock line
/// between them.
package enum LockWindow {
    /// Whether `shift` starts inside the lock window of `schedule`: its hand-off date is before the
    /// as-of date plus `holiday_policy.lead_time`.
    ///
    /// This is the window `Planner` locks shifts and falls holiday decisions due in (from the shift on
    /// call at noon of the as-of date through the last shift that starts before as-of + lead time);
    /// shifts before the as-of date are history and count as inside. `Schedule.settledUntil` holds it.
    ///
    /// - Parameters:
    ///   - shift: A shift (or a piece of one: pieces share the hand-off date) of `schedule`.
    ///   - schedule: The plan, which holds the window's end for its as-of date and lead time.
    /// - Returns: `true` when the hand-off date is before the end of the lock window.
    package static func contains(_ shift: Shift, of schedule: Schedule) -> Bool {
        schedule.isSettled(shift.handOff)
    }

    /// Whether `shift` is settled: inside the lock window (``contains(_:of:)``), or locked in
    /// the ledger even beyond it (the other half of a recorded swap).
    ///
    /// - Parameters:
    ///   - shift: A shift of `schedule`.
    ///   - schedule: The plan.
    /// - Returns: `true` for a shift published as `STATUS:CONFIRMED`, `false` for `STATUS:TENTATIVE`.
    package static func isSettled(_ shift: Shift, of schedule: Schedule) -> Bool {
        shift.locked || contains(shift, of: schedule)
    }
}
