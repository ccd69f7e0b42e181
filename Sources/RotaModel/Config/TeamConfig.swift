/// A validated team config: everything the scheduler, feeds and runbooks are derived from.
///
/// Only `ConfigLoader` makes these, and only from a config with no diagnostics, so code downstream
/// can rely on every reference resolving (owners, rotation order, volunteers, overrides).
package struct TeamConfig: Hashable, Sendable {
    package let team: String
    /// In file order.
    package let engineers: [Engineer]
    /// In file order.
    package let pipelines: [Pipeline]
    package let ownershipBounds: OwnershipBounds
    package let rotation: Rotation
    package let holidays: HolidaySettings
    package let holidayPolicy: HolidayPolicy
    /// The rest rule for every shift (`policy:`).
    package let policy: SchedulingPolicy
    package let overrides: [Override]
    package let feeds: FeedSettings
    /// Where the runbooks are published (`runbooks.url_base`), for links in feed events.
    package let runbooks: RunbookSettings

    package func engineer(_ id: EngineerID) -> Engineer? {
        engineers.first { $0.id == id }
    }

    package func pipelines(primary id: EngineerID) -> [Pipeline] {
        pipelines.filter { $0.primary == id }
    }

    package func pipelines(secondary id: EngineerID) -> [Pipeline] {
        pipelines.filter { $0.secondary == id }
    }
}
