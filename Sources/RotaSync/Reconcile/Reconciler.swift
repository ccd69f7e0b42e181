package import ICalendar

/// Compares planned events with what a remote calendar or feed holds; pure, so push and diff share it.
package enum Reconciler {
    /// A remote event: a CalDAV resource (with its href and ETag) or an event of an ICS feed.
    package struct Remote: Sendable {
        package let href: String?
        package let etag: String?
        /// The VEVENTs of the resource (one for resources rota writes).
        package let events: [Component]

        package init(href: String?, etag: String?, events: [Component]) {
            self.href = href
            self.etag = etag
            self.events = events
        }
    }

    /// Decides, for every planned event and every event rota manages on the remote side, what to do.
    ///
    /// Only resources holding exactly one VEVENT with rota's markers are rota's; everything else is
    /// foreign and never appears in the actions. When the same UID sits in several resources (copied by
    /// hand), the first by href is matched and the others are deleted as extras.
    ///
    /// - Parameters:
    ///   - planned: The planned VEVENTs (``CalendarPlan/events(for:config:)``), UIDs unique.
    ///   - remote: The remote resources or feed events.
    ///   - team: The team name in `X-ROTA-TEAM`.
    ///   - uidDomain: The UID domain of rota's events.
    /// - Returns: The reconciliation, sorted by start then UID.
    package static func reconcile(
        planned: [Component],
        remote: [Remote],
        team: String,
        uidDomain: String
    ) -> Reconciliation {
        var foreign = 0
        var managed = ManagedCopies(capacity: remote.count)
        for resource in remote {
            guard resource.events.count == 1, let event = resource.events.first,
                ManagedEvent.isManaged(event, team: team, uidDomain: uidDomain),
                let uid = event.property(.uid)?.value
            else {
                foreign += 1
                continue
            }
            managed.add(.init(href: resource.href, etag: resource.etag, event: event), uid: uid)
        }
        return decide(planned: planned, managed: managed, foreignCount: foreign)
    }

    /// Decides, for every planned event and every event rota manages in a feed, what to do: the result of
    /// ``reconcile(planned:remote:team:uidDomain:)`` with each of the feed's events as a resource of its own.
    ///
    /// - Parameters:
    ///   - planned: The planned VEVENTs, UIDs unique.
    ///   - feed: The feed's events, gathered as they were read.
    /// - Returns: The reconciliation, sorted by start then UID; the feed's other events are counted as foreign.
    package static func reconcile(planned: [Component], feed: consuming FeedEvents) -> Reconciliation {
        let foreignCount = feed.foreignCount
        let events = feed.takeManaged()  // so its array is freed once the table below holds the events
        var managed = ManagedCopies(capacity: events.count)
        for event in consume events {
            guard let uid = event.property(.uid)?.value else { continue }  // a managed event has one
            managed.add(.init(href: nil, etag: nil, event: event), uid: uid)
        }
        return decide(planned: planned, managed: managed, foreignCount: foreignCount)
    }

    /// The entries for `planned` and rota's events on the remote side, sorted by start then UID.
    private static func decide(
        planned: [Component],
        managed: consuming ManagedCopies,
        foreignCount: Int
    ) -> Reconciliation {
        var entries: [Reconciliation.Entry] = []
        entries.reserveCapacity(planned.count + managed.count)
        var plannedUIDs: Set<String> = []
        for event in planned {
            guard let uid = event.property(.uid)?.value, plannedUIDs.insert(uid).inserted else { continue }
            let matches = managed.remove(uid).sorted { ($0.href ?? "") < ($1.href ?? "") }
            guard let match = matches.first else {
                entries.append(.init(uid: uid, decision: .create(planned: event)))
                continue
            }
            let decision: Reconciliation.Decision
            if ManagedEvent.contentLines(of: match.event) == ManagedEvent.contentLines(of: event) {
                decision = .keep(planned: event, remote: match)
            } else if ManagedEvent.isDrifted(match.event) {
                decision = .drift(planned: event, remote: match, changes: changes(from: match.event, to: event))
            } else {
                decision = .update(planned: event, remote: match, changes: changes(from: match.event, to: event))
            }
            entries.append(.init(uid: uid, decision: decision))
            entries += matches.dropFirst().map { extra($0, uid: uid) }
        }
        managed.forEachRemaining { uid, copy in
            // A feed keeps a cancelled event for a while on purpose: that is in sync with its absence.
            if copy.event.property(.status)?.value != "CANCELLED" { entries.append(extra(copy, uid: uid)) }
        }
        entries.sort { (startKey($0), $0.uid, $0.href ?? "") < (startKey($1), $1.uid, $1.href ?? "") }
        return Reconciliation(entries: entries, foreignCount: foreignCount)
    }

    /// The file name rota gives a new event's resource: its UID with anything outside a safe set
    /// percent-encoded, plus `.ics`.
    package static func resourceName(for uid: String) -> String {
        var name = ""
        for byte in uid.utf8 {
            let safe =
                (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || byte == 0x2D || byte == 0x2E || byte == 0x5F || byte == 0x40
            if safe {
                name.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                let hex = String(byte, radix: 16, uppercase: true)
                name += "%" + (hex.count == 1 ? "0" : "") + hex
            }
        }
        return name + ".ics"
    }

    /// A managed event the plan does not have (or a second copy of one it has): delete it, unless it
    /// was edited by hand, which is drift.
    private static func extra(_ copy: Reconciliation.RemoteCopy, uid: String) -> Reconciliation.Entry {
        .init(
            uid: uid,
            decision: ManagedEvent.isDrifted(copy.event)
                ? .drift(planned: nil, remote: copy, changes: []) : .delete(remote: copy)
        )
    }

    /// The properties whose values differ, by name; several values of one name are joined.
    static func changes(from remote: Component, to planned: Component) -> [Reconciliation.FieldChange] {
        func fields(_ event: Component) -> [String: String] {
            var result: [String: String] = [:]
            for property in event.properties where !ManagedEvent.ignoredProperties.contains(property.propertyName) {
                // The value as people read it (TEXT unescaped), after its parameters if it has any.
                let parameters = property.parameters.map { "\($0.name)=\($0.values.joined(separator: ","))" }
                let value = (parameters.isEmpty ? "" : parameters.joined(separator: ";") + " ") + property.value
                result[property.name] = result[property.name].map { $0 + "\n" + value } ?? value
            }
            return result
        }
        let before = fields(remote)
        let after = fields(planned)
        return Set(before.keys).union(after.keys).sorted().compactMap { name in
            before[name] == after[name] ? nil : .init(name: name, before: before[name], after: after[name])
        }
    }

    private static func startKey(_ entry: Reconciliation.Entry) -> String {
        (entry.planned ?? entry.remote).map(EventComponent.startKey(of:)) ?? ""
    }
}
