import ArgumentParser
import CalDAV
import Foundation
import Notifications
import RotaModel
import Scheduler

/// `rota notify`: posts the messages that are due (hand-off, reminder, holiday decisions, conflicts) to a
/// Slack-compatible incoming webhook, each once.
struct NotifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notify",
        abstract: "Post due hand-offs, reminders, holiday decisions and conflicts to a chat webhook, each once.",
        discussion: """
            Meant to run every few minutes from cron, a systemd timer or a CI schedule (docs/notify.md). \
            Plans around the moment as rota now does, finds the messages that are due, and posts those \
            not yet sent to a Slack-compatible incoming webhook (Slack, Mattermost, Rocket.Chat). The \
            webhook URL is a secret: it comes from ROTA_WEBHOOK_URL or --webhook-url-file, never from \
            an argument, and only its host is ever shown. What went out is kept in <ledger>.notified.json \
            beside the ledger; a message the receiver did not accept is not marked and goes out next \
            time. Exits 2 when the receiver refuses a message, with its status.

            Examples:
              ROTA_WEBHOOK_URL=https://hooks.slack.com/services/... rota notify
              rota notify --webhook-url-file /etc/rota/webhook --at 2026-12-13T10:00
              rota notify --dry-run
              rota notify --format json
            """
    )

    @OptionGroup var configOptions: ConfigOptions
    @OptionGroup var ledgerOptions: LedgerOptions
    @OptionGroup var verbosity: OutputOptions

    @Option(
        help: ArgumentHelp(
            "The moment to act at (YYYY-MM-DDTHH:MM in the rotation's time zone).",
            discussion: "Defaults to now.",
            valueName: "datetime"
        )
    )
    var at: DateTimeArgument?

    @Option(help: ArgumentHelp("A file holding the webhook URL (else ROTA_WEBHOOK_URL).", valueName: "file"))
    var webhookURLFile: String?

    @Option(help: "table: post and list what was sent; json: print the unsent messages (no posting) and mark them.")
    var format: OutputFormat = .table

    @Flag(help: "Show what would be sent; post nothing and change no state.")
    var dryRun = false

    func run() async throws {
        let plan = try await MomentPlan.load(configOptions, ledgerOptions, at: at) { config, moment in
            DueNotices.planningWindow(for: moment, config: config)
        }
        let (config, moment, ledgerPath) = (plan.config, plan.moment, plan.ledgerPath)
        let due = DueNotices.at(moment, schedule: plan.schedule, config: config)
        let statePath = NotifiedFile.path(forLedger: ledgerPath)
        // Read before any lock or post, so a missing URL fails at once; --format json and --dry-run need none.
        let environment = ProcessInfo.processInfo.environment
        let address: WebhookAddress? =
            try format == .table && !dryRun
            ? WebhookAddress.load(file: webhookURLFile, environment: environment) : nil
        if dryRun {
            // No lock: nothing is written, so a dry run works on a read-only checkout too.
            let state = try NotifiedFile.load(statePath)
            let unsent = due.filter { !state.contains($0.key) }
            switch format {
            case .json: print(String(decoding: WebhookPayload.listing(unsent), as: UTF8.self), terminator: "")
            case .table: print(NotifyText.dryRun(unsent), terminator: "")
            }
            return
        }
        do {
            let timeout = try LedgerLock.timeout(in: environment)
            try await LedgerLock.withLock(LedgerLocation(resolving: statePath), timeout: timeout) {
                var state = try NotifiedFile.load(statePath)
                let unsent = due.filter { !state.contains($0.key) }
                if format == .json {
                    print(String(decoding: WebhookPayload.listing(unsent), as: UTF8.self), terminator: "")
                    try state.mark(unsent.map(\.key), at: moment, path: statePath)
                } else if let address {
                    try await post(unsent, to: address, state: &state, statePath: statePath, moment: moment)
                }
            }
        } catch let error as LedgerFileError {
            throw Self.lockFailure(error, statePath: statePath)
        }
    }

    /// The lock of the state file, in notify's words: the ledger's own texts speak of `rota plan --record`.
    private static func lockFailure(_ error: LedgerFileError, statePath: String) -> CommandFailure {
        switch error.kind {
        case .lockTimedOut:
            return CommandFailure(
                message: "another rota notify still holds the lock of \(statePath)",
                hint: "nothing was sent; the next run sends what is due, or set \(LedgerLock.timeoutVariable)=SECONDS "
                    + "to wait longer",
                at: error.file
            )
        default:
            return CommandFailure(rendered: String(describing: error))
        }
    }

    private func post(
        _ notices: [Notice],
        to address: WebhookAddress,
        state: inout NotifiedFile,
        statePath: String,
        moment: LocalDateTime
    ) async throws {
        let transport = AsyncHTTPClientTransport(
            configuration: TransportConfiguration(
                connectTimeout: .seconds(10),
                readTimeout: .seconds(20),
                requestTimeout: .seconds(30),
                maxResponseBytes: 64 << 10
            )
        )
        let delivery = WebhookDelivery(url: address.url, transport: transport, clock: ContinuousClock())
        do {
            for (position, notice) in notices.enumerated() {
                verbosity.detail("posting \(notice.key) to \(address.shown)")
                let body = WebhookPayload.body(for: notice)
                let outcome = await delivery.post(body, userAgent: "rota/\(RotaVersion.current)")
                guard case .accepted = outcome else {
                    throw NotifyText.failure(outcome, address: address, unsent: notices.count - position)
                }
                try state.mark([notice.key], at: moment, path: statePath)
                print("sent \(notice.kind.rawValue): \(notice.key)")
            }
        } catch {
            try? await transport.shutdown()
            throw error
        }
        try? await transport.shutdown()
        verbosity.note(notices.isEmpty ? "nothing due to send" : "sent \(Plural.count(notices.count, "message"))")
    }
}
