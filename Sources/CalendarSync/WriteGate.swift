/// How many requests may be in flight: a bound, and one at a time once the server has answered 423 Locked.
///
/// A server that locks its whole store for each write (Xandikos) answers 423 to writes that meet; once it has, the
/// rest of the push goes one request at a time instead of spending retries on collisions. A pure value: the
/// executor asks ``enter()`` before each request and calls ``leave()`` when its answer is in.
package struct WriteGate: Equatable, Sendable {
    /// The bound while writes may run concurrently.
    package let limit: Int
    /// Whether the server has answered 423 Locked.
    package private(set) var isSerial = false
    /// Requests in flight.
    package private(set) var inFlight = 0

    /// A gate letting `limit` (at least 1) requests through at once.
    package init(limit: Int) {
        self.limit = max(1, limit)
    }

    /// The bound now.
    package var capacity: Int { isSerial ? 1 : limit }

    /// Takes a slot if one is free; true when the request may go.
    package mutating func enter() -> Bool {
        guard inFlight < capacity else { return false }
        inFlight += 1
        return true
    }

    /// Frees a slot.
    package mutating func leave() {
        inFlight = max(0, inFlight - 1)
    }

    /// From now on, one request at a time.
    package mutating func serialize() {
        isSerial = true
    }
}
