/// One HTTP header field; requests keep them in an ordered array so they are built and compared deterministically.
public struct HeaderField: Hashable, Sendable {
    /// The field name, as written (matching is case-insensitive).
    public var name: String
    /// The field value.
    public var value: String

    /// Creates a header field.
    ///
    /// - Parameters:
    ///   - name: the field name.
    ///   - value: the field value.
    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}

extension [HeaderField] {
    /// The value of the first field with this name, compared case-insensitively.
    ///
    /// - Parameter name: the field name.
    /// - Returns: the value, or nil.
    public func value(for name: String) -> String? {
        first { $0.name.lowercased() == name.lowercased() }?.value
    }
}
