public import Foundation

/// A WebDAV or CalDAV precondition a server names in the body of a refusal (RFC 4918 §16, RFC 4791 §5.3.2.1).
///
/// A 403, 409 or 412 alone says only "no"; the `<D:error>` body says which rule the request broke, and for a UID
/// that already lives elsewhere, where. Reading it turns "not authorized, check the password" into a message the
/// user can act on.
public struct DAVPrecondition: Equatable, Sendable {
    /// The element's namespace and local name, such as `urn:ietf:params:xml:ns:caldav` `no-uid-conflict`.
    public let name: DAVXML.Name
    /// The hrefs inside the element (for a UID conflict: the resource that already holds the UID).
    public let hrefs: [String]

    /// Creates a value.
    ///
    /// - Parameters:
    ///   - name: the precondition element's name.
    ///   - hrefs: the hrefs it carries.
    public init(name: DAVXML.Name, hrefs: [String] = []) {
        self.name = name
        self.hrefs = hrefs
    }

    /// The precondition in a response's `<D:error>` body, or nil when there is none (or the body is not XML).
    ///
    /// - Parameters:
    ///   - response: the refusal.
    ///   - limits: the XML size cap.
    /// - Returns: the first precondition element, with its hrefs.
    public static func parse(_ response: CalDAVResponse, limits: DAVXML.Limits = .standard) -> DAVPrecondition? {
        guard !response.body.isEmpty, let root = try? DAVXML.parse(response.body, limits: limits),
            root.name == .dav("error"), let element = root.children.first
        else { return nil }
        let hrefs = element.children(.dav("href")).map {
            $0.text.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        return DAVPrecondition(name: element.name, hrefs: hrefs.filter { !$0.isEmpty })
    }

    /// `CALDAV:no-uid-conflict`, `DAV:need-privileges`: the prefix RFC 4791 and RFC 4918 write.
    public var displayName: String {
        let prefix =
            switch name.namespace {
            case DAVXML.calDAVNamespace: "CALDAV:"
            case DAVXML.davNamespace: "DAV:"
            default: "{\(name.namespace)}"
            }
        return prefix + name.localName
    }

    /// What the precondition means, for a message: the broken rule and what the user can do.
    public var explanation: (what: String, hint: String) {
        let at = hrefs.isEmpty ? "" : " (\(hrefs.joined(separator: ", ")))"
        switch name.localName {
        case "no-uid-conflict", "unique-scheduling-object-resource":
            return (
                "another resource already holds this event's UID\(hrefs.isEmpty ? " in this calendar" : at)",
                "that event is not rota's to change; remove or re-UID it (or its calendar) if it is a stale copy"
            )
        case "valid-calendar-data", "valid-calendar-object-resource", "calendar-collection-location-ok":
            return (
                "the server did not accept the event's iCalendar data\(at)",
                "report it with the server's name and version; rota writes RFC 5545 events"
            )
        case "supported-calendar-component", "supported-calendar-data":
            return (
                "this calendar does not take events (VEVENT)\(at)",
                "give a calendar that holds events with --calendar"
            )
        case "resource-must-be-null":
            return (
                "something already exists at this URL\(at)",
                "run rota push again; it reads the calendar afresh"
            )
        case "need-privileges":
            return (
                "this account lacks the privilege to write here\(at)",
                "ask the calendar's owner for write access, or use a calendar this account owns"
            )
        case "max-resource-size", "quota-not-exceeded", "sufficient-disk-space":
            return ("the server is out of room for this event\(at)", "free space on the server or raise its quota")
        default:
            return ("the server's precondition \(displayName) failed\(at)", "see the server's documentation for it")
        }
    }
}
