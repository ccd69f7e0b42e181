package import RotaModel

extension PipelineBackup {
    /// Each pipeline's backup while `onCall` is on call over `days`, in config order.
    ///
    /// The one rule for backups, shared by holiday shifts and `rota now`: a pipeline's secondary owner backs it
    /// up, unless they are the one on call or are away (not on the team, or on PTO) on any of `days`; then its
    /// primary owner, on the same terms; otherwise nobody.
    ///
    /// - Parameters:
    ///   - config: The team, for its pipelines and the engineers' PTO and tenure.
    ///   - onCall: The engineer on call, who cannot also be a backup.
    ///   - days: The days the backup must be free on (the holidays of a shift, or today).
    /// - Returns: One backup per pipeline; its engineer is nil when both owners are on call or away.
    package static func backups(in config: TeamConfig, onCall: EngineerID, on days: [LocalDate]) -> [PipelineBackup] {
        func free(_ id: EngineerID) -> Bool {
            guard id != onCall, let engineer = config.engineer(id) else { return false }
            return days.allSatisfy { engineer.isOnTeam(on: $0) && !engineer.isOnPTO(on: $0) }
        }
        return config.pipelines.map { pipeline in
            if let secondary = pipeline.secondary, free(secondary) {
                return PipelineBackup(pipeline: pipeline.id, engineer: secondary, role: .secondary)
            }
            if free(pipeline.primary) {
                return PipelineBackup(pipeline: pipeline.id, engineer: pipeline.primary, role: .primary)
            }
            return PipelineBackup(pipeline: pipeline.id, engineer: nil, role: nil)
        }
    }
}
