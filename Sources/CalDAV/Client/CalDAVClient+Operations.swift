public import Foundation
import Logging

extension CalDAVClient {
    /// Creates a calendar with a display name (MKCALENDAR, RFC 4791 §5.3.1).
    ///
    /// Not retried (MKCALENDAR is not idempotent: a repeat gets 405 or 409 when the first one went through).
    ///
    /// - Parameters:
    ///   - url: the new calendar's URL, a collection ending in `/` (for Radicale directly under the principal).
    ///   - displayName: the name calendar apps show.
    /// - Throws: ``CalDAVError``; code ``CalDAVError/Code/httpStatus`` with status 405 or 409 when something already
    ///   exists there.
    public func makeCalendar(at url: URL, displayName: String) async throws {
        let request = CalDAVRequests.makeCalendar(at: url, displayName: displayName)
        let response = try await send(request)
        guard response.isSuccess else {
            throw CalDAVError.unexpected(response, url: url, operation: "MKCALENDAR")
        }
    }

    /// The events overlapping a time range, with ETags and iCalendar data (REPORT calendar-query, RFC 4791 §7.8).
    ///
    /// - Parameters:
    ///   - calendar: the calendar URL.
    ///   - timeRange: the span; nil for every event.
    /// - Returns: the resources, sorted by URL.
    /// - Throws: ``CalDAVError`` for a failing request or a bad answer.
    public func events(in calendar: URL, timeRange: TimeRange?) async throws -> [CalendarResource] {
        try await calendarQuery(calendar, timeRange: timeRange, includeData: true)
    }

    /// Every event's URL and ETag, without data (REPORT calendar-query): the cheap full listing.
    ///
    /// - Parameter calendar: the calendar URL.
    /// - Returns: the resources (no ``CalendarResource/calendarData``), sorted by URL.
    /// - Throws: ``CalDAVError`` for a failing request or a bad answer.
    public func etags(in calendar: URL) async throws -> [CalendarResource] {
        try await calendarQuery(calendar, timeRange: nil, includeData: false)
    }

    /// REPORT calendar-query, read into resources.
    private func calendarQuery(
        _ calendar: URL,
        timeRange: TimeRange?,
        includeData: Bool
    ) async throws -> [CalendarResource] {
        let request = CalDAVRequests.calendarQuery(calendar: calendar, timeRange: timeRange, includeData: includeData)
        let answer = try await multistatus(request, operation: "REPORT calendar-query")
        return try sameOrigin(CalendarResource.resources(in: answer, collection: calendar))
    }

    /// Fetches these resources' ETags and data in one request (REPORT calendar-multiget, RFC 4791 §7.9).
    ///
    /// - Parameters:
    ///   - calendar: the calendar URL.
    ///   - resources: the resources wanted.
    /// - Returns: the resources that exist, sorted by URL; missing ones are left out.
    /// - Throws: ``CalDAVError`` for a failing request or a bad answer.
    public func multiget(in calendar: URL, resources: [URL]) async throws -> [CalendarResource] {
        guard !resources.isEmpty else { return [] }
        let request = CalDAVRequests.calendarMultiget(calendar: calendar, resources: resources)
        let answer = try await multistatus(request, operation: "REPORT calendar-multiget")
        return try sameOrigin(CalendarResource.resources(in: answer, collection: calendar))
    }

    /// What changed since a sync token (REPORT sync-collection, RFC 6578), falling back to a full listing.
    ///
    /// The fallback runs when the server refuses the token (Radicale answers 403, Xandikos 412, both with
    /// `<valid-sync-token/>`) or does not support sync-collection (400, 405, 415, 501, or 403 with
    /// `<supported-report/>`): it reads the calendar's current sync token, then lists every event's href and ETag
    /// with calendar-query, and returns that with ``SyncChanges/isFullListing`` set.
    ///
    /// - Parameters:
    ///   - calendar: the calendar URL.
    ///   - syncToken: the token from the last sync; nil for an initial sync.
    /// - Returns: the changes, or a full listing.
    /// - Throws: ``CalDAVError`` for a failing request or a bad answer.
    public func changes(in calendar: URL, since syncToken: String?) async throws -> SyncChanges {
        let request = CalDAVRequests.syncCollection(calendar: calendar, syncToken: syncToken)
        let response = try await send(request)
        if response.status == 207 {
            let answer = try Multistatus.parse(response, requestURL: calendar, limits: xmlLimits)
            let changes = SyncChanges.fromSyncCollection(answer, collection: calendar, isInitial: syncToken == nil)
            _ = try sameOrigin(changes.changed)
            for url in changes.deleted { try requireSameOrigin(url, what: "listed resource") }
            return changes
        }
        guard SyncChanges.requiresFullListing(after: response) else {
            throw CalDAVError.unexpected(response, url: calendar, operation: "REPORT sync-collection")
        }
        note("sync fallback", calendar, status: response.status)
        let token = try await self.calendar(at: calendar).syncToken
        let listing = try await etags(in: calendar)
        return SyncChanges(syncToken: token, changed: listing, deleted: [], isFullListing: true)
    }

    /// The resources, once each is checked to lie within the calendar's origin (an href elsewhere is refused).
    private func sameOrigin(_ resources: [CalendarResource]) throws -> [CalendarResource] {
        for resource in resources { try requireSameOrigin(resource.url, what: "listed resource") }
        return resources
    }

    /// Writes one iCalendar object, conditionally (PUT with `If-None-Match: *` or `If-Match`).
    ///
    /// Retried on 5xx, 429 and dropped connections, which the condition makes safe: a repeat of a PUT that went
    /// through gets 412 rather than writing twice.
    ///
    /// - Parameters:
    ///   - icalendar: the iCalendar bytes (CRLF line ends).
    ///   - url: the resource URL, usually `<calendar>/<uid>.ics`.
    ///   - precondition: create only, or update only the version with this ETag.
    /// - Returns: ``WriteResult/success(etag:)`` with the new ETag (nil if the server sent none), or
    ///   ``WriteResult/preconditionFailed`` on 412.
    /// - Throws: ``CalDAVError`` for any other status or a failed request.
    public func put(_ icalendar: [UInt8], at url: URL, precondition: WritePrecondition) async throws -> WriteResult {
        let response = try await send(CalDAVRequests.put(at: url, icalendar: icalendar, precondition: precondition))
        if response.status == 412 { return .preconditionFailed }
        guard response.isSuccess else { throw CalDAVError.unexpected(response, url: url, operation: "PUT") }
        if response.etag == nil { note("PUT answered without an ETag", url, status: response.status) }
        return .success(etag: response.etag)
    }

    /// Deletes one resource if it is still the version with this ETag (DELETE with `If-Match`).
    ///
    /// - Parameters:
    ///   - url: the resource URL.
    ///   - etag: the ETag last seen.
    /// - Returns: ``WriteResult/success(etag:)`` (with a nil ETag), or ``WriteResult/preconditionFailed`` on 412.
    /// - Throws: ``CalDAVError`` for any other status (404 when it is already gone) or a failed request.
    public func delete(at url: URL, etag: String) async throws -> WriteResult {
        let response = try await send(CalDAVRequests.delete(at: url, etag: etag))
        if response.status == 412 { return .preconditionFailed }
        guard response.isSuccess else { throw CalDAVError.unexpected(response, url: url, operation: "DELETE") }
        return .success(etag: nil)
    }
}
