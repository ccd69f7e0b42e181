public import Foundation

extension CalDAVClient {
    /// Finds the principal, calendar home and calendars from ``baseURL`` (RFC 6764, RFC 5397, RFC 4791 §6.2.1).
    ///
    /// Asks `/.well-known/caldav` on the base URL's host first (following its redirect, as Radicale's 301 and
    /// Xandikos' 302 to `/`); if that gives no principal, asks the base URL itself.
    ///
    /// - Returns: principal, home and calendars.
    /// - Throws: ``CalDAVError`` with code ``CalDAVError/Code/discovery`` when no principal or home is found, or the
    ///   error of a failing request.
    public func discover() async throws -> Discovery {
        let principal = try await findPrincipal()
        let homeAnswer = try await multistatus(
            CalDAVRequests.calendarHomeSet(principal: principal),
            operation: "PROPFIND"
        )
        guard let home = homeAnswer.firstHref(.calDAV("calendar-home-set")) else {
            throw CalDAVError(
                .discovery,
                url: principal,
                detail: "the principal has no calendar-home-set",
                hint: "the account may have no calendars; give the calendar's URL directly"
            )
        }
        return Discovery(principal: principal, calendarHome: home, calendars: try await calendars(home: home))
    }

    private func findPrincipal() async throws -> URL {
        var candidates: [URL] = []
        if var wellKnown = URLComponents(url: baseURL, resolvingAgainstBaseURL: true) {
            wellKnown.path = "/.well-known/caldav"
            wellKnown.query = nil
            if let url = wellKnown.url { candidates.append(url) }
        }
        candidates.append(baseURL)
        var lastError: CalDAVError?
        for candidate in candidates {
            do {
                let answer = try await multistatus(
                    CalDAVRequests.currentUserPrincipal(at: candidate),
                    operation: "PROPFIND current-user-principal"
                )
                if let principal = answer.firstHref(.dav("current-user-principal")) { return principal }
            } catch let error as CalDAVError where error.code != .unauthorized {
                lastError = error
            }
        }
        throw CalDAVError(
            .discovery,
            url: baseURL,
            detail: "no current-user-principal at /.well-known/caldav or the URL given"
                + (lastError.map { " (last: \($0.code), \($0.detail))" } ?? ""),
            hint: "give the principal or calendar URL directly"
        )
    }

    /// Lists the calendars in a calendar home (PROPFIND Depth 1), leaving out the home and non-calendar collections.
    ///
    /// - Parameter home: the calendar home URL.
    /// - Returns: the calendars, with display name, colour, ctag, sync token and supported components.
    /// - Throws: ``CalDAVError`` for a failing request or a bad answer.
    public func calendars(home: URL) async throws -> [CalendarCollection] {
        let answer = try await multistatus(CalDAVRequests.calendars(home: home), operation: "PROPFIND calendars")
        return CalendarCollection.collections(in: answer).filter(\.isCalendar)
    }

    /// Reads one calendar's properties (PROPFIND Depth 0): its ctag and sync token tell whether anything changed.
    ///
    /// - Parameter url: the calendar URL.
    /// - Returns: the calendar.
    /// - Throws: ``CalDAVError`` with code ``CalDAVError/Code/notFound`` when it does not exist.
    public func calendar(at url: URL) async throws -> CalendarCollection {
        let answer = try await multistatus(CalDAVRequests.calendarProperties(calendar: url), operation: "PROPFIND")
        guard let collection = CalendarCollection.collections(in: answer).first else {
            throw CalDAVError(
                .notFound,
                url: url,
                detail: "no collection at this URL",
                hint: "check the calendar URL; `rota push` can create the calendar"
            )
        }
        return collection
    }
}
