/// The stable identifier of a holiday rule (`thanksgiving`, `company-day`), used by `major:` lists,
/// volunteer pledges and the ledger.
package struct HolidayID: Hashable, Comparable, Sendable, CustomStringConvertible {
    package let rawValue: String

    package init(_ rawValue: String) { self.rawValue = rawValue }

    package var description: String { rawValue }

    package static func < (lhs: HolidayID, rhs: HolidayID) -> Bool { lhs.rawValue < rhs.rawValue }
}
