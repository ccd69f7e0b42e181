package import ICalendar

/// The events of a feed that reconciling it needs, gathered one at a time as ``ICalendarStreamReader`` hands them
/// over.
///
/// A feed may hold 100,000 events of which rota manages a few dozen (a busy shared calendar): keeping every event
/// until the end would hold the whole feed as trees, about twice its size in memory. Only rota's events are kept;
/// the others are counted, exactly as ``Reconciler/reconcile(planned:remote:team:uidDomain:)`` counts them.
package struct FeedEvents: Sendable {
    /// The team name in `X-ROTA-TEAM`.
    package let team: String
    /// The UID domain of rota's events.
    package let uidDomain: String
    /// The VEVENTs rota manages, in the feed's order.
    package private(set) var managed: [Component] = []
    /// The feed's other VEVENTs.
    package private(set) var foreignCount = 0

    package init(team: String, uidDomain: String) {
        self.team = team
        self.uidDomain = uidDomain
    }

    /// Moves ``managed`` out, leaving it empty: reconciling holds the events in a table of its own.
    package mutating func takeManaged() -> [Component] {
        defer { managed = [] }
        return managed
    }

    /// Adds one component of the feed as it closed: a VEVENT directly inside a VCALENDAR is one of the feed's
    /// events (as in ``CalendarPlan/events(reading:)``), anything else is not.
    package mutating func add(_ closed: StreamedComponent) {
        guard case .child(let event, parent: "VCALENDAR") = closed, event.name == "VEVENT" else { return }
        if ManagedEvent.isManaged(event, team: team, uidDomain: uidDomain) {
            managed.append(event)
        } else {
            foreignCount += 1
        }
    }
}
