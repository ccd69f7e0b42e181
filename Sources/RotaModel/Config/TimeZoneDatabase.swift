import Foundation

/// The IANA zone names rota accepts, from the tz database bundled with the Swift toolchain (the same
/// data `TimeZone` uses, so a name accepted here always converts).
package enum TimeZoneDatabase {
    package static let identifiers: [String] = {
        var names = Set(TimeZone.knownTimeZoneIdentifiers)
        names.insert("UTC")
        return names.sorted()
    }()

    private static let identifierSet = Set(identifiers)

    package static func zone(_ name: String) -> TimeZoneID? {
        guard identifierSet.contains(name), TimeZone(identifier: name) != nil else { return nil }
        return TimeZoneID(validated: name)
    }
}
