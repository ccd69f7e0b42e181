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
        try self.init(properties: component.properties, components: component.components)
    }

    /// Reads a VEVENT's properties and sub-components, as the reader hands them over without first
    /// building the ``Component``.
    init(properties: [Property], components: [Component]) throws(ICalendarError) {
        var fields = Fields()
        // By index: iterating would copy every property out of the array first.
        for index in properties.indices {
            try fields.take(properties[index])
        }
        func required<T>(_ value: T?, _ name: String) throws(ICalendarError) -> T {
            guard let value else {
                throw ICalendarError(.missingProperty, "the VEVENT has no \(name) (RFC 5545 §3.6.1)")
            }
            return value
        }
        var alarms: [Alarm] = []
        var others: [Component] = []
        for child in components {
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
            switch Name(property.name) {
            case .uid where first(1 << 0): uid = property.value
            case .dtstamp where first(1 << 1): dtstamp = try DateTimeValue(property: property)
            case .dtstart where first(1 << 2): start = try DateTimeValue(property: property)
            case .dtend where first(1 << 3): end = try DateTimeValue(property: property)
            case .sequence where first(1 << 4):
                guard let number = Int(property.value), number >= 0 else {
                    throw Self.invalid(property, "a SEQUENCE is a non-negative integer (RFC 5545 §3.8.7.4)")
                }
                sequence = number
            case .rrule where first(1 << 5): rrule = property.value
            case .exdate: exdates += try DateTimeValue.values(of: property)
            case .summary where first(1 << 6): summary = property.value
            case .description where first(1 << 7): description = property.value
            case .location where first(1 << 8): location = property.value
            case .categories: categories += property.textList
            case .status where first(1 << 9):
                guard let value = Status(rawValue: property.value.asciiFastUppercased) else {
                    throw Self.invalid(property, "a VEVENT's STATUS is TENTATIVE, CONFIRMED or CANCELLED")
                }
                status = value
            case .transp where first(1 << 10):
                guard let value = Transparency(rawValue: property.value.asciiFastUppercased) else {
                    throw Self.invalid(property, "TRANSP is OPAQUE or TRANSPARENT (RFC 5545 §3.8.2.7)")
                }
                transparency = value
            case .url where first(1 << 11): url = property.value
            default: extra.append(property)
            }
        }

        /// The names ``take(_:)`` fills a field from.
        private enum Name {
            case uid, dtstamp, dtstart, dtend, sequence, rrule, exdate, summary, description, location
            case categories, status, transp, url

            /// The name's case, if it has one; the length rules out most names before any comparison.
            init?(_ name: String) {
                let found: Name? =
                    switch name.utf8.count {
                    case 3: name == "UID" ? .uid : name == "URL" ? .url : nil
                    case 5: name == "DTEND" ? .dtend : name == "RRULE" ? .rrule : nil
                    case 6: name == "EXDATE" ? .exdate : name == "STATUS" ? .status : name == "TRANSP" ? .transp : nil
                    case 7:
                        name == "DTSTART" ? .dtstart : name == "DTSTAMP" ? .dtstamp : name == "SUMMARY" ? .summary : nil
                    case 8: name == "SEQUENCE" ? .sequence : name == "LOCATION" ? .location : nil
                    case 10: name == "CATEGORIES" ? .categories : nil
                    case 11: name == "DESCRIPTION" ? .description : nil
                    default: nil
                    }
                guard let found else { return nil }
                self = found
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
