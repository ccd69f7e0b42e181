extension DAVXML {
    /// An element or attribute name: namespace URI plus local name.
    ///
    /// Elements are matched by namespace URI and local name, never by prefix: Radicale writes `<C:calendar-data>`,
    /// Xandikos `<ns1:calendar-data>`, and both mean the same element.
    public struct Name: Hashable, Sendable, CustomStringConvertible {
        /// The namespace URI, empty for no namespace.
        public let namespace: String
        /// The local name, without any prefix.
        public let localName: String

        /// Creates a name.
        ///
        /// - Parameters:
        ///   - namespace: the namespace URI, empty for none.
        ///   - localName: the name without a prefix.
        public init(_ namespace: String, _ localName: String) {
            self.namespace = namespace
            self.localName = localName
        }

        /// A name in the WebDAV namespace `DAV:`.
        ///
        /// - Parameter localName: the name without a prefix.
        /// - Returns: the name.
        public static func dav(_ localName: String) -> Name { Name(davNamespace, localName) }

        /// A name in the CalDAV namespace.
        ///
        /// - Parameter localName: the name without a prefix.
        /// - Returns: the name.
        public static func calDAV(_ localName: String) -> Name { Name(calDAVNamespace, localName) }

        /// `{namespace}localName`, Clark notation.
        public var description: String { "{\(namespace)}\(localName)" }
    }
}
