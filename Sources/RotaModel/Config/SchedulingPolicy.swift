/// Rules for regular shifts that hold whatever the holidays (`policy:` in the config).
package struct SchedulingPolicy: Hashable, Sendable {
    /// How many shifts an engineer has off between two of their own (`policy.min_gap`, default 1): 1 means
    /// never two shifts in a row, 0 allows them.
    ///
    /// Only broken when everyone else is away, and then reported.
    package let minimumGap: Int

    package init(minimumGap: Int = 1) {
        self.minimumGap = minimumGap
    }

    package static let standard = SchedulingPolicy()
}
