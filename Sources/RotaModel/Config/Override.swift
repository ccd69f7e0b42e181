/// An explicit assignment that wins over every scheduling rule.
package struct Override: Hashable, Sendable {
    package enum Span: Hashable, Sendable {
        /// The whole shift that starts on this hand-off date.
        case shift(start: LocalDate)
        /// A wall-clock range in the rotation's zone inside one shift; it splits that shift.
        case range(from: LocalDateTime, to: LocalDateTime)
    }

    package let engineer: EngineerID
    package let span: Span
    package let reason: String?
}
