/// A display reminder before an event starts: a VALARM with `ACTION:DISPLAY` (RFC 5545 §3.6.6).
///
/// Only the common shape is typed: a TRIGGER relative to the event's start. Alarms of another
/// action, with an absolute or end-relative trigger, or with repeats stay untyped components in
/// ``Event/otherComponents``.
public struct Alarm: Hashable, Sendable {
    /// When to remind, relative to the event's start: `-P1D` is a day before, `-PT15M` fifteen minutes.
    public var trigger: DurationValue
    /// The reminder text (DESCRIPTION; RFC 5545 requires one for DISPLAY, so an empty one is written).
    public var description: String
    /// Other properties, such as `X-WR-ALARMUID`, in order.
    public var extra: [Property]

    public init(trigger: DurationValue, description: String, extra: [Property] = []) {
        self.trigger = trigger
        self.description = description
        self.extra = extra
    }

    /// Reads a VALARM with `ACTION:DISPLAY` and a start-relative duration TRIGGER.
    ///
    /// - Parameter component: A `VALARM`.
    /// - Throws: ``ICalendarError/invalidValue`` for another action or trigger form, or a second
    ///   ACTION, TRIGGER or DESCRIPTION; ``ICalendarError/missingProperty`` without a TRIGGER.
    public init(component: Component) throws(ICalendarError) {
        guard component.name == "VALARM", component.components.isEmpty else {
            throw ICalendarError(.invalidValue, "expected a VALARM without sub-components")
        }
        var trigger: DurationValue?
        var description: String?
        var action: String?
        var extra: [Property] = []
        for property in component.properties {
            switch property.name {
            case "ACTION":
                guard action == nil, property.value.asciiFastUppercased == "DISPLAY" else {
                    throw Self.unsupported("ACTION:\(property.value)")
                }
                action = property.value
            case "TRIGGER":
                let related = property.parameter("RELATED")?.asciiFastUppercased ?? "START"
                let type = property.parameter("VALUE")?.asciiFastUppercased ?? "DURATION"
                guard trigger == nil, related == "START", type == "DURATION" else {
                    throw Self.unsupported("this TRIGGER")
                }
                trigger = try DurationValue(parsing: property.value)
            case "DESCRIPTION":
                guard description == nil else { throw Self.unsupported("a second DESCRIPTION") }
                description = property.value
            case "REPEAT", "DURATION":
                throw Self.unsupported(property.name)
            default:
                extra.append(property)
            }
        }
        guard action != nil else { throw Self.unsupported("a VALARM without ACTION") }
        guard let trigger else {
            throw ICalendarError(.missingProperty, "the VALARM has no TRIGGER (RFC 5545 §3.6.6)")
        }
        self.init(trigger: trigger, description: description ?? "", extra: extra)
    }

    /// The VALARM component: ACTION, TRIGGER, DESCRIPTION, then ``extra``.
    public var component: Component {
        Component(
            name: "VALARM",
            properties: [
                Property(name: "ACTION", value: "DISPLAY"),
                Property(name: "TRIGGER", value: trigger.description),
                Property(name: "DESCRIPTION", value: description),
            ] + extra
        )
    }

    private static func unsupported(_ what: String) -> ICalendarError {
        ICalendarError(.invalidValue, "\(what) is not a display alarm relative to the start")
    }
}
