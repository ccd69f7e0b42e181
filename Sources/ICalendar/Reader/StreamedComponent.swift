/// A component that ``ICalendarStreamReader`` hands over as soon as its END line has been read.
public enum StreamedComponent: Hashable, Sendable {
    /// A component directly inside a top-level one (a VEVENT in a VCALENDAR), whole, with its sub-components.
    ///
    /// `parent` is the name of the top-level component it is in, upper case.
    case child(Component, parent: String)
    /// A top-level component (a VCALENDAR), with its properties but without its sub-components: each of them was
    /// handed over as a ``child(_:parent:)`` before it.
    case topLevel(Component)
}
