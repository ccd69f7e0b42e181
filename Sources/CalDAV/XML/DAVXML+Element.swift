extension DAVXML {
    /// One XML element as a value: its name, attributes, direct text and child elements.
    ///
    /// Comments and processing instructions are dropped; text and CDATA directly inside the element are joined in
    /// document order into ``text`` (XML end-of-line handling has already turned CR LF into LF).
    public struct Element: Equatable, Sendable {
        /// The element's namespace URI and local name.
        public var name: Name
        /// The attributes, in document order.
        public var attributes: [Attribute]
        /// The text and CDATA directly inside this element, joined.
        public var text: String
        /// The child elements, in document order.
        public var children: [Element]

        /// Creates an element.
        ///
        /// - Parameters:
        ///   - name: namespace URI and local name.
        ///   - attributes: the attributes.
        ///   - text: direct text content.
        ///   - children: child elements.
        public init(name: Name, attributes: [Attribute] = [], text: String = "", children: [Element] = []) {
            self.name = name
            self.attributes = attributes
            self.text = text
            self.children = children
        }

        /// The first child element with this name.
        ///
        /// - Parameter name: namespace URI and local name.
        /// - Returns: the child, or nil.
        public func child(_ name: Name) -> Element? {
            children.first { $0.name == name }
        }

        /// Every child element with this name, in document order.
        ///
        /// - Parameter name: namespace URI and local name.
        /// - Returns: the children.
        public func children(_ name: Name) -> [Element] {
            children.filter { $0.name == name }
        }

        /// The value of an attribute.
        ///
        /// - Parameter name: namespace URI (empty for an unprefixed attribute) and local name.
        /// - Returns: the value, or nil.
        public func attribute(_ name: Name) -> String? {
            attributes.first { $0.name == name }?.value
        }
    }
}
