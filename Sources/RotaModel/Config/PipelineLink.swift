/// A page someone on call opens first for a pipeline: its dashboard, logs, DAG or alert.
///
/// The loader accepts only absolute http and https URLs with a host, so a runbook can put `url` in an
/// `href` as it is (escaped) without ever linking to `javascript:` or a local file.
package struct PipelineLink: Hashable, Sendable {
    /// What the page is, as the config names it (`dashboard`, `logs`, `dag`, `alerts`, ...).
    package let name: String
    /// The page's address, checked to be http or https with a host.
    package let url: String

    package init(name: String, url: String) {
        self.name = name
        self.url = url
    }
}
