import Foundation

/// Reads a `Retry-After` header (RFC 9110 §10.2.3): delay seconds, or an HTTP-date.
///
/// An HTTP-date is measured against the response's own `Date` header rather than the local clock, which keeps this a
/// pure function and immune to clock skew between client and server.
package enum RetryAfter {
    /// The wait a `Retry-After` value asks for.
    ///
    /// - Parameters:
    ///   - value: the header value.
    ///   - responseDate: the response's `Date` header, needed for the HTTP-date form.
    /// - Returns: the wait (zero for a date in the past), or nil when the value cannot be read.
    package static func delay(_ value: String, responseDate: String?) -> Duration? {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        if let seconds = Int(trimmed) {
            return seconds >= 0 ? .seconds(seconds) : nil
        }
        guard let retryAt = httpDate(trimmed), let responseDate, let now = httpDate(responseDate) else { return nil }
        return .seconds(max(0, Int(retryAt.timeIntervalSince(now).rounded(.up))))
    }

    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// Parses the IMF-fixdate form, `Sun, 06 Nov 1994 08:49:37 GMT`, the one servers send.
    static func httpDate(_ text: String) -> Date? {
        let parts = text.split(separator: " ")
        guard parts.count == 6, parts[5] == "GMT", let day = Int(parts[1]), let year = Int(parts[3]),
            let month = months.firstIndex(of: String(parts[2]))
        else { return nil }
        let time = parts[4].split(separator: ":").compactMap { Int($0) }
        guard time.count == 3 else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .gmt
        let components = DateComponents(
            year: year,
            month: month + 1,
            day: day,
            hour: time[0],
            minute: time[1],
            second: time[2]
        )
        return calendar.date(from: components)
    }
}

extension CalDAVResponse {
    /// The wait the response's `Retry-After` header asks for; nil without one, or with one that cannot be read.
    public var retryAfter: Duration? {
        headers.value(for: "Retry-After").flatMap { RetryAfter.delay($0, responseDate: headers.value(for: "Date")) }
    }
}
