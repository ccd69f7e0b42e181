import CalDAV
import Foundation
import Logging

/// What the executor tells `rota push -v`: each request at debug level, each wait before a retry (and each re-read
/// after a 412) at info, so a slow or refused push shows where its time went.
///
/// URLs are shown without any user name or password (``CalDAVClient/displayed(_:)``); bodies and ETags' meaning stay
/// out, only the precondition header is named.
extension PushExecutor {
    /// Logs the action a machine chose for `item`; `last` is the server's previous answer for it, if any.
    func log(_ action: EventSync<C.Instant>.Action, for item: SyncItem, after last: ServerAnswer?) {
        let event = "\(item.id) \(CalDAVClient.displayed(item.url))"
        switch action {
        case .put(_, _, let precondition):
            logger.debug("PUT \(event) (\(Self.header(precondition)))")
        case .delete(_, let precondition):
            logger.debug("DELETE \(event) (\(Self.header(precondition)))")
        case .reread:
            if last == .preconditionFailed {
                logger.info("\(event) changed on the server since it was listed (412); reading it again")
            } else {
                logger.debug("reading \(event) again")
            }
        case .wait(let deadline):
            let wait = clock.now.duration(to: deadline)
            let reason = last.map { " after \(Self.describe($0))" } ?? ""
            logger.info("waiting \(Self.seconds(wait)) before trying \(event) again\(reason)")
        case .done(let outcome):
            logger.debug("\(event): \(outcome)")
        case .failed(let failure):
            logger.debug("\(event): failed: \(failure)")
        }
    }

    /// Logs what the server answered a request for `item`.
    func log(_ answer: ServerAnswer, for item: SyncItem) {
        logger.debug("\(item.id) \(CalDAVClient.displayed(item.url)): \(Self.describe(answer))")
    }

    private static func header(_ precondition: SyncPrecondition) -> String {
        switch precondition {
        case .ifNoneMatch: "If-None-Match: *"
        case .ifMatch(let etag): "If-Match: \(etag)"
        }
    }

    static func describe(_ answer: ServerAnswer) -> String {
        switch answer {
        case .written(let etag): "written" + (etag.map { ", ETag \($0)" } ?? ", no ETag")
        case .preconditionFailed: "412 Precondition Failed"
        case .locked: "423 Locked"
        case .serverError(let status, let retryAfter):
            "HTTP \(status)" + (retryAfter.map { " with Retry-After \(seconds($0))" } ?? "")
        case .notFound: "404 Not Found"
        case .refused(let status, let message): "refused, HTTP \(status): \(message)"
        case .unreachable(let message): "no answer: \(message)"
        case .unusable(let message): "an unusable answer: \(message)"
        }
    }

    /// `2.5 s`: tenths are enough for a person reading why the push is slow.
    private static func seconds(_ duration: Duration) -> String {
        let tenths = max(0, Int((duration / .milliseconds(100)).rounded()))
        return "\(tenths / 10).\(tenths % 10) s"
    }
}
