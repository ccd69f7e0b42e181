/// Where the rendered runbooks are published, so feed events can link to them.
package struct RunbookSettings: Hashable, Sendable {
    /// The URL the runbook pages live under, without a trailing slash (`https://oncall.example.com/runbooks`).
    ///
    /// Nil when the config gives none: feed events then carry no runbook links.
    package let urlBase: String?

    /// No published runbooks: feed events carry no links.
    package static let none = RunbookSettings(urlBase: nil)

    /// Makes the settings; the loader checks that `urlBase` is an http(s) URL and drops a trailing slash.
    package init(urlBase: String?) {
        self.urlBase = urlBase
    }

    /// The link to a pipeline's HTML runbook, `<url_base>/<pipeline-id>.html`, when a base is set.
    package func link(to pipeline: PipelineID) -> String? {
        urlBase.map { "\($0)/\(pipeline.rawValue).html" }
    }
}
