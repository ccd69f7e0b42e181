import Foundation
import ICalendar
import RotaModel

/// The VTIMEZONE of each feed, made once per span of years: the feeds of a team mostly cover the same years
/// (and `TimeZoneComponent` keeps what it made for the other teams of a run).
struct FeedTimeZones {
    private let zone: TimeZoneID
    private var made: [ClosedRange<Int>: [Component]] = [:]

    init(zone: TimeZoneID) {
        self.zone = zone
    }

    /// The VTIMEZONE for events in the UTC years `years`; none when they are all-day events only (`years` nil).
    mutating func components(covering years: ClosedRange<Int>?) -> [Component] {
        guard let years else { return [] }
        if let known = made[years] { return known }
        let component = TimeZoneComponent.component(tzid: zone.identifier, zone: zone.timeZone, years: years)
        let components = component.map { [$0] } ?? []
        made[years] = components
        return components
    }
}
