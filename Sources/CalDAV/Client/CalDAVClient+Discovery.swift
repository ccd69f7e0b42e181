public import Foundation

extension CalDAVClient {
    /// Finds the principal, calendar home and calendars from ``baseURL`` (RFC 6764, RFC 5397, RFC 4791 §6.2.1).
    ///
    /// Runs ``DiscoveryStateMachine``: `/.well-known/caldav` on the base URL's host first (its redirect followed, as
    /// Radicale's 301 and Xandikos' 302 to `/`), the base URL itself if that gives no principal, then the principal's
    /// calendar home and the calendars in it.
    ///
    /// - Returns: principal, home and calendars.
    /// - Throws: ``CalDAVError`` with code ``CalDAVError/Code/discovery`` when no principal or home is found,
    ///   ``CalDAVError/Code/unauthorized`` for bad credentials, or the error of a failing request.
    public func discover() async throws -> Discovery {
        var machine = DiscoveryStateMachine(baseURL: baseURL, limits: xmlLimits)
        var action = machine.start()
        while true {
            switch action {
            case .send(let request):
                do {
                    action = machine.receive(try await send(request))
                } catch let error as CalDAVError {
                    action = machine.transportFailed(error)
                }
            case .finished(let discovery):
                return discovery
            case .failed(let error):
                throw error
            }
        }
    }

    /// Lists the calendars in a calendar home (PROPFIND Depth 1), leaving out the home and non-calendar collections.
    ///
    /// - Parameter home: the calendar home URL.
    /// - Returns: the calendars, with display name, colour, ctag, sync token and supported components.
    /// - Throws: ``CalDAVError`` for a failing request or a bad answer.
    public func calendars(home: URL) async throws -> [CalendarCollection] {
        let answer = try await multistatus(CalDAVRequests.calendars(home: home), operation: "PROPFIND calendars")
        return CalendarCollection.calendars(in: answer)
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

    /// The calendar at `url`, checked to be one that takes events, before anything is written to it.
    ///
    /// A calendar home or any other collection would accept PUTs on some servers and fill up with events nobody
    /// sees; so `url` must have resourcetype `calendar` and, when the server lists its component set, `VEVENT`.
    ///
    /// - Parameter url: the calendar URL given by the user.
    /// - Returns: the calendar.
    /// - Throws: ``CalDAVError`` with code ``CalDAVError/Code/notACalendar``, naming the calendars found under `url`
    ///   (one more PROPFIND), or ``CalDAVError/Code/notFound``.
    public func writableCalendar(at url: URL) async throws -> CalendarCollection {
        let collection = try await calendar(at: url)
        let takesEvents = collection.supportedComponents.isEmpty || collection.supportedComponents.contains("VEVENT")
        if collection.isCalendar && takesEvents { return collection }
        let inside = (try? await calendars(home: url)) ?? []
        let names = inside.filter { $0.url != url }.map {
            "\($0.displayName ?? "(no name)") at \($0.url.absoluteString)"
        }
        let what = collection.isCalendar ? "a calendar that does not take events (VEVENT)" : "not a calendar collection"
        throw CalDAVError(
            .notACalendar,
            url: url,
            detail: "\(url.absoluteString) is \(what); nothing was written"
                + (names.isEmpty ? "" : ". Calendars under it: " + names.joined(separator: "; ")),
            hint: "give one of those calendars with --calendar, or use --server with --calendar-name to find one"
        )
    }
}
