public import Foundation

/// What discovery found: the account's principal, its calendar home, and the calendars in it.
public struct Discovery: Equatable, Sendable {
    /// The principal URL (RFC 5397 `current-user-principal`).
    public var principal: URL
    /// The calendar home (RFC 4791 `calendar-home-set`).
    public var calendarHome: URL
    /// The calendars in the home, in the server's order.
    public var calendars: [CalendarCollection]

    /// Creates a discovery result.
    ///
    /// - Parameters:
    ///   - principal: the principal URL.
    ///   - calendarHome: the calendar home URL.
    ///   - calendars: the calendars.
    public init(principal: URL, calendarHome: URL, calendars: [CalendarCollection]) {
        self.principal = principal
        self.calendarHome = calendarHome
        self.calendars = calendars
    }
}
