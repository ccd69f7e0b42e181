package import Foundation
package import RotaModel

/// What rota last published for each event: the memory that lets SEQUENCE grow only when an event
/// changes, and lets a shift that left the plan stay in the feeds as cancelled.
///
/// `rota export` keeps it beside the feeds (`.rota-feed-state.json`); it is derived data, safe to
/// delete (sequences then start again from 0, which calendar apps accept for events they re-fetch).
package struct FeedState: Hashable, Sendable, Codable {
    package struct Entry: Hashable, Sendable, Codable {
        package var sequence: Int
        /// FNV-1a hash of the event's content without SEQUENCE and DTSTAMP.
        package var contentHash: String
        /// The day the content last changed; the event's DTSTAMP, so unchanged feeds keep their bytes.
        package var changed: LocalDate
        /// The event as last published (ICS text of its VEVENT), to write it again as cancelled.
        package var lastPublished: String
        /// The feeds that carried it.
        package var feeds: [String]
        /// Whether it has been published as STATUS:CANCELLED.
        package var cancelled: Bool
        /// The last day of the event (its end), to drop cancelled events once the window passes them.
        package var lastDay: LocalDate
        /// Feeds the event has left while it stays in the plan (a swap moved it to another engineer's
        /// feed): they carry ``departedCopy`` instead, so the old assignee's calendar sees it cancelled.
        ///
        /// Optional so that state written before these existed still reads.
        package var departedFeeds: [String]?
        /// The cancelled event those feeds carry (ICS text of its VEVENT).
        package var departedCopy: String?
    }

    package var events: [String: Entry]

    package init(events: [String: Entry] = [:]) {
        self.events = events
    }

    package static let empty = FeedState()
}
