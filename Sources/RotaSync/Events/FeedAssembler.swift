import Foundation
import ICalendar
package import RotaModel
import StableHash

/// Writes rota's events into iCalendar feeds, numbering revisions from what was published before.
///
/// An event keeps its SEQUENCE and DTSTAMP while its content stays the same, so an unchanged plan
/// gives byte-identical feeds day after day; a changed event gets SEQUENCE + 1; an event that left the
/// plan is published as STATUS:CANCELLED (once more with SEQUENCE + 1) until the feed window passes it,
/// so subscribed calendars drop it instead of keeping a ghost.
package enum FeedAssembler {
    package struct Output: Sendable {
        /// Feed name -> the feed's bytes, for every feed of the config.
        package let feeds: [String: [UInt8]]
        /// Feed name -> how many events (cancelled ones included) the feed holds.
        package let eventCounts: [String: Int]
        package let state: FeedState
    }

    /// The product identifier in every feed (RFC 5545 §3.7.3).
    package static let productID = "-//rota//rota on-call feeds//EN"

    /// Assembles every feed of `config` from `events`.
    ///
    /// - Parameters:
    ///   - events: What the plan publishes now (from `FeedPlanner`).
    ///   - previous: What was published before; `.empty` for a first export.
    ///   - config: Names, UID domain and zone.
    ///   - asOf: Today, as a value: the DTSTAMP of events that change now.
    ///   - windowStart: The first day of the feed window; cancelled events that ended before it are dropped.
    /// - Returns: The feeds and the state to keep for next time.
    package static func assemble(
        _ events: [FeedEvent],
        previous: FeedState,
        config: TeamConfig,
        asOf: LocalDate,
        windowStart: LocalDate
    ) -> Output {
        var state = FeedState()
        var published: [PublishedEvent] = []
        // Sized once for the events of the plan: growing a dictionary of a few thousand entries rehashes it
        // again and again.
        state.events.reserveCapacity(events.count)
        published.reserveCapacity(events.count)
        let wallClock = EventComponent.calendar(in: config.rotation.timeZone.timeZone)
        for event in events {
            let before = previous.events[event.uid]
            // An event keeps its revision while its content stays the same: the usual case, so written first.
            let guess = before.map { $0.cancelled ? ($0.sequence + 1, asOf) : ($0.sequence, $0.changed) } ?? (0, asOf)
            let revised = RevisedEvent(event, team: config.team, guess: guess) { hash in
                guard let before else { return (0, asOf) }
                return before.contentHash == hash && !before.cancelled
                    ? (before.sequence, before.changed) : (before.sequence + 1, asOf)
            }
            var entry = FeedState.Entry(
                sequence: revised.sequence,
                contentHash: revised.contentHash,
                changed: revised.changed,
                lastPublished: String(decoding: revised.bytes, as: UTF8.self),
                feeds: event.feeds,
                cancelled: false,
                lastDay: EventComponent.lastDay(of: event.end)
            )
            let sortKey = EventComponent.sortKey(event.start, uid: event.uid)
            let current = PublishedEvent(
                revised,
                feeds: event.feeds,
                sortKey: sortKey,
                years: EventComponent.years(of: event, calendar: wallClock)
            )
            if let before,
                let departed = departedCopy(of: before, now: entry, feeds: event.feeds, asOf: asOf)
            {
                let copy = PublishedEvent(
                    departed.component,
                    feeds: departed.feeds,
                    sortKey: sortKey,
                    calendar: wallClock
                )
                entry.departedFeeds = departed.feeds
                entry.departedCopy = String(decoding: copy.bytes, as: UTF8.self)
                published.append(copy)
            }
            state.events[event.uid] = entry
            published.append(current)
        }
        for (uid, before) in previous.events.sorted(by: { $0.key < $1.key }) where state.events[uid] == nil {
            guard before.lastDay >= windowStart,
                let old = try? ICalendarReader.readComponents(Array(before.lastPublished.utf8)).first
            else { continue }
            var entry = before
            // Feeds the event had already left get the final cancelled version too.
            entry.feeds = (before.feeds + (before.departedFeeds ?? [])).uniqueSorted
            entry.departedFeeds = nil
            entry.departedCopy = nil
            if !before.cancelled {
                entry.sequence += 1
                entry.changed = asOf
                entry.cancelled = true
            }
            let component = EventComponent.cancelled(old, sequence: entry.sequence, changed: entry.changed)
            let start = EventComponent.startKey(of: old)
            let cancelled = PublishedEvent(
                component,
                feeds: entry.feeds,
                sortKey: "\(start) \(uid)",
                calendar: wallClock
            )
            entry.lastPublished = String(decoding: cancelled.bytes, as: UTF8.self)
            state.events[uid] = entry
            published.append(cancelled)
        }
        published.sort { $0.sortKey < $1.sortKey }
        var feeds: [String: [UInt8]] = [:]
        var eventCounts: [String: Int] = [:]
        var timeZones = FeedTimeZones(zone: config.rotation.timeZone)
        for name in FeedNames.all(config) {
            // Reminders belong to the person on call: only engineer feeds keep the VALARMs.
            let keepsAlarms = FeedNames.isEngineerFeed(name)
            let carried = published.filter { $0.feeds.contains(name) }
            let years = carried.lazy.compactMap(\.years).reduce(nil) { (years: ClosedRange<Int>?, next) in
                years.map { min($0.lowerBound, next.lowerBound)...max($0.upperBound, next.upperBound) } ?? next
            }
            feeds[name] = ICalendarWriter.write(
                calendar(name, timeZones: timeZones.components(covering: years), config: config),
                appendingWritten: carried.map { keepsAlarms ? $0.bytes : $0.bytesWithoutAlarms }
            )
            eventCounts[name] = carried.count
        }
        return Output(feeds: feeds, eventCounts: eventCounts, state: state)
    }

    /// The cancelled event for the feeds that carried an event before and do not now, if any.
    ///
    /// A feed keeps the copy it got when the event left it, until the event comes back to that feed
    /// or leaves the plan; the copy's SEQUENCE is above anything that feed saw of the event.
    private static func departedCopy(
        of before: FeedState.Entry,
        now: FeedState.Entry,
        feeds: [String],
        asOf: LocalDate
    ) -> (feeds: [String], component: Component)? {
        let stillDeparted = (before.departedFeeds ?? []).filter { !feeds.contains($0) }
        let newlyDeparted = before.cancelled ? [] : before.feeds.filter { !feeds.contains($0) }
        guard !stillDeparted.isEmpty || !newlyDeparted.isEmpty else { return nil }
        if newlyDeparted.isEmpty, let copy = before.departedCopy,
            let old = try? ICalendarReader.readComponents(Array(copy.utf8)).first
        {
            return (stillDeparted, old)
        }
        guard let old = try? ICalendarReader.readComponents(Array(before.lastPublished.utf8)).first else {
            return nil
        }
        let sequence = max(now.sequence, before.sequence + 1)
        let component = EventComponent.cancelled(old, sequence: sequence, changed: asOf)
        return ((stillDeparted + newlyDeparted).uniqueSorted, component)
    }

    /// A VCALENDAR with the calendar properties subscribers need (RFC 7986 NAME and REFRESH-INTERVAL,
    /// and the common X-WR-CALNAME, X-PUBLISHED-TTL, X-WR-TIMEZONE) and the VTIMEZONE for the rotation's zone;
    /// the events follow it, written already.
    private static func calendar(_ name: String, timeZones: [Component], config: TeamConfig) -> Component {
        let zone = config.rotation.timeZone.identifier
        let title = FeedTitles.title(of: name, config: config)
        var properties = [
            Property(name: "VERSION", value: "2.0"),
            Property(name: "PRODID", value: productID),
            Property(name: "CALSCALE", value: "GREGORIAN"),
            Property(name: "NAME", value: title),
            Property(name: .calendarNameX, value: title),
            Property(name: .calendarTimeZoneX, value: zone),
            Property(
                name: "REFRESH-INTERVAL",
                parameters: [Parameter(name: "VALUE", value: "DURATION")],
                value: "PT1H"
            ),
            Property(name: .publishedTTLX, value: "PT1H"),
        ]
        properties.append(Property(name: .rotaTeam, value: config.team))
        return Component(
            name: "VCALENDAR",
            properties: properties,
            components: timeZones
        )
    }
}

/// Human titles of the feeds, as calendar apps show them.
package enum FeedTitles {
    package static func title(of feed: String, config: TeamConfig) -> String {
        if feed == FeedNames.team { return config.feeds.calendarName }
        if let engineer = config.engineers.first(where: { FeedNames.engineer($0.id) == feed }) {
            return "\(engineer.name): \(config.feeds.calendarName)"
        }
        if let pipeline = config.pipelines.first(where: { FeedNames.pipeline($0.id) == feed }) {
            return "\(pipeline.name): \(config.feeds.calendarName)"
        }
        return feed
    }
}

extension Array where Element == String {
    /// The distinct elements in ascending order.
    fileprivate var uniqueSorted: [String] { Set(self).sorted() }
}
