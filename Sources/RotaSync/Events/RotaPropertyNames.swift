package import ICalendar

/// The properties rota adds to its events (RFC 5545 §3.8.8.2 `X-` names) and the feed-level ones it
/// writes, as typed names (see ``ICalendar/PropertyName``).
///
/// The `X-ROTA-` markers say which events are rota's and what each stands for; a name misspelt at one call
/// site would make rota stop recognising its own events, so every call site uses these.
extension PropertyName {
    /// The team whose rota wrote the event (and the feed); with the UID domain, what marks an event as rota's.
    package static let rotaTeam = PropertyName("X-ROTA-TEAM")
    /// `shift`, `holiday` or `backup`.
    package static let rotaKind = PropertyName("X-ROTA-KIND")
    /// The hand-off date of a shift event.
    package static let rotaShift = PropertyName("X-ROTA-SHIFT")
    /// The engineer on call (shift) or backing up (backup).
    package static let rotaEngineer = PropertyName("X-ROTA-ENGINEER")
    /// The holiday an event stands for.
    package static let rotaHoliday = PropertyName("X-ROTA-HOLIDAY")
    /// The pipeline a backup event covers.
    package static let rotaPipeline = PropertyName("X-ROTA-PIPELINE")
    /// The hash of the content rota wrote, which reveals hand edits (see ``ManagedEvent``).
    package static let rotaHash = PropertyName("X-ROTA-HASH")
    /// Apple's calendar name and zone, and the refresh hint, for subscribers that do not read RFC 7986.
    package static let calendarNameX = PropertyName("X-WR-CALNAME")
    package static let calendarTimeZoneX = PropertyName("X-WR-TIMEZONE")
    package static let publishedTTLX = PropertyName("X-PUBLISHED-TTL")
}
