/// An engineer's stable id (`chen`).
///
/// What the rotation order, owners, overrides and the ledger refer to. Display names may change; ids do not.
package struct EngineerID: Hashable, Comparable, Sendable, CustomStringConvertible {
    package let rawValue: String
    package init(_ rawValue: String) { self.rawValue = rawValue }
    package var description: String { rawValue }
    package static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A pipeline's stable id (`aggregate-profit`), used in file names of runbooks and feeds.
package struct PipelineID: Hashable, Comparable, Sendable, CustomStringConvertible {
    package let rawValue: String
    package init(_ rawValue: String) { self.rawValue = rawValue }
    package var description: String { rawValue }
    package static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// The shape every id in a config must have.
///
/// Ids use lowercase ASCII letters, digits and single hyphens, starting with a letter. Ids end up in file names, URLs and
/// iCalendar UIDs, so they must be safe there.
package enum IdentifierSyntax {
    package static let maximumLength = 64

    package static func isValid(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        guard let first = scalars.first, ("a"..."z").contains(first), scalars.count <= maximumLength,
            scalars.last != "-"
        else { return false }
        var previousWasHyphen = false
        for scalar in scalars {
            let isHyphen = scalar == "-"
            guard ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || isHyphen,
                !(isHyphen && previousWasHyphen)
            else { return false }
            previousWasHyphen = isHyphen
        }
        return true
    }
}
