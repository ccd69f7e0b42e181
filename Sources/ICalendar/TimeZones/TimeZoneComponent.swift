public import Foundation

/// Builds VTIMEZONE components (RFC 5545 §3.6.5) from the tz database that Foundation carries.
public enum TimeZoneComponent {
    /// A VTIMEZONE for `tzid` whose observances give the right UTC offset at every instant of every
    /// calendar year that `covering` touches, and of the year after.
    ///
    /// Each offset change comes from `TimeZone.nextDaylightSavingTimeTransition(after:)`; TZOFFSETFROM
    /// and TZOFFSETTO are the offsets just before and at it, and DTSTART is its wall-clock time in the
    /// offset before it. Changes of one kind (same offsets and name) that follow one yearly rule in
    /// consecutive years become one STANDARD or DAYLIGHT block with `RRULE:FREQ=YEARLY;BYMONTH=m;
    /// BYDAY=nDD` (a positive ordinal up to 4, else `-1` for the last); the rule gets an UNTIL when
    /// it would predict a change inside the covered years that did not happen, as when the US moved
    /// its dates in 2007. Changes that fit no rule become RDATEs. A zone with no change in the covered
    /// years gets one STANDARD (or DAYLIGHT) block starting 1970-01-01, as Asia/Kolkata does. TZNAME
    /// is the zone's short English name (`EST`), or `GMT+10` built from the period's own offset where
    /// English has none; an abbreviation is today's, which for long-past periods may be anachronistic.
    ///
    /// - Parameters:
    ///   - tzid: An IANA zone identifier, such as `America/New_York`.
    ///   - covering: The instants the calendar's events span; whole years around them are covered.
    /// - Returns: The component, with observances in time order; `nil` for a zone Foundation does not know.
    public static func component(tzid: String, covering: ClosedRange<Date>) -> Component? {
        guard let zone = TimeZone(identifier: tzid) else { return nil }
        return component(tzid: tzid, zone: zone, covering: covering)
    }

    /// The VTIMEZONE of a zone the caller has resolved already; see ``component(tzid:covering:)``.
    ///
    /// An app that validates zone names once (as rota does) passes the zone it holds, so the name is not
    /// looked up in the tz database again.
    ///
    /// - Parameters:
    ///   - tzid: The TZID to write: the name `zone` was resolved from.
    ///   - zone: The zone `tzid` names.
    ///   - covering: The instants the calendar's events span; whole years around them are covered.
    /// - Returns: The component, with observances in time order.
    public static func component(tzid: String, zone: TimeZone, covering: ClosedRange<Date>) -> Component? {
        component(tzid: tzid, zone: zone, years: year(of: covering.lowerBound)...year(of: covering.upperBound))
    }

    /// The VTIMEZONE of a resolved zone for events in the UTC calendar years `years`; see
    /// ``component(tzid:covering:)``, which covers the years of its instants (``year(of:)``).
    ///
    /// The component depends on nothing but its arguments, and an app that writes many calendars in one
    /// zone asks for the same one again and again: each is made once per process (walking the tz data and
    /// asking ICU for English names is not free) and kept.
    ///
    /// - Parameters:
    ///   - tzid: The TZID to write: the name `zone` was resolved from.
    ///   - zone: The zone `tzid` names.
    ///   - years: The UTC calendar years the events touch, within 1...9999.
    /// - Returns: The component, with observances in time order.
    public static func component(tzid: String, zone: TimeZone, years: ClosedRange<Int>) -> Component? {
        let years = min(max(years.lowerBound, 1), 9999)...min(max(years.upperBound, 1), 9999)
        let key = MadeKey(tzid: tzid, zone: zone, years: years)
        if let known = made.withLock({ $0[key] }) { return known }
        let component = make(tzid: tzid, zone: zone, firstYear: years.lowerBound, lastYear: years.upperBound)
        made.withLock { made in
            // A bound for a long-running app that meets many zones; rota meets a handful.
            if made.count >= 1024 { made.removeAll() }
            made[key] = component
        }
        return component
    }

    /// The UTC calendar year of `instant`, clamped to 1...9999, as ``component(tzid:covering:)`` counts years.
    public static func year(of instant: Date) -> Int {
        CivilDay(daysSinceEpoch: floorDays(instant)).year
    }

    /// What a made component depends on.
    private struct MadeKey: Hashable {
        let tzid: String
        let zone: TimeZone
        let years: ClosedRange<Int>
    }

    /// The components made so far in this process.
    private static let made = MadeComponents()

    /// A dictionary behind a lock (`Synchronization.Mutex` needs macOS 15; the package supports 14).
    ///
    /// `@unchecked Sendable`: `components` is read and written only inside `withLock`, while `lock` is held.
    private final class MadeComponents: @unchecked Sendable {
        private let lock = NSLock()
        private var components: [MadeKey: Component] = [:]

        func withLock<Result>(_ body: (inout [MadeKey: Component]) -> Result) -> Result {
            lock.lock()
            defer { lock.unlock() }
            return body(&components)
        }
    }

    private static func make(tzid: String, zone: TimeZone, firstYear: Int, lastYear: Int) -> Component {
        // A day of margin before covers local years in every zone (offsets stay within ±14 h); the year
        // after the last is covered too, so even one covered year shows both changes recurring.
        let start = (CivilDay(uncheckedYear: firstYear, month: 1, day: 1).daysSinceEpoch - 1) * 86_400
        let end = (CivilDay(uncheckedYear: lastYear + 2, month: 1, day: 1).daysSinceEpoch + 1) * 86_400
        let found = ZoneTransition.transitions(of: zone, from: start, through: end)
        let initial = found.previous ?? steadyObservance(of: zone, at: start)
        let observances = ObservanceBuilder(transitions: [initial] + found.inRange, rangeEnd: end).observances()
        return Component(
            name: "VTIMEZONE",
            properties: [Property(name: "TZID", value: tzid)],
            components: observances
        )
    }

    private static func floorDays(_ date: Date) -> Int {
        let seconds = date.timeIntervalSince1970
        guard seconds.isFinite else { return 0 }
        let clamped = min(max(seconds, -62_135_596_800), 253_402_300_799)  // years 1 to 9999
        return Int((clamped / 86_400).rounded(.down))
    }

    /// The period in force at `start` when the zone did not change shortly before it: it starts at
    /// 1970-01-01 local time (or at `start` for earlier dates), with the same offset on both sides.
    private static func steadyObservance(of zone: TimeZone, at start: Int) -> ZoneTransition {
        let date = Date(timeIntervalSince1970: TimeInterval(start))
        let offset = zone.secondsFromGMT(for: date)
        let isDaylight = zone.isDaylightSavingTime(for: date)
        return ZoneTransition(
            instant: min(start, -offset),
            offsetFrom: offset,
            offsetTo: offset,
            isDaylight: isDaylight,
            name: ZoneTransition.name(of: zone, daylight: isDaylight, offset: offset)
        )
    }
}
