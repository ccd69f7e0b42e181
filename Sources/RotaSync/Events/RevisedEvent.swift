import ICalendar
import RotaModel
import StableHash

/// An event's VEVENT written once with its revision (DTSTAMP and SEQUENCE), and the content hash of the
/// same VEVENT without them, taken from those bytes instead of a second write.
///
/// Events of the plan are written from their fields by ``EventBytes``, which knows where the stamp lines
/// are. For a `Component` (the general path): the feed state compares content hashes of
/// `ICalendarWriter.write(body)`, so the hash must stay that value. The writer puts UID, DTSTAMP and
/// SEQUENCE first (its fixed VEVENT order) and never starts a physical line with a property name unless a
/// property starts there (folds start with a space, line breaks in values are escaped): the stamped bytes
/// are the body's bytes with the two stamp lines after the UID, and hashing around them gives the body's
/// hash. When the stamp lines are not found as expected (a value so long it folds), the body is written
/// and hashed as before.
struct RevisedEvent {
    /// The stamped VEVENT written: `ICalendarWriter.write(EventComponent.stamped(body, ...))`.
    let bytes: [UInt8]
    /// `bytes` without the VALARMs: what the shared feeds carry (the same bytes when it has none).
    let bytesWithoutAlarms: [UInt8]
    /// `FNV1a.hex(ICalendarWriter.write(body))`: the hash the feed state keeps.
    let contentHash: String
    /// The SEQUENCE written.
    let sequence: Int
    /// The day of the DTSTAMP written.
    let changed: LocalDate

    /// Writes the VEVENT of `event` (`EventComponent.component(for:team:)`) with a revision that depends on
    /// its content hash, straight from its fields (see ``EventBytes``) when it can.
    ///
    /// - Parameters:
    ///   - event: The event.
    ///   - team: The team's name, for `X-ROTA-TEAM`.
    ///   - guess: The revision to write first; right unless `revision` answers otherwise for the hash.
    ///   - revision: The revision for a content hash.
    init(
        _ event: FeedEvent,
        team: String,
        guess: (sequence: Int, changed: LocalDate),
        revision: (String) -> (sequence: Int, changed: LocalDate)
    ) {
        guard EventBytes.canWrite(event) else {
            self.init(EventComponent.component(for: event, team: team), guess: guess, revision: revision)
            return
        }
        var written = EventBytes(event, team: team, sequence: guess.sequence, changed: guess.changed)
        let hash = written.contentHash
        let chosen = revision(hash)
        if chosen != guess {
            written = EventBytes(event, team: team, sequence: chosen.sequence, changed: chosen.changed)
        }
        self.init(bytes: written.bytes, withoutAlarms: written.withoutAlarms, hash: hash, revision: chosen)
    }

    private init(
        bytes: [UInt8],
        withoutAlarms: [UInt8],
        hash: String,
        revision: (sequence: Int, changed: LocalDate)
    ) {
        self.bytes = bytes
        bytesWithoutAlarms = withoutAlarms
        contentHash = hash
        (sequence, changed) = revision
    }

    /// Writes `body` with a revision that depends on its content hash: the general path, for events
    /// ``EventBytes`` cannot write.
    ///
    /// - Parameters:
    ///   - body: The event without SEQUENCE and DTSTAMP (`EventComponent.component(for:team:)`).
    ///   - guess: The revision to write first; right unless `revision` answers otherwise for the hash.
    ///   - revision: The revision for a content hash.
    init(
        _ body: Component,
        guess: (sequence: Int, changed: LocalDate),
        revision: (String) -> (sequence: Int, changed: LocalDate)
    ) {
        var stamped = EventComponent.stamped(body, sequence: guess.sequence, changed: guess.changed)
        var bytes = ICalendarWriter.write(stamped)
        let hash =
            Self.hashWithoutStamp(bytes, stamp: EventComponent.stamp(sequence: guess.sequence, changed: guess.changed))
            ?? FNV1a.hex(ICalendarWriter.write(body))
        let chosen = revision(hash)
        if chosen != guess {
            stamped = EventComponent.stamped(body, sequence: chosen.sequence, changed: chosen.changed)
            bytes = ICalendarWriter.write(stamped)
        }
        self.bytes = bytes
        bytesWithoutAlarms = PublishedEvent.withoutAlarms(stamped, written: bytes)
        contentHash = hash
        (sequence, changed) = chosen
    }

    /// The FNV-1a hex of `bytes` without the first physical lines that are exactly `stamp`'s content lines,
    /// or nil when they are not there unfolded.
    static func hashWithoutStamp(_ bytes: [UInt8], stamp: [Property]) -> String? {
        var lines: [UInt8] = []
        for property in stamp {
            let line = ICalendarWriter.contentLine(for: property)
            guard line.count <= 75 else { return nil }  // folded: not one physical line
            lines += line
            lines += [0x0D, 0x0A]
        }
        return bytes.withUnsafeBytes { all -> String? in
            var lineStart = 0
            while lineStart + lines.count <= all.count {
                if all[lineStart..<(lineStart + lines.count)].elementsEqual(lines) {
                    let before = FNV1a.hash(UnsafeRawBufferPointer(rebasing: all[..<lineStart]))
                    let after = UnsafeRawBufferPointer(rebasing: all[(lineStart + lines.count)...])
                    return FNV1a.hex(of: FNV1a.hash(after, continuing: before))
                }
                // The next physical line starts after the next CR LF.
                var next = lineStart
                while next + 1 < all.count, all[next] != 0x0D || all[next + 1] != 0x0A {
                    next += 1
                }
                guard next + 1 < all.count else { return nil }
                lineStart = next + 2
            }
            return nil
        }
    }
}
