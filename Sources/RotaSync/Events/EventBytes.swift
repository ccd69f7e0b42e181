import ICalendar
import RotaModel
import StableHash

/// A `FeedEvent`'s VEVENT with its revision, written straight to bytes in one pass, knowing where its
/// DTSTAMP and SEQUENCE lines and its VALARM stand.
///
/// The bytes are `ICalendarWriter.write(EventComponent.stamped(EventComponent.component(for:team:), ...))`
/// (that path stays the definition, and a test checks the two agree over many generated events). Writing the
/// fields in the writer's fixed order makes no `Component` to be ordered, written and then searched: the
/// content hash is the hash of the bytes around the stamp lines, and the event without its alarm is a cut.
struct EventBytes {
    /// The stamped VEVENT.
    let bytes: [UInt8]
    /// The DTSTAMP and SEQUENCE lines in `bytes`: what the content hash leaves out.
    let stamp: Range<Int>
    /// Where `BEGIN:VALARM` starts in `bytes`, if the event has an alarm.
    let alarmStart: Int?

    /// Whether the bytes come out in the writer's order.
    ///
    /// Not when a marker has a name of the writer's fixed VEVENT order (such as `URL`), which the writer
    /// would move up: such an event takes the `Component` path.
    static func canWrite(_ event: FeedEvent) -> Bool {
        // rota's markers are `X-` names, which no fixed order lists: only others are looked up.
        !event.markers.contains { !$0.name.hasPrefix("X-") && fixedOrder.contains($0.name) }
    }

    private static let fixedOrder = ICalendarWriter.fixedOrder(of: "VEVENT")

    /// The VEVENT of `event` stamped with `sequence` and `changed`; for an event ``canWrite(_:)`` accepts.
    init(_ event: FeedEvent, team: String, sequence: Int, changed: LocalDate) {
        var writer = ContentLineWriter(reservingCapacity: 1024)
        writer.begin("VEVENT")
        writer.appendRaw(.uid, event.uid)
        let stampStart = writer.count
        writer.appendDateTime(.dtStamp, EventComponent.stampValue(changed))
        writer.appendRaw(.sequence, String(sequence))
        stamp = stampStart..<writer.count
        writer.appendDateTime(.dtStart, event.start)
        writer.appendDateTime(.dtEnd, event.end)
        writer.appendText(.summary, event.summary)
        writer.appendText(.description, event.description)
        writer.appendTextList(.categories, event.categories)
        writer.appendRaw(.status, event.status.rawValue)
        writer.appendRaw(.transparency, "TRANSPARENT")
        writer.appendText(.rotaTeam, team)
        for marker in event.markers {
            writer.append(marker)
        }
        if let minutes = event.alarmMinutesBefore {
            alarmStart = writer.count
            writer.begin("VALARM")
            writer.appendRaw(.action, "DISPLAY")
            writer.appendRaw(.trigger, EventComponent.duration(minutesBefore: minutes))
            writer.appendText(.description, event.summary)
            writer.end("VALARM")
        } else {
            alarmStart = nil
        }
        writer.end("VEVENT")
        bytes = writer.bytes
    }

    /// `FNV1a.hex(ICalendarWriter.write(body))` of the event without its stamp: the bytes around the stamp
    /// lines, as the writer puts nothing else between the UID and DTSTART lines.
    var contentHash: String {
        bytes.withUnsafeBytes { all in
            let before = FNV1a.hash(UnsafeRawBufferPointer(rebasing: all[..<stamp.lowerBound]))
            let after = UnsafeRawBufferPointer(rebasing: all[stamp.upperBound...])
            return FNV1a.hex(of: FNV1a.hash(after, continuing: before))
        }
    }

    /// The event without its VALARM, as shared feeds carry it: the bytes before the alarm, then the END line.
    var withoutAlarms: [UInt8] {
        guard let alarmStart else { return bytes }
        var cut = Array(bytes[..<alarmStart])
        cut.append(contentsOf: "END:VEVENT\r\n".utf8)
        return cut
    }
}
