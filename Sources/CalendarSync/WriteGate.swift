/// How many events may have a request in flight: a bound reached in rounds, and one at a time once the server has
/// answered 423 Locked.
///
/// A server that locks its whole store for each write (Xandikos) answers 423 to writes that meet. So the gate
/// probes before it trusts the server with ``limit`` writes at once: it admits a round of one event, then (when the
/// round is over, nobody in flight) a round of two, three, ... up to ``limit``; only after a whole round at the
/// limit went through without a 423 does it let events in as slots free up. The first 423 turns the rest of the push
/// to one at a time. On a locking server the first collision is then the round of two: k changes cost k writes plus
/// that one refusal, not a refusal per slot. A 5xx or dropped answer while probing ends the probing (``open()``).
/// A pure value: the executor asks ``enter()`` before an event's first
/// request and calls ``leave()`` when the event lets its slot go.
package struct WriteGate: Equatable, Sendable {
    /// The bound while writes may run concurrently.
    package let limit: Int
    /// Whether the server has answered 423 Locked.
    package private(set) var isSerial = false
    /// Slots taken.
    package private(set) var inFlight = 0
    /// The size of the current round while probing.
    private var round = 1
    /// Slots given out in the current round.
    private var admitted = 0
    /// Whether the gate still admits in rounds (until a round at ``limit`` went through).
    private var probing = true

    /// A gate letting at most `limit` (at least 1) events through at once.
    package init(limit: Int) {
        self.limit = max(1, limit)
    }

    /// The bound once probing is over (serializing ends it too): one at a time after a 423, else ``limit``.
    private var capacity: Int { isSerial ? 1 : limit }

    /// Takes a slot if one is free; true when the event may send.
    package mutating func enter() -> Bool {
        if !probing {
            guard inFlight < capacity else { return false }
        } else {
            guard admitted < round else { return false }
            admitted += 1
        }
        inFlight += 1
        return true
    }

    /// Frees a slot; the last slot of a full round widens the next one.
    package mutating func leave() {
        inFlight = max(0, inFlight - 1)
        guard probing, inFlight == 0, admitted > 0 else { return }
        if admitted == round {
            if round >= limit { probing = false } else { round += 1 }
        }
        admitted = 0
    }

    /// Stops probing: the server failed in a way that is not locking (5xx, 429, no answer), so spreading the
    /// events over the whole bound, as a flaky server needs, is what helps; a later 423 still serializes.
    package mutating func open() {
        probing = false
    }

    /// From now on, one event at a time.
    package mutating func serialize() {
        isSerial = true
        probing = false
    }
}
