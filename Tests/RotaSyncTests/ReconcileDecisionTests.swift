import ICalendar
import RotaModel
import Testing

@testable import RotaSync

/// Each reconcile decision carries exactly what it was decided on: what a push writes and the precondition
/// it writes under come from the decision, so a create has no resource and a delete has no planned event.
@Suite struct ReconcileDecisionTests {
    @Test func eachDecisionHoldsTheEventsAndResourceItActsOn() throws {
        let planned = Array(ReconcileTests.planned(try FeedTests.config()).prefix(3))
        let server = try ReconcileTests.server(planned)
        // The first event changes in the plan, the third leaves it, and a fourth is new.
        let more = Array(ReconcileTests.planned(try FeedTests.config()).dropFirst(3).prefix(1))
        var changed = planned[0]
        changed.removeProperties(named: .summary)
        changed.properties.append(Property(name: .summary, value: "Renamed"))
        let result = ReconcileTests.reconcile([changed, planned[1]] + more, server)
        var seen: Set<String> = []
        for entry in result.entries {
            switch entry.decision {
            case .create(let event):
                #expect(event.property(.uid)?.value == more[0].property(.uid)?.value)
                #expect(entry.href == nil && entry.etag == nil && entry.remote == nil)
                seen.insert("create")
            case .update(let event, let remote, let changes):
                #expect(event == changed)
                #expect(remote.href == server[0].href && remote.etag == "\"1\"")
                #expect(changes.map(\.name) == ["SUMMARY"])
                #expect(entry.changes == changes)
                seen.insert("update")
            case .keep(let event, let remote):
                #expect(event == planned[1] && remote.href == server[1].href)
                #expect(entry.changes.isEmpty)
                seen.insert("keep")
            case .delete(let remote):
                #expect(remote.href == server[2].href && entry.planned == nil)
                seen.insert("delete")
            case .drift:
                Issue.record("nothing was edited by hand")
            }
        }
        #expect(seen == ["create", "update", "keep", "delete"])
    }
}
