import Foundation

/// How the client authenticates: none, HTTP Basic, or a bearer token.
///
/// The secret is private and never printed: ``description`` and reflection (`dump`, string interpolation of the
/// value) show only the kind and, for Basic, the user name, so a credential cannot leak into a log by accident.
public struct Credentials: Equatable, Sendable, CustomStringConvertible, CustomReflectable {
    private enum Secret: Equatable, Sendable {
        case none
        case basic(username: String, password: String)
        case bearer(token: String)
    }

    private let secret: Secret

    private init(_ secret: Secret) {
        self.secret = secret
    }

    /// No `Authorization` header (Xandikos without TLS, public calendars).
    public static let none = Credentials(.none)

    /// HTTP Basic authentication (RFC 7617); only ever sent to the client's own origin.
    ///
    /// - Parameters:
    ///   - username: the user name.
    ///   - password: the password (often an app-specific password).
    /// - Returns: the credentials.
    public static func basic(username: String, password: String) -> Credentials {
        Credentials(.basic(username: username, password: password))
    }

    /// A bearer token (RFC 6750).
    ///
    /// - Parameter token: the token.
    /// - Returns: the credentials.
    public static func bearer(token: String) -> Credentials {
        Credentials(.bearer(token: token))
    }

    /// The `Authorization` header value, nil for ``none``.
    var authorization: String? {
        switch secret {
        case .none:
            nil
        case .basic(let username, let password):
            "Basic " + Data("\(username):\(password)".utf8).base64EncodedString()
        case .bearer(let token):
            "Bearer " + token
        }
    }

    /// The kind and, for Basic, the user name; never the secret.
    public var description: String {
        switch secret {
        case .none: "no credentials"
        case .basic(let username, _): "basic credentials for \(username)"
        case .bearer: "a bearer token"
        }
    }

    /// Reflection shows ``description`` only, so `dump` and `Mirror` cannot reveal the secret.
    public var customMirror: Mirror {
        Mirror(self, children: ["kind": description])
    }
}
