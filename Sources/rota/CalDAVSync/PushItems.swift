import CalDAV
import CalendarSync
import Foundation
import ICalendar
import RotaModel
import RotaSync

/// Reconcile's entries as ``SyncItem``s for CalendarSync, and reconcile again for one event after a re-read.
///
/// The glue between rota's plan and the generic push: which resource each entry lives at and the bytes to write.
/// What to send, when to read again, wait or give up is CalendarSync's business.
struct PushItems: Sendable {
    let calendar: URL
    let asOf: LocalDate
    let zone: TimeZoneID
    let team: String
    let uidDomain: String
    /// The planned events by UID, to decide again after a re-read.
    let planned: [String: Component]

    /// The sync item for `entry`.
    func item(_ entry: Reconciliation.Entry) -> SyncItem {
        let url =
            entry.href.flatMap(URL.init(string:)) ?? calendar.appending(path: Reconciler.resourceName(for: entry.uid))
        return SyncItem(id: entry.uid, url: url, decision: decision(entry))
    }

    /// What reconcile decided for `entry`, with the resource to write (SEQUENCE one more than the server's).
    func decision(_ entry: Reconciliation.Entry) -> SyncDecision {
        let sequence = entry.remote == nil ? 0 : entry.remoteSequence + 1
        let body = entry.planned.map { CalendarPlan.resource(for: $0, sequence: sequence, asOf: asOf, zone: zone) }
        switch entry.action {
        case .keep: return .keep
        case .create: return body.map { .create(body: $0) } ?? .keep
        case .update: return body.map { .update(body: $0, etag: entry.etag) } ?? .keep
        case .delete: return .delete(etag: entry.etag)
        case .drift: return .drift(replacement: body, etag: entry.etag)
        }
    }

    /// Reconciles the event `uid` again against what its URL holds now; `.keep` when reconcile no longer lists it.
    func decide(_ uid: String, _ current: [CalendarResource]) -> SyncDecision {
        let again = Reconciler.reconcile(
            planned: planned[uid].map { [$0] } ?? [],
            remote: current.map(CalDAVConnection.remote),
            team: team,
            uidDomain: uidDomain
        )
        return again.entries.first { $0.uid == uid }.map(decision) ?? .keep
    }
}
