package import RotaModel
package import Scheduler

/// Everything one pipeline's runbook says, gathered from the config and the schedule at an as-of date.
///
/// The renderers (`MarkdownRunbook`, `HTMLRunbook`) only lay this out; every decision about what a
/// runbook holds is made here, so both formats always say the same thing.
package struct Runbook: Hashable, Sendable {
    /// Someone the runbook names: their display name, id, address and home zone.
    package struct Contact: Hashable, Sendable {
        /// The engineer's id in the config.
        package let id: EngineerID
        /// Display name.
        package let name: String
        /// Address, as the config gives it.
        package let email: String
        /// Where the engineer lives.
        package let timeZone: TimeZoneID
    }

    /// Who holds a shift, from when to when (wall clock in the rotation's zone).
    package struct OnCall: Hashable, Sendable {
        /// Who is on call.
        package let contact: Contact
        /// When the shift starts (the hand-off).
        package let start: LocalDateTime
        /// When it ends: the next hand-off.
        package let end: LocalDateTime
    }

    /// Who backs this pipeline up on a major holiday inside the lead-time window.
    package struct HolidayBackup: Hashable, Sendable {
        /// The day of the holiday.
        package let date: LocalDate
        /// The holiday's name.
        package let holiday: String
        /// Nil when both owners are on call or away.
        package let backup: Contact?
        /// Whether the backup is the secondary owner or, standing in, the primary.
        package let role: PipelineBackup.Role?
        /// Who is on call that day.
        package let onCall: Contact
        /// Whether the holiday shift's engineer is recorded in the ledger (else proposed by the plan).
        package let recorded: Bool
    }

    /// The team's name.
    package let team: String
    /// The pipeline, with its monitoring points and failure modes.
    package let pipeline: Pipeline
    /// The day the runbook was made for (`--as-of`).
    package let asOf: LocalDate
    /// The zone shift times are written in.
    package let rotationZone: TimeZoneID
    /// The primary owner, second in the escalation chain.
    package let primary: Contact
    /// The secondary owner, last in the escalation chain.
    package let secondary: Contact?
    /// The shift on call at noon of `asOf`.
    package let onCallNow: OnCall?
    /// The shift after it.
    package let onCallNext: OnCall?
    /// The last day of the holiday lead-time window that `holidayBackups` covers.
    package let windowEnd: LocalDate
    /// Who backs the pipeline up on each major holiday from `asOf` to `windowEnd`, by date.
    package let holidayBackups: [HolidayBackup]

    /// The runbook of `pipeline` for `schedule`, which must start with the shift on call at noon of `asOf`.
    ///
    /// - Parameters:
    ///   - pipeline: One of `config`'s pipelines.
    ///   - config: The validated team config.
    ///   - schedule: The plan from `asOf` to the end of the holiday lead-time window.
    ///   - windowEnd: The end of that window.
    package init(pipeline: Pipeline, config: TeamConfig, schedule: Schedule, windowEnd: LocalDate) {
        func contact(_ id: EngineerID) -> Contact {
            let engineer = config.engineer(id)
            return Contact(
                id: id,
                name: engineer?.name ?? id.rawValue,
                email: engineer?.email ?? "",
                timeZone: engineer?.timeZone ?? config.rotation.timeZone
            )
        }
        team = config.team
        self.pipeline = pipeline
        asOf = schedule.asOf
        rotationZone = config.rotation.timeZone
        primary = contact(pipeline.primary)
        secondary = pipeline.secondary.map(contact)
        let shifts = schedule.shifts
        func onCall(_ shift: Shift) -> OnCall {
            OnCall(contact: contact(shift.engineer), start: shift.start, end: shift.end)
        }
        onCallNow = shifts.first.map(onCall)
        onCallNext = shifts.dropFirst().first.map(onCall)
        self.windowEnd = windowEnd
        var backups: [HolidayBackup] = []
        var seen: Set<String> = []
        for shift in shifts {
            guard let cover = shift.holiday else { continue }
            let backup = cover.backups.first { $0.pipeline == pipeline.id }
            for occasion in cover.holidays
            where occasion.date >= schedule.asOf && occasion.date <= windowEnd
                && seen.insert("\(occasion.id.rawValue) \(occasion.date)").inserted
            {
                backups.append(
                    HolidayBackup(
                        date: occasion.date,
                        holiday: occasion.name,
                        backup: backup?.engineer.map(contact),
                        role: backup?.role,
                        onCall: contact(shift.engineer),
                        recorded: cover.recorded
                    )
                )
            }
        }
        holidayBackups = backups.sorted { ($0.date, $0.holiday) < ($1.date, $1.holiday) }
    }

    /// The monitoring points of this pipeline that detect `mode`, in the order `detected_by` lists them.
    package func detectors(of mode: FailureMode) -> [MonitoringPoint] {
        mode.detectedBy.compactMap { id in pipeline.monitoring.first { $0.id == id } }
    }

    /// The failure modes this monitoring point detects, in config order.
    package func failureModes(detectedBy point: MonitoringPoint) -> [FailureMode] {
        pipeline.failureModes.filter { $0.detectedBy.contains(point.id) }
    }
}
