import ICalendar
package import RotaModel

/// Who is on call at one moment, read from a schedule: the answer `rota now` prints.
package struct OnCallNow: Hashable, Sendable {
    /// The hand-off after the current piece of on-call time: when, and to whom.
    package struct HandOff: Hashable, Sendable {
        package let at: LocalDateTime
        package let engineer: EngineerID
        /// Whether everyone is away on the shift handed over to (`engineer` would be on call if they came back).
        package let uncovered: Bool
    }

    /// The moment asked about, in the rotation's zone.
    package let moment: LocalDateTime
    /// The piece of on-call time containing `moment`.
    package let shift: Shift
    /// Each pipeline's backup on the day of `moment`, in config order.
    package let backups: [PipelineBackup]
    /// The next change of engineer after `moment`; nil when the schedule does not reach it.
    package let next: HandOff?

    /// Reads the piece of `schedule` containing `moment`, today's backups and the next hand-off.
    ///
    /// Returns nil when no shift of `schedule` contains `moment` (before the rotation starts).
    ///
    /// - Parameters:
    ///   - moment: A wall-clock moment in the rotation's zone.
    ///   - schedule: A schedule whose shifts include `moment` and the shifts after it.
    ///   - config: The team the schedule was planned for, for the backups.
    /// - Returns: Who is on call at `moment`, or nil when no shift contains it.
    package static func at(_ moment: LocalDateTime, in schedule: Schedule, config: TeamConfig) -> OnCallNow? {
        guard let position = schedule.shifts.firstIndex(where: { $0.start <= moment && moment < $0.end }) else {
            return nil
        }
        let shift = schedule.shifts[position]
        let following = schedule.shifts[(position + 1)...].first {
            $0.engineer != shift.engineer || $0.uncovered != shift.uncovered
        }
        return OnCallNow(
            moment: moment,
            shift: shift,
            backups: PipelineBackup.backups(in: config, onCall: shift.engineer, on: [moment.date]),
            next: following.map { HandOff(at: $0.start, engineer: $0.engineer, uncovered: $0.uncovered) }
        )
    }

    /// The dates to plan from and until so that the schedule holds `moment` and the next hand-off.
    ///
    /// Starts two days early, since a shift on call at noon of the day before may still be running, and ends
    /// four rotation lengths later, enough to pass a back-to-back.
    package static func planningWindow(
        for moment: LocalDateTime,
        rotation: Rotation
    ) -> (from: LocalDate, until: LocalDate) {
        (moment.date.adding(days: -2), moment.date.adding(days: 4 * rotation.lengthDays + 2))
    }
}
