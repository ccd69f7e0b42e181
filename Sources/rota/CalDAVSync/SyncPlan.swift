import Foundation
import ICalendar
import RotaModel
import RotaSync
import Scheduler

/// The planned events `rota push` and `rota diff` compare, and the window they cover.
///
/// For a CalDAV calendar, both sides are limited to events that start inside the feed window, so what lies before
/// it (last month's shifts on a shared calendar) is history: never deleted, never reported. A feed is compared
/// whole (``reconcileFeed(_:)``): it holds exactly what `rota export` wrote for the window, shifts that began
/// before it included.
struct SyncPlan {
    let config: TeamConfig
    let asOf: LocalDate
    let window: SyncWindow
    /// The planned VEVENTs in the window.
    let planned: [Component]
    /// Every planned VEVENT, as `rota export` writes them to the feeds (shifts that began before the window too).
    let feedEvents: [Component]

    /// Loads the config and ledger and plans the window; problems printed and exit code 2.
    static func load(
        config configPath: String,
        ledger ledgerPath: (String) -> String,
        asOf: AsOfOptions
    ) async throws -> SyncPlan {
        let config = try await ConfigFile.load(configPath)
        let today = asOf.date(in: config.rotation.timeZone)
        let ledger = try LedgerFile.load(ledgerPath(configPath), config: config, asOf: today)
        let (start, end) = config.feeds.window(around: today)
        let schedule = Planner.plan(config: config, ledger: ledger, asOf: today, from: start, until: end)
        let events = CalendarPlan.events(for: schedule, config: config)
        let window = SyncWindow(start...end)
        return SyncPlan(
            config: config,
            asOf: today,
            window: window,
            planned: events.filter(window.containsStart(of:)),
            feedEvents: events
        )
    }

    /// The remote resources reconcile should see: those whose events all start in the window.
    func inWindow(_ remote: [Reconciler.Remote]) -> [Reconciler.Remote] {
        remote.filter { resource in resource.events.allSatisfy(window.containsStart(of:)) }
    }

    /// The window as instants for a CalDAV time-range query (``SyncWindow/queryInstants``).
    var instants: (start: Date, end: Date) { window.queryInstants }

    /// Reconciles `remote` with the plan.
    func reconcile(_ remote: [Reconciler.Remote]) -> Reconciliation {
        Reconciler.reconcile(
            planned: planned,
            remote: inWindow(remote),
            team: config.team,
            uidDomain: config.feeds.uidDomain
        )
    }

    /// Reconciles a feed's events with every planned event, with no window filter on either side.
    func reconcileFeed(_ feed: consuming FeedEvents) -> Reconciliation {
        Reconciler.reconcile(planned: feedEvents, feed: consume feed)
    }

    /// An empty gathering of a feed's events for ``reconcileFeed(_:)``, with this config's markers.
    func emptyFeed() -> FeedEvents {
        FeedEvents(team: config.team, uidDomain: config.feeds.uidDomain)
    }
}
