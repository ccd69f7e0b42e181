extension DAVXML {
    /// Bounds on what the parser accepts.
    public struct Limits: Equatable, Sendable {
        /// The largest document accepted, in bytes; larger ones fail with ``CalDAVError/Code/xmlTooLarge`` before
        /// libxml2 sees a byte.
        public var maxBytes: Int

        /// Creates limits.
        ///
        /// - Parameter maxBytes: the largest document accepted, in bytes.
        public init(maxBytes: Int) {
            self.maxBytes = maxBytes
        }

        /// 64 MiB: a year of a large team's events with their data fits many times over.
        public static let standard = Limits(maxBytes: 64 << 20)
    }
}
