import CalDAV
import Foundation
import ICalendar
import RotaModel
import RotaSync

/// Carries out a reconciliation on a CalDAV calendar: conditional writes, a bounded number at a time.
///
/// Every write is conditional (`If-None-Match: *` to create, `If-Match` to update or delete), so
/// nothing another writer changed meanwhile is overwritten: a 412 means the event is read again and
/// decided again, a few times at most. The client retries 5xx, 429, 423 and dropped connections itself; a write
/// still answered 423 Locked (Xandikos locks its git store for each write, so concurrent writes collide) switches
/// the rest of the push to one write at a time (``WriteGate``) and is tried again.
struct PushExecutor: Sendable {
    /// What happened to one event.
    enum Result: Sendable {
        case created, updated, deleted, unchanged
        /// Edited by hand and overwritten (or deleted) because of `--force`.
        case driftOverwritten
        /// Edited by hand and left alone (no `--force`): reported, and the push exits 1.
        case driftKept(Reconciliation.Entry)
    }

    /// Something another writer keeps changing, or a resource rota does not own where it wants to write.
    struct Conflict: Error, CustomStringConvertible {
        let url: URL
        var description: String {
            "\(url.absoluteString): error: the event kept changing while rota wrote it (412 three times)\n"
                + "hint: run rota push again once the other writer has finished"
        }
    }

    let client: CalDAVClient
    let calendar: URL
    let asOf: LocalDate
    let zone: String
    let team: String
    let uidDomain: String
    let force: Bool
    /// The planned events by UID, to decide again after a 412.
    let planned: [String: Component]
    /// Concurrent writes until the server answers 423 Locked, then one at a time.
    let gate = WriteGate()

    /// How many times one event is read again after a 412 before the push gives up on it.
    static let maximumAttempts = 3

    /// How many more times a write still answered 423 Locked is sent, one at a time, before the push gives up.
    static let maximumLockedAttempts = 5

    /// Applies every entry, at most `concurrency` requests at once; results in the entries' order.
    func run(
        _ entries: [Reconciliation.Entry],
        concurrency: Int,
        progress: @Sendable (Int) -> Void
    ) async throws -> [Result] {
        var results = [Result?](repeating: nil, count: entries.count)
        try await withThrowingTaskGroup(of: (Int, Result).self) { group in
            var next = 0
            var done = 0
            func startNext() {
                guard next < entries.count else { return }
                let index = next
                let entry = entries[index]
                group.addTask { (index, try await apply(entry, attempt: 1)) }
                next += 1
            }
            for _ in 0..<max(1, concurrency) { startNext() }
            while let (index, result) = try await group.next() {
                results[index] = result
                done += 1
                progress(done)
                startNext()
            }
        }
        return results.compactMap { $0 }
    }

    /// Applies one entry; after a 412, reads the resource again and applies what reconcile decides then.
    private func apply(_ entry: Reconciliation.Entry, attempt: Int) async throws -> Result {
        let url =
            entry.href.flatMap(URL.init(string:)) ?? calendar.appending(path: Reconciler.resourceName(for: entry.uid))
        let write: WriteResult
        let done: Result
        switch entry.action {
        case .keep:
            return .unchanged
        case .create:
            write = try await put(entry, at: url, precondition: .create)
            done = .created
        case .update:
            write = try await put(entry, at: url, precondition: .update(etag: entry.etag ?? "*"))
            done = .updated
        case .delete:
            write = try await delete(at: url, etag: entry.etag)
            done = .deleted
        case .drift:
            guard force else { return .driftKept(entry) }
            write =
                entry.planned == nil
                ? try await delete(at: url, etag: entry.etag)
                : try await put(entry, at: url, precondition: .update(etag: entry.etag ?? "*"))
            done = .driftOverwritten
        }
        if case .success = write { return done }
        guard attempt < Self.maximumAttempts else { throw Conflict(url: url) }
        // Someone else changed it: read it again and decide again.
        let now = try await client.multiget(in: calendar, resources: [url]).map(CalDAVConnection.remote)
        let again = Reconciler.reconcile(
            planned: planned[entry.uid].map { [$0] } ?? [],
            remote: now,
            team: team,
            uidDomain: uidDomain
        )
        guard let decided = again.entries.first(where: { $0.uid == entry.uid }) else { return .unchanged }
        if decided.action == .create, !now.isEmpty {
            // Something rota does not manage sits where rota would create the event.
            throw Conflict(url: url)
        }
        return try await apply(decided, attempt: attempt + 1)
    }

    private func put(
        _ entry: Reconciliation.Entry,
        at url: URL,
        precondition: WritePrecondition
    ) async throws
        -> WriteResult
    {
        guard let event = entry.planned else { return .success(etag: nil) }
        let sequence = entry.remote == nil ? 0 : entry.remoteSequence + 1
        let body = CalendarPlan.resource(for: event, sequence: sequence, asOf: asOf, zone: zone)
        return try await gated { try await client.put(body, at: url, precondition: precondition) }
    }

    private func delete(at url: URL, etag: String?) async throws -> WriteResult {
        do {
            return try await gated { try await client.delete(at: url, etag: etag ?? "*") }
        } catch let error as CalDAVError where error.code == .notFound {
            return .success(etag: nil)  // already gone: what the delete wanted
        }
    }

    /// Runs one conditional write through the gate; after a 423 Locked, serializes the push and sends it again.
    private func gated(_ write: () async throws -> WriteResult) async throws -> WriteResult {
        var locked = 0
        while true {
            let holds = await gate.enter()
            do {
                let result = try await write()
                if holds { await gate.leave() }
                return result
            } catch let error as CalDAVError where error.status == 423 && locked < Self.maximumLockedAttempts {
                if holds { await gate.leave() }
                await gate.serialize()
                locked += 1
                try await Task.sleep(for: .milliseconds(100 * locked))
            } catch {
                if holds { await gate.leave() }
                throw error
            }
        }
    }
}

/// Lets writes run concurrently until ``serialize()``, then one at a time, in the order they asked.
///
/// A server that locks its whole store for each write (Xandikos) answers 423 Locked to concurrent writes; once it
/// has, the push sends its remaining writes one by one instead of spending retries on collisions.
actor WriteGate {
    private var isSerial = false
    private var isHeld = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    /// From now on, one write at a time.
    func serialize() {
        isSerial = true
    }

    /// Waits for the gate when writes are serialized; true when the caller now holds it and must ``leave()``.
    func enter() async -> Bool {
        guard isSerial else { return false }
        if isHeld {
            await withCheckedContinuation { waiting.append($0) }  // leave() hands the gate over
        } else {
            isHeld = true
        }
        return true
    }

    /// Hands the gate to the next waiting write, or frees it.
    func leave() {
        if waiting.isEmpty {
            isHeld = false
        } else {
            waiting.removeFirst().resume()
        }
    }
}
