/// How many events each outcome had.
package struct PushTally: Equatable, Sendable {
    package var created = 0
    package var updated = 0
    package var deleted = 0
    package var unchanged = 0
    package var driftOverwritten = 0
    package var driftKept = 0
    package var failed = 0

    /// An empty tally.
    package init() {}

    /// The tally of `outcomes`.
    package init(_ outcomes: [PushOutcome]) {
        for outcome in outcomes { add(outcome) }
    }

    /// Counts one more outcome.
    package mutating func add(_ outcome: PushOutcome) {
        switch outcome {
        case .created: created += 1
        case .updated: updated += 1
        case .deleted: deleted += 1
        case .unchanged: unchanged += 1
        case .driftOverwritten: driftOverwritten += 1
        case .driftKept: driftKept += 1
        case .failed: failed += 1
        }
    }
}
