/// The monitoring points and failure modes rota ships with, from the team brief.
///
/// A pipeline's `monitoring` and `failure_modes` lists pick entries by id (`- freshness`), override some
/// of their fields (`- { id: currency-conversion, symptoms: ... }`), or add their own. The default
/// failure modes are detected by default monitoring points, so a pipeline that picks a failure mode
/// must also pick the monitoring points it names (or give its own `detected_by`). Every failure mode has
/// first checks: what to look at to tell whether it is happening. The catalogue gives no remedies: the
/// brief asks what can go wrong, not what to do about it, and what to decide is the team's call.
package enum RunbookCatalogue {
    /// The brief's "common monitoring points for all pipelines", in the brief's order.
    package static let monitoringPoints: [MonitoringPoint] = [
        MonitoringPoint(
            id: "freshness",
            name: "Data freshness and latency",
            threshold: "Newest source partition older than 26 h, or the output not landed by the landing deadline"
        ),
        MonitoringPoint(
            id: "execution",
            name: "Pipeline execution status",
            threshold: "Any failed or skipped run; a run taking more than twice its 30-day median"
        ),
        MonitoringPoint(
            id: "data-quality",
            name: "Data quality metrics",
            threshold:
                "Row count off more than 10% from the same weekday last week; any null key; "
                + "any failed reconciliation check"
        ),
        MonitoringPoint(
            id: "resources",
            name: "System resource utilization",
            threshold: "Warehouse slots or memory above 85% for 15 min during the run"
        ),
        MonitoringPoint(
            id: "errors",
            name: "Error rates and types",
            threshold: "More than 0.1% of rows rejected, or any new error type"
        ),
    ]

    /// The brief's "potential issues" for investor-facing pipelines, in the brief's order.
    package static let failureModes: [FailureMode] = [
        FailureMode(
            id: "late-finance-data",
            name: "Missing or delayed source data from finance systems",
            symptoms:
                "The finance system's export for the latest day is missing or partial; "
                + "profit for the latest day is flat or zero.",
            detectedBy: ["freshness", "data-quality"],
            firstChecks: [
                "The newest partition of each finance source table and when it landed, against the landing deadline",
                "The finance system's export job: did it run, when did it finish, how many rows did it write",
                "Row counts per day and business unit for the last 7 days, next to the same weekday last week",
            ]
        ),
        FailureMode(
            id: "profit-data-quality",
            name: "Data quality issues in profit calculations",
            symptoms:
                "Profit jumps or drops without a business reason; reconciliation against the finance ledger "
                + "fails; margins are negative or null.",
            detectedBy: ["data-quality", "errors"],
            firstChecks: [
                "Which data-quality checks failed, on which table and column, and since which run",
                "Profit and margin by business unit for the last 7 days: where the jump starts",
                "The reconciliation against the finance ledger: which accounts differ, and by how much",
                "Code, config and mapping-table changes merged since the last good run",
            ]
        ),
        FailureMode(
            id: "currency-conversion",
            name: "Currency conversion errors",
            symptoms:
                "Totals of non-USD business units are off by an exchange-rate factor; "
                + "FX rates are missing or stale for a day.",
            detectedBy: ["data-quality", "errors"],
            firstChecks: [
                "The FX rate table: is there a rate for every currency and the latest day, and when was it loaded",
                "Totals of non-USD business units in local currency and in USD, next to the day before",
                "Rejected rows and error types that mention a currency code or a missing rate",
            ]
        ),
        FailureMode(
            id: "large-volumes",
            name: "Performance issues with large data volumes",
            symptoms:
                "Quarter-end, backfill or peak-day runs take much longer than usual, hit resource limits "
                + "and miss the landing deadline.",
            detectedBy: ["execution", "resources", "freshness"],
            firstChecks: [
                "The current run's duration per step, next to its 30-day median",
                "Warehouse slots, memory and queueing during the run; other jobs running at the same time",
                "Input volume per source for this run, next to a normal day (quarter end, backfill, peak day?)",
            ]
        ),
        FailureMode(
            id: "missing-business-units",
            name: "Missing data from key business units",
            symptoms: "One business unit's rows are absent or sharply lower, so company totals are too low.",
            detectedBy: ["data-quality", "freshness"],
            firstChecks: [
                "Row counts per business unit for the last 7 days: which unit is absent or low, and since when",
                "That unit's source extract: did it land, when, and with how many rows",
                "Changes to business-unit or cost-centre mappings since the last good run",
            ]
        ),
        FailureMode(
            id: "seasonality",
            name: "Seasonality not properly accounted for",
            symptoms:
                "Period-over-period figures swing around holidays, month ends and quarter ends; anomaly alerts "
                + "fire on expected seasonal peaks, or real drops hide behind them.",
            detectedBy: ["data-quality"],
            firstChecks: [
                "The calendar: is the period a holiday, a month end or a quarter end",
                "The same period last year and last quarter, next to this one",
                "Which anomaly checks fired, and the baselines and thresholds they compared against",
            ]
        ),
        FailureMode(
            id: "reporting-tool-integration",
            name: "Integration failures with reporting tools",
            symptoms:
                "Dashboards and decks show stale numbers although the table is fresh; "
                + "extract or refresh jobs fail.",
            detectedBy: ["execution", "errors"],
            firstChecks: [
                "When the output table last changed, next to when each dashboard's extract or refresh last succeeded",
                "The reporting tool's refresh and extract job logs for errors",
                "The service account's credentials and grants the reporting tool reads with",
            ]
        ),
        FailureMode(
            id: "user-activity-gaps",
            name: "User activity data gaps",
            symptoms: "Hours with no events from one platform or app version; active users drop sharply for a day.",
            detectedBy: ["freshness", "data-quality"],
            firstChecks: [
                "Events per hour by platform and app version for the last 48 hours: which one drops, and when",
                "The event collector's and ingestion job's status and error logs for that hour",
                "App releases and tracking or schema changes shipped around the start of the gap",
            ]
        ),
    ]

    /// The catalogue's monitoring point with this id, if any.
    package static func monitoringPoint(_ id: String) -> MonitoringPoint? {
        monitoringPoints.first { $0.id == id }
    }

    /// The catalogue's failure mode with this id, if any.
    package static func failureMode(_ id: String) -> FailureMode? {
        failureModes.first { $0.id == id }
    }
}
