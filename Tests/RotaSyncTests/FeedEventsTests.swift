import ICalendar
import Testing

@testable import RotaSync

/// `rota diff --ics` reads a feed in pieces and keeps only rota's events (``FeedEvents``); what it decides must be
/// what reconciling every event of the whole feed decided (issue 17).
@Suite struct FeedEventsTests {
    @Test func keepingOnlyRotasEventsDecidesAsReadingTheWholeFeed() throws {
        let planned = ReconcileTests.planned(try FeedTests.config())
        var changed = planned[12]
        changed.properties = changed.properties.map { property in
            property.name == "SUMMARY" ? Property(name: "SUMMARY", value: "On call: someone else") : property
        }
        var extra = planned[14]
        extra.properties = extra.properties.map { property in
            property.name == "UID" ? Property(name: "UID", value: "gone@oncall.example.com") : property
        }
        let foreign = (0..<40).map { index in
            Component(
                name: "VEVENT",
                properties: [
                    Property(name: "UID", value: "meeting-\(index)@elsewhere.example.com"),
                    Property(name: "DTSTART", value: "20261201T090000Z"),
                    Property(name: "SUMMARY", value: "Meeting \(index)"),
                ]
            )
        }
        let todo = Component(name: "VTODO", properties: [Property(name: "UID", value: "todo@oncall.example.com")])
        let calendar = Component(
            name: "VCALENDAR",
            properties: [Property(name: "VERSION", value: "2.0"), Property(name: "PRODID", value: "-//test//EN")],
            components: Array(planned.prefix(10)) + [changed, extra, todo] + foreign
        )
        // A VEVENT outside any VCALENDAR is not one of the feed's events either way.
        let stray = Component(name: "X-OTHER", properties: [], components: [planned[0]])
        let feed = ICalendarWriter.write(calendar) + ICalendarWriter.write(stray)

        let whole = try CalendarPlan.events(reading: feed).map { Reconciler.Remote(href: nil, etag: nil, events: [$0]) }
        let expected = Reconciler.reconcile(
            planned: planned,
            remote: whole,
            team: "Data Engineering",
            uidDomain: "oncall.example.com"
        )

        var gathered = FeedEvents(team: "Data Engineering", uidDomain: "oncall.example.com")
        var reader = ICalendarStreamReader()
        for start in stride(from: 0, to: feed.count, by: 97) {
            let piece = feed[start..<min(feed.count, start + 97)]
            for closed in try piece.withUnsafeBufferPointer({ (bytes) throws(ICalendarError) in try reader.read(bytes) }
            ) {
                gathered.add(closed)
            }
        }
        for closed in try reader.finish() { gathered.add(closed) }
        let streamed = Reconciler.reconcile(planned: planned, feed: gathered)

        #expect(gathered.managed.count == 12)
        #expect(gathered.foreignCount == 40)
        #expect(streamed.foreignCount == expected.foreignCount)
        #expect(Self.summary(streamed) == Self.summary(expected))
        #expect(streamed.entries(.update).map(\.uid) == [planned[12].property(.uid)?.value])
        #expect(streamed.entries(.delete).map(\.uid) == ["gone@oncall.example.com"])
    }

    private static func summary(_ reconciliation: Reconciliation) -> [String] {
        reconciliation.entries.map { entry in
            "\(entry.uid) \(entry.action) \(entry.changes.map { "\($0.name): \($0.before ?? "") -> \($0.after ?? "")" })"
        }
    }
}
