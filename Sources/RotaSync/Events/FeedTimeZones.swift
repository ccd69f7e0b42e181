import Foundation
import ICalendar
import RotaModel

/// The VTIMEZONE of each feed, made once per span: the feeds of a team mostly cover the same instants,
/// and the tz data walk behind a VTIMEZONE is not free.
struct FeedTimeZones {
    private let zone: TimeZoneID
    private var made: [ClosedRange<Date>: [Component]] = [:]

    init(zone: TimeZoneID) {
        self.zone = zone
    }

    /// The VTIMEZONE for events spanning `span`; none when they are all-day events only (`span` nil).
    mutating func components(covering span: ClosedRange<Date>?) -> [Component] {
        guard let span else { return [] }
        if let known = made[span] { return known }
        let component = TimeZoneComponent.component(tzid: zone.identifier, zone: zone.timeZone, covering: span)
        let components = component.map { [$0] } ?? []
        made[span] = components
        return components
    }
}
