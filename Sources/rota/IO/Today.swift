import Foundation
import ICalendar
import RotaModel

/// The one place rota reads the wall clock: today's date in a zone, for defaults such as `--year`.
enum Today {
    /// The calendar day it is now in `zone`: seconds since the epoch shifted by the zone's offset now,
    /// counted in whole days, so there is no lookup that could fail and no date to fall back to.
    static func date(in zone: TimeZoneID) -> LocalDate {
        let now = Date()
        let local = now.timeIntervalSince1970 + Double(zone.timeZone.secondsFromGMT(for: now))
        return LocalDate(daysSinceEpoch: Int((local / 86_400).rounded(.down)))
    }
}

extension Today {
    /// The wall-clock minute it is now in `zone`, for `rota now`.
    static func moment(in zone: TimeZoneID) -> LocalDateTime {
        let now = Date()
        let local = Int((now.timeIntervalSince1970 + Double(zone.timeZone.secondsFromGMT(for: now))).rounded(.down))
        let days = Int((Double(local) / 86_400).rounded(.down))
        let minutes = (local - days * 86_400) / 60
        let time = LocalTime(hour: minutes / 60, minute: minutes % 60) ?? .noon
        return LocalDateTime(date: LocalDate(daysSinceEpoch: days), time: time)
    }
}

extension Today {
    /// The calendar day it is now in UTC, for `rota init`'s first hand-off before any zone is chosen.
    static func dateInUTC() -> LocalDate {
        LocalDate(daysSinceEpoch: Int((Date().timeIntervalSince1970 / 86_400).rounded(.down)))
    }
}
