extension Event {
    /// Reads a VEVENT component.
    ///
    /// The first UID, DTSTAMP, DTSTART, DTEND, SEQUENCE, RRULE, SUMMARY, DESCRIPTION, LOCATION, STATUS,
    /// TRANSP and URL fill the typed fields; a repeat of one of them goes to ``extra``. Every EXDATE and
    /// CATEGORIES is collected. VALARMs that ``Alarm`` can represent become ``alarms``; the rest are kept
    /// in ``otherComponents``.
    ///
    /// - Parameter component: A `VEVENT`.
    /// - Throws: ``ICalendarError/missingProperty`` without UID, DTSTAMP or DTSTART;
    ///   ``ICalendarError/invalidDate`` or ``ICalendarError/invalidValue`` for a value that cannot be read.
    public init(component: Component) throws(ICalendarError) {
        guard component.name == "VEVENT" else {
            throw ICalendarError(.invalidValue, "expected a VEVENT, found \(component.name)")
        }
        var fields = Fields()
        for property in component.properties {
            try fields.take(property)
        }
        func required<T>(_ value: T?, _ name: String) throws(ICalendarError) -> T {
            guard let value else {
                throw ICalendarError(.missingProperty, "the VEVENT has no \(name) (RFC 5545 §3.6.1)")
            }
            return value
        }
        var alarms: [Alarm] = []
        var others: [Component] = []
        for child in component.components {
            if child.name == "VALARM", let alarm = try? Alarm(component: child) {
                alarms.append(alarm)
            } else {
                others.append(child)
            }
        }
        self.init(
            uid: try required(fields.uid, "UID"),
            dtstamp: try required(fields.dtstamp, "DTSTAMP"),
            start: try required(fields.start, "DTSTART"),
            end: fields.end,
            summary: fields.summary,
            description: fields.description,
            location: fields.location,
            categories: fields.categories,
            transparency: fields.transparency,
            status: fields.status,
            sequence: fields.sequence,
            url: fields.url,
            rrule: fields.rrule,
            exdates: fields.exdates,
            alarms: alarms,
            extra: fields.extra,
            otherComponents: others
        )
    }

    /// The VEVENT component, properties in the writer's order (see ``ICalendarWriter``).
    public var component: Component {
        var properties: [Property] = []
        properties.reserveCapacity(12 + exdates.count + extra.count)
        properties += [
            Property(name: "UID", value: uid),
            dtstamp.property(named: "DTSTAMP"),
            Property(name: "SEQUENCE", value: String(sequence)),
            start.property(named: "DTSTART"),
        ]
        if let end { properties.append(end.property(named: "DTEND")) }
        if let rrule { properties.append(Property(name: "RRULE", value: rrule)) }
        properties += exdates.map { $0.property(named: "EXDATE") }
        if !summary.isEmpty { properties.append(Property(name: "SUMMARY", value: summary)) }
        if !description.isEmpty { properties.append(Property(name: "DESCRIPTION", value: description)) }
        if let location { properties.append(Property(name: "LOCATION", value: location)) }
        if !categories.isEmpty { properties.append(Property(name: "CATEGORIES", textList: categories)) }
        if let status { properties.append(Property(name: "STATUS", value: status.rawValue)) }
        properties.append(Property(name: "TRANSP", value: transparency.rawValue))
        if let url { properties.append(Property(name: "URL", value: url)) }
        properties += extra
        var components = alarms.map(\.component)
        components += otherComponents
        return Component(name: "VEVENT", properties: properties, components: components)
    }

    /// The typed fields while a VEVENT's properties are read, one at a time.
    private struct Fields {
        var uid: String?
        var dtstamp: DateTimeValue?
        var start: DateTimeValue?
        var end: DateTimeValue?
        var summary = ""
        var description = ""
        var location: String?
        var categories: [String] = []
        var transparency = Transparency.opaque
        var status: Status?
        var sequence = 0
        var url: String?
        var rrule: String?
        var exdates: [DateTimeValue] = []
        var extra: [Property] = []
        /// One bit per singular name (UID, DTSTAMP, ...) taken already; a repeat goes to ``extra``.
        private var seen: UInt16 = 0

        /// Whether the singular property with this bit is new, marking it taken.
        private mutating func first(_ bit: UInt16) -> Bool {
            guard seen & bit == 0 else { return false }
            seen |= bit
            return true
        }

        /// Takes one property: the first of each singular name fills its field, a repeat goes to ``extra``.
        mutating func take(_ property: Property) throws(ICalendarError) {
            switch property.name {
            case "UID" where first(1 << 0): uid = property.value
            case "DTSTAMP" where first(1 << 1): dtstamp = try DateTimeValue(property: property)
            case "DTSTART" where first(1 << 2): start = try DateTimeValue(property: property)
            case "DTEND" where first(1 << 3): end = try DateTimeValue(property: property)
            case "SEQUENCE" where first(1 << 4):
                guard let number = Int(property.value), number >= 0 else {
                    throw Self.invalid(property, "a SEQUENCE is a non-negative integer (RFC 5545 §3.8.7.4)")
                }
                sequence = number
            case "RRULE" where first(1 << 5): rrule = property.value
            case "EXDATE": exdates += try DateTimeValue.values(of: property)
            case "SUMMARY" where first(1 << 6): summary = property.value
            case "DESCRIPTION" where first(1 << 7): description = property.value
            case "LOCATION" where first(1 << 8): location = property.value
            case "CATEGORIES": categories += property.textList
            case "STATUS" where first(1 << 9):
                guard let value = Status(rawValue: property.value.asciiFastUppercased) else {
                    throw Self.invalid(property, "a VEVENT's STATUS is TENTATIVE, CONFIRMED or CANCELLED")
                }
                status = value
            case "TRANSP" where first(1 << 10):
                guard let value = Transparency(rawValue: property.value.asciiFastUppercased) else {
                    throw Self.invalid(property, "TRANSP is OPAQUE or TRANSPARENT (RFC 5545 §3.8.2.7)")
                }
                transparency = value
            case "URL" where first(1 << 11): url = property.value
            default: extra.append(property)
            }
        }

        private static func invalid(_ property: Property, _ rule: String) -> ICalendarError {
            ICalendarError(
                .invalidValue,
                "\(property.name) '\(property.value.prefix(40))' is not valid: \(rule)",
                propertyName: property.name
            )
        }
    }
}
