public import Foundation

extension Multistatus.Response {
    /// The URL in a property that wraps an `<href>`, such as `current-user-principal` or `calendar-home-set`.
    ///
    /// - Parameter name: the property's namespace URI and local name.
    /// - Returns: the href resolved against this response's URL, or nil when the property is missing or has no href.
    public func hrefProperty(_ name: DAVXML.Name) -> URL? {
        guard let href = property(name)?.child(.dav("href")) else { return nil }
        return Multistatus.resolve(href: href.text, against: url)
    }
}

extension Multistatus {
    /// The first href-valued property of this name in any entry (discovery PROPFINDs have exactly one entry).
    ///
    /// - Parameter name: the property's namespace URI and local name.
    /// - Returns: the resolved URL, or nil.
    public func firstHref(_ name: DAVXML.Name) -> URL? {
        responses.lazy.compactMap { $0.hrefProperty(name) }.first
    }
}
