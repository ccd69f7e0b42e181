extension DAVXML {
    /// One attribute: namespace URI, local name and value.
    public struct Attribute: Equatable, Sendable {
        /// The attribute's namespace URI (usually empty) and local name.
        public var name: Name
        /// The attribute's value, entity references resolved.
        public var value: String

        /// Creates an attribute.
        ///
        /// - Parameters:
        ///   - name: namespace URI and local name.
        ///   - value: the value.
        public init(name: Name, value: String) {
            self.name = name
            self.value = value
        }
    }
}
