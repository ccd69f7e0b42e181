/// A data pipeline the team owns, with what its runbook needs to say.
package struct Pipeline: Hashable, Sendable {
    package let id: PipelineID
    package let name: String
    package let businessArea: String
    /// Pipelines that report metrics to investors need a secondary owner, monitoring points, failure
    /// modes and a landing deadline, and get a runbook.
    package let investorFacing: Bool
    package let primary: EngineerID
    package let secondary: EngineerID?
    package let description: String
    package let consumers: [String]
    package let upstreamSources: [String]
    package let landingDeadline: LandingDeadline?
    package let monitoring: [MonitoringPoint]
    package let failureModes: [FailureMode]
    /// How bad a failure is; nil when the config does not say.
    package let severity: Severity?
    /// What a failure costs, in words (who sees wrong or late numbers); nil when the config does not say.
    package let impact: String?
    /// The pages to open first, in config order.
    package let links: [PipelineLink]
    /// People outside the team to call, in config order.
    package let contacts: [ExternalContact]
}

/// When a pipeline's data must have landed, in a zone, at a cadence.
package struct LandingDeadline: Hashable, Sendable {
    package enum Cadence: String, CaseIterable, Hashable, Sendable {
        case daily, weekdays, weekly, monthly, quarterly
    }

    package let time: LocalTime
    package let timeZone: TimeZoneID
    package let cadence: Cadence
}

/// Something watched on a pipeline, with the threshold at which it alerts.
///
/// A config picks these from `RunbookCatalogue.monitoringPoints`, overrides their fields, or adds its own.
package struct MonitoringPoint: Hashable, Sendable {
    package let id: String
    package let name: String
    package let threshold: String

    /// Makes a monitoring point; the loader checks the id and that the texts are not empty.
    package init(id: String, name: String, threshold: String) {
        self.id = id
        self.name = name
        self.threshold = threshold
    }
}

/// Something that can go wrong with a pipeline: how it shows and which monitoring points detect it.
package struct FailureMode: Hashable, Sendable {
    package let id: String
    package let name: String
    package let symptoms: String
    /// Ids of this pipeline's monitoring points that fire when it happens.
    package let detectedBy: [String]
    /// What to look at first, in order, to see whether this is what is happening.
    ///
    /// These are observations, not decisions: the catalogue gives every failure mode its own, and a config
    /// may replace them with `first_checks`.
    package let firstChecks: [String]
    /// What to do about it, in order, when the config says.
    ///
    /// The brief does not ask for remedies, so configs may leave them out (and the catalogue has none).
    package let remedies: [String]

    /// Makes a failure mode; the loader checks that `detectedBy` names monitoring points of the pipeline.
    package init(
        id: String,
        name: String,
        symptoms: String,
        detectedBy: [String],
        firstChecks: [String] = [],
        remedies: [String] = []
    ) {
        self.id = id
        self.name = name
        self.symptoms = symptoms
        self.detectedBy = detectedBy
        self.firstChecks = firstChecks
        self.remedies = remedies
    }
}

/// How many pipelines one engineer may own as primary and as secondary (the brief: 1 to 2 each).
package struct OwnershipBounds: Hashable, Sendable {
    package let primary: ClosedRange<Int>
    package let secondary: ClosedRange<Int>

    package static let `default` = OwnershipBounds(primary: 1...2, secondary: 1...2)
}
