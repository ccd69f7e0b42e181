package import CalDAV
package import Foundation

/// ``SyncTransport`` over a ``CalDAVClient``: conditional PUT and DELETE, and a calendar-multiget to re-read.
///
/// The client is used with ``RetryPolicy/never``: the sync machine owns the retries, so that their waits run on
/// the executor's clock and a 423 can switch the push to one write at a time.
package struct CalDAVSyncTransport: SyncTransport {
    private let client: CalDAVClient
    private let calendar: URL
    private let decide: @Sendable (_ id: String, _ current: [CalendarResource]) -> SyncDecision

    /// Creates a transport.
    ///
    /// - Parameters:
    ///   - client: the client; its retry policy is replaced by ``RetryPolicy/never``.
    ///   - calendar: the calendar URL (for the multiget).
    ///   - decide: reconcile for one event (by id) against the resources now at its URL.
    package init(
        client: CalDAVClient,
        calendar: URL,
        decide: @escaping @Sendable (_ id: String, _ current: [CalendarResource]) -> SyncDecision
    ) {
        var client = client
        client.retryPolicy = .never
        self.client = client
        self.calendar = calendar
        self.decide = decide
    }

    package func put(_ body: [UInt8], at url: URL, precondition: SyncPrecondition) async -> ServerAnswer {
        let condition: WritePrecondition =
            switch precondition {
            case .ifNoneMatch: .create
            case .ifMatch(let etag): .update(etag: etag)
            }
        return await answer(CalDAVRequests.put(at: url, icalendar: body, precondition: condition), "PUT")
    }

    package func delete(at url: URL, precondition: SyncPrecondition) async -> ServerAnswer {
        guard case .ifMatch(let etag) = precondition else {
            return .unusable(message: "\(url.absoluteString): error: internal: a DELETE needs an ETag")
        }
        return await answer(CalDAVRequests.delete(at: url, etag: etag), "DELETE")
    }

    package func reread(_ item: SyncItem) async -> RereadResult {
        let request = CalDAVRequests.calendarMultiget(calendar: calendar, resources: [item.url])
        let response: CalDAVResponse
        do {
            response = try await client.send(request)
        } catch {
            return .failed(Self.failure(error))
        }
        guard response.status == 207 else {
            return .failed(Self.answer(response, url: item.url, operation: "REPORT calendar-multiget"))
        }
        do {
            let answer = try Multistatus.parse(response, requestURL: calendar, limits: client.xmlLimits)
            let current = CalendarResource.resources(in: answer, collection: calendar)
            return .decided(decide(item.id, current), exists: !current.isEmpty)
        } catch {
            return .failed(.unusable(message: String(describing: error)))
        }
    }

    private func answer(_ request: CalDAVRequest, _ operation: String) async -> ServerAnswer {
        do {
            return Self.answer(try await client.send(request), url: request.url, operation: operation)
        } catch {
            return Self.failure(error)
        }
    }

    /// A response in the sync's terms.
    ///
    /// A 412 is a failed `If-Match`/`If-None-Match` (read again) unless its body names a CalDAV precondition:
    /// Xandikos answers a UID held by another resource with 412 and `no-uid-conflict`, which no re-read can fix.
    package static func answer(_ response: CalDAVResponse, url: URL, operation: String) -> ServerAnswer {
        switch response.status {
        case 200..<300: .written(etag: response.etag)
        case 412 where DAVPrecondition.parse(response) == nil: .preconditionFailed
        case 423: .locked
        case 429, 500..<600: .serverError(status: response.status, retryAfter: response.retryAfter)
        case 404, 410: .notFound
        default:
            .refused(
                status: response.status,
                message: String(describing: CalDAVError.unexpected(response, url: url, operation: operation))
            )
        }
    }

    /// A request that got no response: dropped connections and timeouts are worth repeating, the rest is not.
    package static func failure(_ error: any Error) -> ServerAnswer {
        guard let error = error as? CalDAVError else { return .unusable(message: String(describing: error)) }
        return error.isTransient
            ? .unreachable(message: String(describing: error)) : .unusable(message: String(describing: error))
    }
}
