internal import Foundation

/// One change of a zone's UTC offset or daylight-saving flag, as Foundation's tz data reports it.
struct ZoneTransition {
    /// The instant of the change, in seconds since 1970-01-01T00:00:00Z.
    let instant: Int
    let offsetFrom: Int
    let offsetTo: Int
    let isDaylight: Bool
    let name: String

    /// The wall-clock time of the change in the offset before it, as VTIMEZONE's DTSTART and RDATE
    /// express onsets (RFC 5545 §3.6.5).
    var onset: DateTimeValue.LocalParts { Self.localParts(instant + offsetFrom) }

    var onsetDay: CivilDay {
        let parts = onset
        return CivilDay(uncheckedYear: parts.year, month: parts.month, day: parts.day)
    }

    /// Seconds since local midnight of the onset.
    var onsetTimeOfDay: Int {
        let parts = onset
        return parts.hour * 3600 + parts.minute * 60 + parts.second
    }

    /// The transitions of `zone` in `start...end`, and the last one at or before `start` (`nil` if the
    /// zone did not change in the two years before `start`).
    static func transitions(
        of zone: TimeZone,
        from start: Int,
        through end: Int
    ) -> (previous: ZoneTransition?, inRange: [ZoneTransition]) {
        var previous: ZoneTransition?
        var inRange: [ZoneTransition] = []
        var cursor = Date(timeIntervalSince1970: TimeInterval(start - 2 * 366 * 86_400))
        // A bound on the loop, far above the two transitions a year of any real zone.
        let maximumCount = 4 * max(1, (end - start) / (365 * 86_400) + 3)
        var count = 0
        while count < maximumCount, let next = zone.nextDaylightSavingTimeTransition(after: cursor), next > cursor {
            let instant = Int(next.timeIntervalSince1970.rounded())
            guard instant <= end else { break }
            let transition = make(zone, at: instant)
            if instant <= start { previous = transition } else { inRange.append(transition) }
            cursor = next
            count += 1
        }
        return (previous, inRange)
    }

    /// A change at `instant`: the offsets just before and at it, and the name of the new period.
    static func make(_ zone: TimeZone, at instant: Int) -> ZoneTransition {
        let date = Date(timeIntervalSince1970: TimeInterval(instant))
        let isDaylight = zone.isDaylightSavingTime(for: date)
        let offsetTo = zone.secondsFromGMT(for: date)
        return ZoneTransition(
            instant: instant,
            offsetFrom: zone.secondsFromGMT(for: date.addingTimeInterval(-1)),
            offsetTo: offsetTo,
            isDaylight: isDaylight,
            name: name(of: zone, daylight: isDaylight, offset: offsetTo)
        )
    }

    /// TZNAME: the zone's short English name (`EST`, `EDT`); `abbreviation()` would give `GMT-5`.
    ///
    /// Where English has no abbreviation, ICU answers `GMT+10` from the zone's current rules, which is
    /// wrong for a period with another offset (Brazil's former summer time would read `GMT-3`), so
    /// such names are rebuilt from the period's own offset.
    static func name(of zone: TimeZone, daylight: Bool, offset: Int) -> String {
        let english = zone.localizedName(
            for: daylight ? .shortDaylightSaving : .shortStandard,
            locale: Locale(identifier: "en_US")
        )
        if let english, !english.hasPrefix("GMT+"), !english.hasPrefix("GMT-") { return english }
        guard offset != 0 else { return "GMT" }
        let magnitude = abs(offset)
        let minutes = magnitude % 3600 / 60
        return "GMT" + (offset < 0 ? "-" : "+") + String(magnitude / 3600)
            + (minutes == 0 ? "" : ":" + DateTimeValue.digits(minutes, 2))
    }

    static func localParts(_ seconds: Int) -> DateTimeValue.LocalParts {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let rest = seconds - days * 86_400
        let day = CivilDay(daysSinceEpoch: days)
        return .init(
            year: day.year,
            month: day.month,
            day: day.day,
            hour: rest / 3600,
            minute: rest % 3600 / 60,
            second: rest % 60
        )
    }

    /// A UTC offset as RFC 5545 §3.3.14 writes it: `-0500`, `+0530`, `+003412` with seconds.
    static func offsetText(_ seconds: Int) -> String {
        let magnitude = abs(seconds)
        var text =
            (seconds < 0 ? "-" : "+") + DateTimeValue.digits(magnitude / 3600, 2)
            + DateTimeValue.digits(magnitude % 3600 / 60, 2)
        if magnitude % 60 != 0 { text += DateTimeValue.digits(magnitude % 60, 2) }
        return text
    }
}
