public import Foundation

/// Discovery (RFC 6764, RFC 5397, RFC 4791 §6.2.1) as a pure state machine: it says which request to send next and
/// reads each answer, and a thin executor (``CalDAVClient/discover()``) does the sending.
///
/// Transitions:
/// - start: PROPFIND `current-user-principal` at `/.well-known/caldav` on the base URL's host (redirects are the
///   executor's job, as Radicale's 301 and Xandikos' 302 to `/`).
/// - well-known answered with a principal: ask it for `calendar-home-set`. A 401 or 403 fails at once (the
///   credentials are wrong everywhere); any other answer falls back to asking the base URL itself.
/// - base URL answered with a principal: ask it for the home; otherwise fail with ``CalDAVError/Code/discovery``.
/// - principal answered with a home: list the home's calendars (PROPFIND Depth 1); otherwise fail.
/// - home answered 207: finished, with the calendars only (not the home or other collections).
/// - a transport failure at any step fails discovery with that error.
public struct DiscoveryStateMachine: Sendable {
    /// What the executor must do next.
    public enum Action: Equatable, Sendable {
        /// Send this request and hand its response to ``DiscoveryStateMachine/receive(_:)``.
        case send(CalDAVRequest)
        /// Discovery is complete.
        case finished(Discovery)
        /// Discovery failed.
        case failed(CalDAVError)
    }

    private enum State: Sendable {
        case idle
        case askingWellKnown(URL)
        case askingBase
        case askingHome(principal: URL)
        case listing(principal: URL, home: URL)
        case done
    }

    private let baseURL: URL
    private let limits: DAVXML.Limits
    private var state: State = .idle

    /// Creates a machine for the URL the user gave.
    ///
    /// - Parameters:
    ///   - baseURL: a server root, principal, home or calendar URL.
    ///   - limits: the XML size cap for the answers.
    public init(baseURL: URL, limits: DAVXML.Limits = .standard) {
        self.baseURL = baseURL
        self.limits = limits
    }

    /// The first action: ask `/.well-known/caldav` for the principal.
    ///
    /// - Returns: the request to send.
    public mutating func start() -> Action {
        guard var components = URLComponents(url: baseURL, resolvingAgainstBaseURL: true) else { return askBase() }
        components.path = "/.well-known/caldav"
        components.query = nil
        components.fragment = nil
        guard let wellKnown = components.url else { return askBase() }
        state = .askingWellKnown(wellKnown)
        return .send(CalDAVRequests.currentUserPrincipal(at: wellKnown))
    }

    /// Reads the answer to the last request sent.
    ///
    /// - Parameter response: the response (after redirects).
    /// - Returns: the next action.
    public mutating func receive(_ response: CalDAVResponse) -> Action {
        switch state {
        case .idle, .done:
            return fail(
                CalDAVError(
                    .discovery,
                    url: baseURL,
                    detail: "a response arrived when discovery was not waiting for one",
                    hint: "this is a bug in the caller of DiscoveryStateMachine"
                )
            )
        case .askingWellKnown(let url):
            if response.status == 401 || response.status == 403 {
                return fail(CalDAVError.unexpected(response, url: url, operation: "PROPFIND current-user-principal"))
            }
            guard let principal = href(.dav("current-user-principal"), in: response, at: url) else { return askBase() }
            return askHome(principal)
        case .askingBase:
            guard response.status == 207 else {
                return fail(
                    CalDAVError.unexpected(response, url: baseURL, operation: "PROPFIND current-user-principal")
                )
            }
            guard let principal = href(.dav("current-user-principal"), in: response, at: baseURL) else {
                return fail(
                    CalDAVError(
                        .discovery,
                        url: baseURL,
                        status: response.status,
                        detail: "no current-user-principal at /.well-known/caldav or at the URL given",
                        hint: "give the principal or calendar URL directly"
                    )
                )
            }
            return askHome(principal)
        case .askingHome(let principal):
            guard response.status == 207 else {
                return fail(CalDAVError.unexpected(response, url: principal, operation: "PROPFIND calendar-home-set"))
            }
            guard let home = href(.calDAV("calendar-home-set"), in: response, at: principal) else {
                return fail(
                    CalDAVError(
                        .discovery,
                        url: principal,
                        status: response.status,
                        detail: "the principal has no calendar-home-set",
                        hint: "the account may have no calendars; give the calendar's URL directly"
                    )
                )
            }
            state = .listing(principal: principal, home: home)
            return .send(CalDAVRequests.calendars(home: home))
        case .listing(let principal, let home):
            guard response.status == 207 else {
                return fail(CalDAVError.unexpected(response, url: home, operation: "PROPFIND calendars"))
            }
            do {
                let answer = try Multistatus.parse(response, requestURL: home, limits: limits)
                state = .done
                return .finished(
                    Discovery(
                        principal: principal,
                        calendarHome: home,
                        calendars: CalendarCollection.calendars(in: answer)
                    )
                )
            } catch let error as CalDAVError {
                return fail(error)
            } catch {
                return fail(CalDAVError(.xmlMalformed, url: home, detail: "\(error)", hint: "retry"))
            }
        }
    }

    /// Reads a failure to get any response to the last request.
    ///
    /// - Parameter error: the transport's error.
    /// - Returns: ``Action/failed(_:)`` with it.
    public mutating func transportFailed(_ error: CalDAVError) -> Action {
        fail(error)
    }

    private mutating func askBase() -> Action {
        state = .askingBase
        return .send(CalDAVRequests.currentUserPrincipal(at: baseURL))
    }

    private mutating func askHome(_ principal: URL) -> Action {
        state = .askingHome(principal: principal)
        return .send(CalDAVRequests.calendarHomeSet(principal: principal))
    }

    private mutating func fail(_ error: CalDAVError) -> Action {
        state = .done
        return .failed(error)
    }

    /// The href inside a property of a 207 answer, or nil for any other answer or a body that does not parse.
    private func href(_ property: DAVXML.Name, in response: CalDAVResponse, at url: URL) -> URL? {
        guard response.status == 207,
            let answer = try? Multistatus.parse(response.body, requestURL: url, limits: limits)
        else { return nil }
        return answer.firstHref(property)
    }
}
