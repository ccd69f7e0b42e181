package import Foundation

/// The IANA zone names rota accepts: `Area/Location` names (and `UTC`) that the tz data bundled with
/// the Swift toolchain resolves, the same data `TimeZone` uses, so a name accepted here always converts.
///
/// `TimeZone.knownTimeZoneIdentifiers` alone is not enough: on Linux it lacks some canonical names
/// (`Asia/Kolkata`, `Etc/UTC`) that `TimeZone(identifier:)` resolves. Bare abbreviations (`EST`,
/// `GMT+5`) are refused: they hide daylight-saving rules.
package enum TimeZoneDatabase {
    /// Known names, sorted; used for did-you-mean suggestions.
    package static let identifiers: [String] = {
        var names = Set(TimeZone.knownTimeZoneIdentifiers.filter(isAreaLocation))
        names.insert("UTC")
        return names.sorted()
    }()

    /// The zone a config names, validated: an `Area/Location` name (or `UTC`) the tz data knows.
    package static func zone(_ name: String) -> TimeZoneID? {
        guard name == "UTC" || isAreaLocation(name), let zone = resolve(name) else { return nil }
        return TimeZoneID(validated: name, timeZone: zone)
    }

    /// The zone any TZID names, as the tz data resolves it (nil when it does not know the name).
    ///
    /// The one place rota looks a name up in the tz database: config names go through ``zone(_:)``, and
    /// TZIDs read from other calendars (whatever their producers wrote) come here.
    package static func resolve(_ tzid: String) -> TimeZone? {
        TimeZone(identifier: tzid)
    }

    /// `America/New_York`, `America/Argentina/Buenos_Aires`, `Etc/UTC`: an area, a slash, a location.
    private static func isAreaLocation(_ name: String) -> Bool {
        let parts = name.split(separator: "/", omittingEmptySubsequences: false)
        return parts.count >= 2
            && parts.allSatisfy { part in
                !part.isEmpty && part.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "_+-".contains($0)) }
            }
            && parts[0].first?.isUppercase == true
    }
}
