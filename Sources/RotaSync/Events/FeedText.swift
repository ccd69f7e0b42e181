import ICalendar
import RotaModel

/// The parts of feed event texts that depend only on the config, written once per schedule instead of once per
/// shift: engineer names and feeds, the escalation lines, who owns what, each pipeline's UID suffix and lines.
///
/// A 3-year feed has about 160 shifts, each with a team event and one event per pipeline, and every one of them
/// used to look each name up (a linear search) and rebuild the same lines; over 500 teams that was a tenth of an
/// export's CPU. The events' texts are unchanged: they are put together from the same words, only fewer times.
struct FeedText {
    /// What the events say about one engineer.
    ///
    /// A class, written once and shared: every shift takes its engineer's, and a copy is one reference count.
    final class Person {
        /// The name events show (the id when the config no longer has the engineer).
        let name: String
        /// Their own feed (`engineer-<id>`).
        let feed: String
        /// ` is primary owner of: A, B.` after the name, or empty when they own no pipeline.
        let owns: String

        init(name: String, feed: String, owns: String) {
            self.name = name
            self.feed = feed
            self.owns = owns
        }
    }

    /// What a pipeline's own events say, besides who is on call.
    ///
    /// A class, written once and shared: every shift's event for the pipeline takes it, and a copy is one
    /// reference count.
    final class PipelineLines {
        /// The pipeline's name, as summaries and descriptions show it.
        let name: String
        /// The pipeline's feed (`pipeline-<id>`).
        let feed: String
        /// `-<pipeline id>@<domain>`: the pipeline event's UID is the shift UID's local part, then this.
        let uidSuffix: String
        /// `, then Chen (primary owner), then Ana (secondary owner).` after `Escalation: <name> (on call)`.
        let escalation: String
        /// The investor lines (`\n<name> reports to investors.` and the runbook link), each after a line break.
        let investorLines: String
        /// `X-ROTA-PIPELINE`.
        let marker: Property

        init(
            name: String,
            feed: String,
            uidSuffix: String,
            escalation: String,
            investorLines: String,
            marker: Property
        ) {
            self.name = name
            self.feed = feed
            self.uidSuffix = uidSuffix
            self.escalation = escalation
            self.investorLines = investorLines
            self.marker = marker
        }
    }

    let team: String
    /// The rotation's hand-off time: a piece of a split shift that starts at another time has it in its UID.
    let handOffTime: LocalTime
    /// The rotation's zone id, which every shift event's start and end carry.
    let zone: String
    /// `@<uid domain>`, the end of every UID.
    let atDomain: String
    /// The team shift event's escalation lines, one per pipeline, each after a line break.
    let teamEscalation: String
    let pipelines: [PipelineLines]
    private let people: [EngineerID: Person]

    init(_ config: TeamConfig) {
        team = config.team
        handOffTime = config.rotation.handOffTime
        zone = config.rotation.timeZone.identifier
        atDomain = "@" + config.feeds.uidDomain
        var people: [EngineerID: Person] = [:]
        for engineer in config.engineers where people[engineer.id] == nil {
            let owned = config.pipelines(primary: engineer.id).map(\.name)
            people[engineer.id] = Person(
                name: engineer.name,
                feed: FeedNames.engineer(engineer.id),
                owns: owned.isEmpty ? "" : " is primary owner of: \(owned.joined(separator: ", "))."
            )
        }
        self.people = people
        func name(_ id: EngineerID) -> String { people[id]?.name ?? id.rawValue }
        var teamEscalation = ""
        var pipelines: [PipelineLines] = []
        for pipeline in config.pipelines {
            let link = config.runbooks.link(to: pipeline.id)
            let owners = [pipeline.primary] + (pipeline.secondary.map { [$0] } ?? [])
            teamEscalation += "\n- \(pipeline.name)\(pipeline.investorFacing ? " (reports to investors)" : ""): "
            teamEscalation += owners.map(name).joined(separator: ", then ")
            if pipeline.investorFacing, let link { teamEscalation += "\n  Runbook: \(link)" }
            var escalation = ", then \(name(pipeline.primary)) (primary owner)"
            if let secondary = pipeline.secondary { escalation += ", then \(name(secondary)) (secondary owner)" }
            var investorLines = ""
            if pipeline.investorFacing {
                investorLines = "\n\(pipeline.name) reports to investors."
                if let link { investorLines += "\nRunbook: \(link)" }
            }
            pipelines.append(
                PipelineLines(
                    name: pipeline.name,
                    feed: FeedNames.pipeline(pipeline.id),
                    uidSuffix: "-\(pipeline.id.rawValue)@\(config.feeds.uidDomain)",
                    escalation: escalation + ".",
                    investorLines: investorLines,
                    marker: Property(name: .rotaPipeline, value: pipeline.id.rawValue)
                )
            )
        }
        self.teamEscalation = teamEscalation
        self.pipelines = pipelines
    }

    /// What the events say about `id`; an engineer no longer in the config is named by id and owns nothing.
    func person(_ id: EngineerID) -> Person {
        people[id] ?? Person(name: id.rawValue, feed: FeedNames.engineer(id), owns: "")
    }
}
