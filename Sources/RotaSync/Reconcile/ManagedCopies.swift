/// rota's events on the remote side, by UID, as ``Reconciler`` matches them with the plan.
///
/// The first copy of each UID sits in one table and further copies (a UID copied by hand into several resources)
/// in another, so the common single copy costs no array of its own: with 100,000 of rota's events in a feed, an
/// array and a resource wrapper per event were about 20 MiB of `rota diff --ics` (issue 17).
struct ManagedCopies {
    private var first: [String: Reconciliation.RemoteCopy] = [:]
    private var more: [String: [Reconciliation.RemoteCopy]] = [:]

    /// Room for `capacity` UIDs, so that filling the table does not hold an old and a new one at once.
    init(capacity: Int) {
        first.reserveCapacity(capacity)
    }

    /// The number of UIDs not removed.
    var count: Int { first.count }

    /// Adds a copy of the event with this UID, after any copies added before.
    mutating func add(_ copy: Reconciliation.RemoteCopy, uid: String) {
        if first[uid] == nil {
            first[uid] = copy
        } else {
            more[uid, default: []].append(copy)
        }
    }

    /// Removes and returns every copy of the event with this UID, in the order they were added.
    mutating func remove(_ uid: String) -> [Reconciliation.RemoteCopy] {
        guard let copy = first.removeValue(forKey: uid) else { return [] }
        return [copy] + (more.removeValue(forKey: uid) ?? [])
    }

    /// Calls `body` with every copy not removed: the first copies, then the further ones, each in the order added.
    func forEachRemaining(_ body: (_ uid: String, _ copy: Reconciliation.RemoteCopy) -> Void) {
        for (uid, copy) in first { body(uid, copy) }
        for (uid, copies) in more {
            for copy in copies { body(uid, copy) }
        }
    }
}
