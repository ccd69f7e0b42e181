import Notifications
import Testing

@Suite struct DeliveryPolicyTests {
    let policy = DeliveryPolicy(maxAttempts: 4, firstWait: .seconds(1), longestWait: .seconds(30))

    @Test(arguments: [200, 400, 401, 403, 404, 410])
    func aClientErrorIsFinal(status: Int) {
        #expect(policy.wait(afterAttempt: 1, status: status, retryAfter: nil) == nil)
    }

    @Test func serverErrorsWaitLongerEachTimeThenGiveUp() {
        #expect(policy.wait(afterAttempt: 1, status: 500, retryAfter: nil) == .seconds(1))
        #expect(policy.wait(afterAttempt: 2, status: 503, retryAfter: nil) == .seconds(2))
        #expect(policy.wait(afterAttempt: 3, status: 502, retryAfter: nil) == .seconds(4))
        #expect(policy.wait(afterAttempt: 4, status: 500, retryAfter: nil) == nil)
    }

    @Test func noAnswerWaitsLikeAServerError() {
        #expect(policy.wait(afterAttempt: 1, status: nil, retryAfter: nil) == .seconds(1))
    }

    @Test func retryAfterIsHonouredUpToTheLongestWait() {
        #expect(policy.wait(afterAttempt: 1, status: 429, retryAfter: "7") == .seconds(7))
        #expect(policy.wait(afterAttempt: 1, status: 429, retryAfter: "3600") == nil)
        #expect(policy.wait(afterAttempt: 1, status: 429, retryAfter: "Wed, 21 Oct 2026 07:28:00 GMT") == .seconds(1))
    }

    @Test func theWaitNeverPassesTheLongest() {
        let long = DeliveryPolicy(maxAttempts: 20, firstWait: .seconds(1), longestWait: .seconds(30))
        #expect(long.wait(afterAttempt: 10, status: 500, retryAfter: nil) == .seconds(30))
    }
}
