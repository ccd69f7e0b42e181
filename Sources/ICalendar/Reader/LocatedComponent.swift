/// A component as the reader builds it, with the position of its BEGIN line and of each property.
struct LocatedComponent {
    let name: String
    let begin: SourcePosition
    var properties: [Property] = []
    /// One per property: where its value starts.
    ///
    /// Kept only when the reader reads events (``ICalendarReader/read(_:)``), whose errors about a component's values
    /// point back at them. ``ICalendarReader/readComponents(_:)`` has no use for them once a line is read, and at 24
    /// bytes a property they took 57 of the 404 MiB that `rota diff --ics` of a 99 MiB feed did.
    var valuePositions: [SourcePosition] = []
    var children: [LocatedComponent] = []
    /// The sub-components, already converted, when the reader keeps no positions.
    ///
    /// ``ICalendarReader/readComponents(_:)`` converts a component as soon as it closes, so a large feed is never
    /// held as both trees; ``children`` is then empty.
    var convertedChildren: [Component] = []
    /// VEVENT children already read into events, in order; ``eventIndices`` holds their indices in ``children``.
    ///
    /// Such a child is a placeholder without properties in ``children``. Empty unless the reader asked
    /// for it (see ``ComponentTreeBuilder/readsEvents``).
    var events: [Event] = []
    /// One per element of ``events``: its index in ``children``, ascending.
    var eventIndices: [Int] = []

    /// A component with room for `capacity` properties (and their positions if it `keepsPositions`), so that
    /// appending them does not reallocate.
    init(name: String, begin: SourcePosition, capacity: Int = 4, keepsPositions: Bool = true) {
        self.name = name
        self.begin = begin
        if capacity > 0 {
            properties.reserveCapacity(capacity)
            if keepsPositions { valuePositions.reserveCapacity(capacity) }
        }
    }

    /// Moves ``properties`` into an array of exactly their number, once the component is closed.
    ///
    /// Properties are appended into room reserved ahead (a VEVENT of 9 grows to room for 16, 640 bytes), and a
    /// large feed keeps 100,000 such arrays: the spare room was 28 MiB of reading a 99 MiB feed.
    mutating func releaseSpareCapacity() {
        guard properties.capacity - properties.count >= 2 else { return }
        let kept = properties
        properties = [Property](unsafeUninitializedCapacity: kept.count) { buffer, count in
            count = buffer.initialize(fromContentsOf: kept)
        }
    }

    var component: Component {
        Component(
            name: name,
            properties: properties,
            components: children.isEmpty ? convertedChildren : children.map(\.component)
        )
    }

    /// The sub-components for ``CalendarDocument/init(name:properties:children:events:eventIndices:)``:
    /// every child except the placeholders of ``events``, each with its index in ``children``.
    var documentChildren: [(index: Int, component: Component)] {
        var result: [(index: Int, component: Component)] = []
        result.reserveCapacity(children.count - events.count)
        var next = eventIndices.startIndex
        for (index, child) in children.enumerated() {
            if next < eventIndices.endIndex, eventIndices[next] == index {
                next += 1
            } else {
                result.append((index: index, component: child.component))
            }
        }
        return result
    }

    /// Where an error raised while converting ``component`` to a typed value points: the property it
    /// names in the sub-component it names, else that sub-component's BEGIN line.
    func position(of error: ICalendarError) -> SourcePosition {
        var target = self
        if let index = error.componentIndex, children.indices.contains(index) {
            target = children[index]
        }
        if let name = error.propertyName, let index = target.properties.firstIndex(where: { $0.name == name }),
            target.valuePositions.indices.contains(index)
        {
            return target.valuePositions[index]
        }
        return target.begin
    }
}
