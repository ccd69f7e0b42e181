package import Foundation
import ICalendar
import RotaModel

extension FeedState.Entry {
    private enum CodingKeys: String, CodingKey {
        case sequence, contentHash, changed, lastPublished, feeds, cancelled, lastDay, departedFeeds, departedCopy
    }

    /// Reads an entry of `.rota-feed-state.json`; its days are `YYYY-MM-DD` text.
    ///
    /// - Throws: ``FeedState/CorruptDate`` when `changed` or `lastDay` is not a real day: the state is
    ///   corrupt (hand-edited, or written by something else), and guessing a day would publish wrong
    ///   DTSTAMPs or drop cancelled events early.
    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        func day(_ key: CodingKeys) throws -> LocalDate {
            let text = try container.decode(String.self, forKey: key)
            guard let day = LocalDate(iso: text) else {
                let uid = decoder.codingPath.last?.stringValue ?? ""
                throw FeedState.CorruptDate(uid: uid, property: key.stringValue, text: text)
            }
            return day
        }
        sequence = try container.decode(Int.self, forKey: .sequence)
        contentHash = try container.decode(String.self, forKey: .contentHash)
        changed = try day(.changed)
        lastPublished = try container.decode(String.self, forKey: .lastPublished)
        feeds = try container.decode([String].self, forKey: .feeds)
        cancelled = try container.decode(Bool.self, forKey: .cancelled)
        lastDay = try day(.lastDay)
        departedFeeds = try container.decodeIfPresent([String].self, forKey: .departedFeeds)
        departedCopy = try container.decodeIfPresent(String.self, forKey: .departedCopy)
    }

    /// Writes the entry as the synthesized coding did, with its days as `YYYY-MM-DD` text.
    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(sequence, forKey: .sequence)
        try container.encode(contentHash, forKey: .contentHash)
        try container.encode(changed.description, forKey: .changed)
        try container.encode(lastPublished, forKey: .lastPublished)
        try container.encode(feeds, forKey: .feeds)
        try container.encode(cancelled, forKey: .cancelled)
        try container.encode(lastDay.description, forKey: .lastDay)
        try container.encodeIfPresent(departedFeeds, forKey: .departedFeeds)
        try container.encodeIfPresent(departedCopy, forKey: .departedCopy)
    }
}

extension FeedState {
    /// A day in the feed state that is not a real day: which event, which property and what it holds.
    ///
    /// A `LocalizedError`, so the CLI's message for an unreadable state file (which names the file)
    /// says exactly what is wrong in it.
    package struct CorruptDate: Error, Equatable, Sendable, CustomStringConvertible, LocalizedError {
        /// The event's UID (the key of its entry).
        package let uid: String
        /// `changed` or `lastDay`.
        package let property: String
        /// The text found instead of a `YYYY-MM-DD` day.
        package let text: String

        package var description: String {
            "event \(uid): \(property) is \"\(text)\", not a day (YYYY-MM-DD)"
        }

        package var errorDescription: String? { description }
    }
}
