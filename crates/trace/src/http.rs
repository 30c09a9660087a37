//! HTTP as a run sees it: the requests a program makes, what answers them, and the two
//! address helpers the timeline needs. The engine queues requests; a host performs them.

/// A request for the host to perform.
#[derive(Clone, Debug, PartialEq)]
pub struct HttpRequest {
    pub id: u64,
    pub method: String,
    /// As the program wrote it: absolute, or `/api/...` for the practice API.
    pub url: String,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct HttpResponse {
    pub status: u16,
    pub reason: String,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    /// The URL finally answered (after redirects).
    pub url: String,
}

/// A request that got no HTTP answer: `message` says what happened and why, for the program's
/// ClientConnectorError / ConnectionError.
#[derive(Clone, Debug, PartialEq)]
pub struct HttpFailure {
    pub message: String,
}

pub type HttpResult = Result<HttpResponse, HttpFailure>;

/// The practice API's address in programs: a path on the page's own origin.
pub fn is_practice_api(url: &str) -> bool {
    url == "/api" || url.starts_with("/api/") || url.starts_with("/api?")
}

/// A URL short enough for a timeline label: no scheme, at most 60 characters.
pub fn short_url(url: &str) -> String {
    let u = url.split_once("://").map_or(url, |(_, rest)| rest);
    if u.chars().count() > 60 {
        let head: String = u.chars().take(57).collect();
        format!("{head}...")
    } else {
        u.to_string()
    }
}
