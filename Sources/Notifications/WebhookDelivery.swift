package import CalDAV
package import Foundation

/// Posts one message to an incoming webhook through CalDAV's HTTP transport (rota's one HTTP client), waiting on an
/// injected clock between attempts as `DeliveryPolicy` says.
///
/// The webhook URL is a secret (whoever holds it can post to the channel): nothing here puts it, or any error text
/// that could hold it, into an outcome; outcomes carry only statuses and the kind of network failure.
package struct WebhookDelivery<C: Clock<Duration>>: Sendable where C: Sendable {
    /// How a post ended.
    package enum Outcome: Hashable, Sendable {
        /// The receiver answered 2xx.
        case accepted(status: Int)
        /// The receiver answered with a status that is not 2xx, on the last attempt.
        case refused(status: Int, attempts: Int)
        /// No answer arrived (connection, timeout, TLS) on the last attempt.
        case unreachable(reason: String, attempts: Int)
    }

    let url: URL
    let transport: any HTTPTransport
    let clock: C
    let policy: DeliveryPolicy

    package init(url: URL, transport: any HTTPTransport, clock: C, policy: DeliveryPolicy = DeliveryPolicy()) {
        self.url = url
        self.transport = transport
        self.clock = clock
        self.policy = policy
    }

    /// Posts `body` (JSON) until the receiver accepts it or the policy gives up.
    package func post(_ body: [UInt8], userAgent: String) async -> Outcome {
        var attempt = 1
        while true {
            let request = CalDAVRequest(
                method: HTTPMethod(rawValue: "POST"),
                url: url,
                headers: [HeaderField("Content-Type", "application/json"), HeaderField("User-Agent", userAgent)],
                body: body
            )
            let outcome: Outcome
            let wait: Duration?
            do {
                let response = try await transport.send(request)
                if (200...299).contains(response.status) { return .accepted(status: response.status) }
                outcome = .refused(status: response.status, attempts: attempt)
                wait = policy.wait(
                    afterAttempt: attempt,
                    status: response.status,
                    retryAfter: response.headers.value(for: "Retry-After")
                )
            } catch let error as CalDAVError {
                outcome = .unreachable(reason: error.code.description, attempts: attempt)
                wait = policy.wait(afterAttempt: attempt, status: nil, retryAfter: nil)
            } catch {
                outcome = .unreachable(reason: "connection", attempts: attempt)
                wait = policy.wait(afterAttempt: attempt, status: nil, retryAfter: nil)
            }
            guard let wait else { return outcome }
            do {
                try await clock.sleep(for: wait)
            } catch {
                return outcome
            }
            attempt += 1
        }
    }
}
