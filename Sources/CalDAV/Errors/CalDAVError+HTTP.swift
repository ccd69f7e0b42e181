public import Foundation

extension CalDAVError {
    /// The error for a response whose status the operation did not expect, with a hint fitting the status.
    ///
    /// When the body names a precondition (``DAVPrecondition``), the message names it and its hint replaces the
    /// status's: a 403 for a UID that lives elsewhere is not a password problem.
    ///
    /// - Parameters:
    ///   - response: the response.
    ///   - url: the request URL.
    ///   - operation: what the client was doing, for the message (`PROPFIND`, `calendar-query`...).
    /// - Returns: the error value.
    public static func unexpected(_ response: CalDAVResponse, url: URL, operation: String) -> CalDAVError {
        let status = response.status
        if let precondition = DAVPrecondition.parse(response) {
            let (what, hint) = precondition.explanation
            return CalDAVError(
                .precondition,
                url: url,
                status: status,
                detail: "\(operation): \(what) [\(precondition.displayName)]",
                hint: hint
            )
        }
        let (code, hint): (Code, String) =
            switch status {
            case 401, 403:
                (
                    .unauthorized,
                    "check the user name and password (or token), and that this account may use this calendar"
                )
            case 404, 410: (.notFound, "check the URL; the calendar or event may have been removed")
            case 412: (.preconditionFailed, "someone else changed it; read it again and decide anew")
            case 500..<600, 429: (.httpStatus, "the server is failing or overloaded; try again later")
            default: (.httpStatus, "check that the URL points at a CalDAV server that supports this request")
            }
        return CalDAVError(code, url: url, status: status, detail: "\(operation) got HTTP \(status)", hint: hint)
    }
}
