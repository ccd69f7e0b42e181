extension CalendarDocument {
    /// Reads a VCALENDAR component.
    ///
    /// VTIMEZONE children become ``timeZones``, VEVENTs ``events``, anything else ``otherComponents``.
    /// A missing PRODID reads as empty; a missing VERSION is accepted.
    ///
    /// - Parameter component: A `VCALENDAR`.
    /// - Throws: ``ICalendarError/notACalendar`` for another component, ``ICalendarError/unsupportedVersion``
    ///   for a VERSION other than 2.0, and the errors of ``Event/init(component:)``.
    public init(component: Component) throws(ICalendarError) {
        try self.init(
            name: component.name,
            properties: component.properties,
            children: component.components.enumerated().map { (index: $0.offset, component: $0.element) },
            events: [],
            eventIndices: []
        )
    }

    /// Reads a VCALENDAR given as its parts, as ``init(component:)`` does: `children` are the
    /// sub-components still generic, each with its index among all sub-components, and `readEvents` the
    /// VEVENTs ``Event/init(component:)`` has read already, at the indices `eventIndices` (ascending).
    init(
        name: String,
        properties componentProperties: [Property],
        children: [(index: Int, component: Component)],
        events readEvents: [Event],
        eventIndices: [Int]
    ) throws(ICalendarError) {
        guard name == "VCALENDAR" else {
            throw ICalendarError(.notACalendar, "expected a VCALENDAR, found \(name)")
        }
        var prodID: String?
        var calscale: String?
        var method: String?
        var version: String?
        var properties: [Property] = []
        for property in componentProperties {
            switch property.name {
            case "VERSION" where version == nil:
                guard property.value == Self.version else {
                    throw ICalendarError(
                        .unsupportedVersion,
                        "VERSION:\(property.value.prefix(20)) is not supported; only 2.0 is",
                        propertyName: property.name
                    )
                }
                version = property.value
            case "PRODID" where prodID == nil: prodID = property.value
            case "CALSCALE" where calscale == nil: calscale = property.value
            case "METHOD" where method == nil: method = property.value
            default: properties.append(property)
            }
        }
        var timeZones: [Component] = []
        var events: [Event] = []
        var others: [Component] = []
        var nextRead = 0
        for (index, child) in children {
            switch child.name {
            case "VTIMEZONE": timeZones.append(child)
            case "VEVENT":
                let event: Event
                do throws(ICalendarError) {
                    event = try Event(component: child)
                } catch {
                    throw error.inComponent(at: index)
                }
                while nextRead < eventIndices.count, eventIndices[nextRead] < index {
                    events.append(readEvents[nextRead])
                    nextRead += 1
                }
                events.append(event)
            default: others.append(child)
            }
        }
        if events.isEmpty {
            events = readEvents
        } else {
            events.append(contentsOf: readEvents[nextRead...])
        }
        self.init(
            prodID: prodID ?? "",
            calscale: calscale,
            method: method,
            properties: properties,
            timeZones: timeZones,
            events: events,
            otherComponents: others
        )
    }

    /// The VCALENDAR component: VERSION, PRODID, CALSCALE, METHOD, ``properties``; then time zones,
    /// ``sortedEvents`` and ``otherComponents``.
    public var component: Component {
        var calendar = headComponent
        calendar.components = timeZones + sortedEvents.map(\.component) + otherComponents
        return calendar
    }

    /// The VCALENDAR component with its properties but no sub-components.
    var headComponent: Component {
        var head = [Property(name: "VERSION", value: Self.version), Property(name: "PRODID", value: prodID)]
        if let calscale { head.append(Property(name: "CALSCALE", value: calscale)) }
        if let method { head.append(Property(name: "METHOD", value: method)) }
        return Component(name: "VCALENDAR", properties: head + properties)
    }
}
