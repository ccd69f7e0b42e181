import Foundation

/// The properties of the last component closed at each depth, so that a value repeated from one component to the
/// next shares one string instead of holding a copy each.
///
/// A value longer than 15 bytes is a heap allocation of its own, and a feed repeats many of them in every event:
/// rota's feeds the same DTSTAMP and `X-ROTA-TEAM`, a generated feed often the same DESCRIPTION. Reading such a feed
/// of 49.6 MiB kept 124.6 MiB of events; sharing equal values is what brings it under twice the file (issue 17).
/// Values are compared by their bytes, never by `==`, which would also match a different normalisation.
struct RepeatedValues {
    /// Indexed by depth: the properties of the component closed last at that depth.
    private var previous: [[Property]] = []

    /// `property`, with its value replaced by the equal one of the property at the same index in the component
    /// closed last at `depth`, if there is one with the same name and the same bytes.
    func shared(_ property: Property, at index: Int, depth: Int) -> Property {
        guard depth < previous.count, index < previous[depth].count else { return property }
        let earlier = previous[depth][index]
        var value = property.value
        var candidate = earlier.value
        let count = value.utf8.count
        guard count > 15, count == candidate.utf8.count, earlier.name == property.name else { return property }
        let equal = value.withUTF8 { bytes in
            candidate.withUTF8 { other in
                guard let left = bytes.baseAddress, let right = other.baseAddress else { return false }
                return memcmp(left, right, count) == 0
            }
        }
        guard equal else { return property }
        var result = property
        result.value = earlier.value
        return result
    }

    /// Remembers the properties of a component closed at `depth`.
    mutating func closed(_ properties: [Property], depth: Int) {
        while previous.count <= depth { previous.append([]) }
        previous[depth] = properties
    }
}
