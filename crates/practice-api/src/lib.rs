//! The built-in practice API: an always-there HTTP API for the demos, with tunable latency,
//! capacity, rate limit and errors. It is pure logic on a clock the caller passes in: the engine
//! asks it on the virtual clock (CLI, instant mode), the page asks it in real time behind the
//! service worker. A request's reply says *when* it is to be delivered; the caller waits.

pub mod data;
pub mod settings;

pub use settings::{LatencyShape, Settings};
use std::collections::VecDeque;

#[derive(Clone, Debug, Default)]
pub struct Request {
    pub method: String,
    /// The path from `/api/` on, with its query: `/api/videos?n=10`.
    pub path: String,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Reply {
    pub status: u16,
    pub reason: &'static str,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    /// When the reply is delivered, on the clock `handle` was given.
    pub respond_at: f64,
}

impl Reply {
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

/// What the server saw, for `/api/stats` and the page.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Stats {
    pub requests: u64,
    pub ok: u64,
    pub rate_limited: u64,
    pub errors: u64,
    pub not_found: u64,
    /// The most requests in the server at once (being served or waiting in line).
    pub max_concurrent: u64,
    /// The longest line of requests waiting for a free worker.
    pub max_queued: u64,
}

pub struct Server {
    settings: Settings,
    rng: data::Mix,
    /// When each busy worker becomes free (at most `capacity` entries).
    workers: Vec<f64>,
    /// When each request now in the server is answered.
    in_server: Vec<f64>,
    /// Arrival times of the requests that counted against the rate limit, oldest first.
    window: VecDeque<f64>,
    stats: Stats,
}

pub const STATUS_REASONS: &[(u16, &str)] = &[
    (200, "OK"),
    (201, "Created"),
    (204, "No Content"),
    (400, "Bad Request"),
    (401, "Unauthorized"),
    (403, "Forbidden"),
    (404, "Not Found"),
    (405, "Method Not Allowed"),
    (418, "I'm a Teapot"),
    (429, "Too Many Requests"),
    (500, "Internal Server Error"),
    (502, "Bad Gateway"),
    (503, "Service Unavailable"),
    (504, "Gateway Timeout"),
];

pub fn reason(status: u16) -> &'static str {
    STATUS_REASONS.iter().find(|(s, _)| *s == status).map(|(_, r)| *r).unwrap_or("Unknown")
}

/// `a=1&b=two` → pairs, percent-decoded (`+` is a space).
pub fn query_pairs(q: &str) -> Vec<(String, String)> {
    q.split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (percent_decode(k), percent_decode(v))
        })
        .collect()
}

pub fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < b.len() => match u8::from_str_radix(std::str::from_utf8(&b[i + 1..i + 3]).unwrap_or("zz"), 16) {
                Ok(v) => {
                    out.push(v);
                    i += 2;
                }
                Err(_) => out.push(b'%'),
            },
            c => out.push(c),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// A JSON string literal.
pub fn json_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// What a route produced, before the server decides when it is delivered.
struct Answer {
    status: u16,
    content_type: &'static str,
    body: Vec<u8>,
    /// Overrides the sampled latency (echo's `delay_ms`).
    latency_ms: Option<f64>,
    /// Bookkeeping routes (`/api/stats`) answer at once and are not counted.
    meta: bool,
}

fn header_number(req: &Request, name: &str) -> Option<f64> {
    req.headers.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).and_then(|(_, v)| v.trim().parse::<f64>().ok()).filter(|v| v.is_finite())
}

const JSON: &str = "application/json";

fn json_answer(status: u16, body: String) -> Answer {
    Answer { status, content_type: JSON, body: body.into_bytes(), latency_ms: None, meta: false }
}

/// A 400 with its reason, for a parameter the route cannot use.
fn bad_parameter(detail: &str) -> Answer {
    json_answer(400, format!("{{\"detail\": {}}}", json_str(detail)))
}

/// The content types `/api/echo` answers with as asked; anything else (HTML, scripts, SVG, XML)
/// is answered as plain text, so nothing served on the page's origin can run.
pub const ECHO_CONTENT_TYPES: &[&str] =
    &["application/json", "text/plain; charset=utf-8", "application/octet-stream", "image/png", "image/jpeg", "image/gif", "image/webp"];

fn echo_content_type(asked: Option<&str>) -> &'static str {
    let Some(asked) = asked else { return JSON };
    let essence = asked.split(';').next().unwrap_or("").trim().to_ascii_lowercase();
    ECHO_CONTENT_TYPES.iter().find(|t| t.split(';').next() == Some(essence.as_str())).copied().unwrap_or("text/plain; charset=utf-8")
}

/// The policy every practice-API answer carries, wherever it is served from (the service
/// worker's relay, the page's own answer, a direct visit): a sandboxed document that may load
/// nothing (an image may show itself), never sniffed into another type, readable only by the
/// page's own origin.
pub fn content_security_policy(content_type: &str) -> &'static str {
    if content_type.starts_with("image/") {
        "sandbox; default-src 'none'; img-src data:"
    } else {
        "sandbox; default-src 'none'"
    }
}

/// The headers of a reply with this body type: its content type and the security policy.
pub fn reply_headers(content_type: &str) -> Vec<(String, String)> {
    vec![
        ("content-type".to_string(), content_type.to_string()),
        ("content-security-policy".to_string(), content_security_policy(content_type).to_string()),
        ("x-content-type-options".to_string(), "nosniff".to_string()),
        ("cross-origin-resource-policy".to_string(), "same-origin".to_string()),
    ]
}

/// A whole-number query parameter within `range`: absent gives `default`, anything else a 400.
fn count_param(value: Option<&str>, name: &str, default: usize, max: usize) -> Result<usize, Answer> {
    match value {
        None => Ok(default),
        Some(v) => v
            .trim()
            .parse::<usize>()
            .ok()
            .filter(|n| *n <= max)
            .ok_or_else(|| bad_parameter(&format!("{name} must be a whole number from 0 to {max}, not '{v}'"))),
    }
}

const MAX_LIST: usize = 10_000;

impl Server {
    pub fn new(settings: Settings) -> Server {
        let rng = data::Mix(settings.seed);
        Server { settings, rng, workers: Vec::new(), in_server: Vec::new(), window: VecDeque::new(), stats: Stats::default() }
    }

    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// New settings start a fresh server: empty line, zero stats, the seed's first draw.
    pub fn configure(&mut self, settings: Settings) {
        *self = Server::new(settings);
    }

    pub fn stats(&self) -> &Stats {
        &self.stats
    }

    /// Requests in the server at `now` (arrived, not yet answered).
    pub fn in_flight(&self, now: f64) -> usize {
        self.in_server.iter().filter(|&&t| t > now).count()
    }

    pub fn stats_json(&self, now: f64) -> String {
        let s = &self.stats;
        format!(
            "{{\"requests\": {}, \"ok\": {}, \"rate_limited\": {}, \"errors\": {}, \"not_found\": {}, \"max_concurrent\": {}, \"max_queued\": {}, \"in_flight\": {}, \"settings\": {}}}",
            s.requests,
            s.ok,
            s.rate_limited,
            s.errors,
            s.not_found,
            s.max_concurrent,
            s.max_queued,
            self.in_flight(now),
            json_str(&self.settings.to_query())
        )
    }

    /// Answers a request that arrives at `now` (seconds, any clock); the reply's `respond_at`
    /// says when it reaches the client.
    pub fn handle(&mut self, req: &Request, now: f64) -> Reply {
        let answer = self.route(req, now);
        let headers = reply_headers(answer.content_type);
        if answer.meta {
            return Reply { status: answer.status, reason: reason(answer.status), headers, body: answer.body, respond_at: now };
        }
        self.stats.requests += 1;
        self.in_server.retain(|&t| t > now);
        self.workers.retain(|&t| t > now);

        // Rate limit: the window counts requests the server accepted in the last T seconds.
        if self.settings.rate_limit > 0 {
            let window = self.settings.rate_window_s;
            // A request exactly one window after an earlier one is allowed (with float tolerance).
            while self.window.front().is_some_and(|&t| t <= now - window + 1e-9) {
                self.window.pop_front();
            }
            if self.window.len() >= self.settings.rate_limit as usize {
                let retry = (self.window[0] + window - now).max(0.0).ceil().max(1.0);
                let mut headers = reply_headers(JSON);
                headers.push(("retry-after".into(), format!("{retry}")));
                self.stats.rate_limited += 1;
                let respond_at = now + 0.005;
                self.enter(now, respond_at, 0);
                let body = format!(
                    "{{\"detail\": \"Too many requests: at most {} per {} s\", \"retry_after\": {retry}}}",
                    self.settings.rate_limit, self.settings.rate_window_s
                );
                return Reply { status: 429, reason: reason(429), headers, body: body.into_bytes(), respond_at };
            }
            self.window.push_back(now);
        }

        // Capacity: FIFO line for `capacity` workers; the longer the line, the slower the work.
        // A request may set its own latency (header `x-practice-latency-ms`).
        let own_latency = header_number(req, "x-practice-latency-ms").map(|v| v.clamp(0.0, 60_000.0));
        let latency = answer.latency_ms.or(own_latency).unwrap_or_else(|| self.sample_latency_ms()) / 1000.0;
        let (start, waiting) = if self.settings.capacity == 0 {
            (now, 0)
        } else {
            let cap = self.settings.capacity as usize;
            let waiting = self.in_server.len().saturating_sub(cap);
            let start = if self.workers.len() < cap {
                now
            } else {
                let (i, &free) = self.workers.iter().enumerate().min_by(|a, b| a.1.total_cmp(b.1)).unwrap();
                self.workers.swap_remove(i);
                free
            };
            (start, waiting)
        };
        let slow =
            if self.settings.capacity == 0 { 1.0 } else { 1.0 + self.settings.slowdown * waiting as f64 / self.settings.capacity as f64 };
        let respond_at = start + latency * slow;
        if self.settings.capacity > 0 {
            self.workers.push(respond_at);
        }
        self.enter(now, respond_at, waiting as u64 + (start > now) as u64);

        // Or its own error rate (header `x-practice-error-rate`).
        let error_rate = header_number(req, "x-practice-error-rate").map_or(self.settings.error_rate, |v| v.clamp(0.0, 1.0));
        let failed = error_rate > 0.0 && self.rng.next_f64() < error_rate;
        if failed {
            self.stats.errors += 1;
            let body = "{\"detail\": \"Internal server error (the practice API's error rate)\"}";
            return Reply { status: 500, reason: reason(500), headers: reply_headers(JSON), body: body.as_bytes().to_vec(), respond_at };
        }
        match answer.status {
            200..=299 => self.stats.ok += 1,
            404 => self.stats.not_found += 1,
            500..=599 => self.stats.errors += 1,
            _ => {}
        }
        Reply { status: answer.status, reason: reason(answer.status), headers, body: answer.body, respond_at }
    }

    fn enter(&mut self, now: f64, respond_at: f64, queued: u64) {
        self.in_server.push(respond_at);
        let concurrent = self.in_server.iter().filter(|&&t| t > now).count() as u64;
        self.stats.max_concurrent = self.stats.max_concurrent.max(concurrent);
        self.stats.max_queued = self.stats.max_queued.max(queued);
    }

    fn sample_latency_ms(&mut self) -> f64 {
        let s = &self.settings;
        let ms = match s.latency {
            LatencyShape::Fixed => s.latency_ms,
            LatencyShape::Uniform => s.latency_ms + (self.rng.next_f64() * 2.0 - 1.0) * s.jitter_ms,
            LatencyShape::LongTail => {
                // Box–Muller normal → log-normal with the median at latency_ms.
                let u1 = self.rng.next_f64().max(1e-12);
                let u2 = self.rng.next_f64();
                let z = (-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos();
                (s.latency_ms * (0.8 * z).exp()).min(s.latency_ms * 20.0)
            }
        };
        ms.max(0.0)
    }

    fn route(&mut self, req: &Request, now: f64) -> Answer {
        let (path, query) = req.path.split_once('?').unwrap_or((&req.path, ""));
        let params = query_pairs(query);
        let param = |name: &str| params.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str());
        let path = path.trim_end_matches('/');
        let segments: Vec<&str> = path.split('/').skip(1).collect();
        let get = req.method.eq_ignore_ascii_case("GET") || req.method.eq_ignore_ascii_case("HEAD");
        match segments.as_slice() {
            ["api", "stats"] => Answer { meta: true, ..json_answer(200, self.stats_json(now)) },
            ["api", "stats", "reset"] => {
                let settings = self.settings.clone();
                self.configure(settings);
                Answer { meta: true, ..json_answer(200, self.stats_json(now)) }
            }
            ["api", "echo"] => self.echo(req, &params),
            _ if !get => json_answer(405, "{\"detail\": \"Method not allowed: this route answers GET\"}".into()),
            ["api"] => json_answer(
                200,
                "{\"routes\": [\"/api/videos?n=N\", \"/api/videos/{id}\", \"/api/kittens/{n}\", \"/api/posts/{topic}?limit=N\", \"/api/echo?delay_ms=..&status=..\", \"/api/stats\"]}".into(),
            ),
            ["api", "videos"] => {
                let n = match count_param(param("n"), "n", 100, MAX_LIST) {
                    Ok(n) => n,
                    Err(bad) => return bad,
                };
                let ids: Vec<String> = data::video_ids(n).iter().map(|s| json_str(s)).collect();
                json_answer(200, format!("[{}]", ids.join(", ")))
            }
            ["api", "videos", id] => {
                if !data::is_video_id(id) {
                    return json_answer(404, format!("{{\"detail\": {}}}", json_str(&format!("No video with id '{id}'"))));
                }
                let v = data::video(id);
                json_answer(
                    200,
                    format!(
                        "{{\"id\": {}, \"title\": {}, \"description\": {}, \"upload_date\": {}, \"views\": {}}}",
                        json_str(&v.id),
                        json_str(&v.title),
                        json_str(&v.description),
                        json_str(&v.upload_date),
                        v.views
                    ),
                )
            }
            ["api", "kittens", n] => match n.parse::<u64>() {
                Ok(n) => Answer { status: 200, content_type: "image/svg+xml", body: data::kitten_svg(n).into_bytes(), latency_ms: None, meta: false },
                Err(_) => bad_parameter("Kittens are numbered: /api/kittens/1"),
            },
            ["api", "posts", topic] => {
                let limit = match count_param(param("limit"), "limit", 5, 100) {
                    Ok(n) => n,
                    Err(bad) => return bad,
                };
                let children: Vec<String> = data::posts(topic, limit)
                    .iter()
                    .map(|p| {
                        format!(
                            "{{\"data\": {{\"title\": {}, \"author\": {}, \"score\": {}, \"num_comments\": {}, \"url\": {}}}}}",
                            json_str(&p.title),
                            json_str(&p.author),
                            p.score,
                            p.num_comments,
                            json_str(&p.url)
                        )
                    })
                    .collect();
                json_answer(200, format!("{{\"data\": {{\"children\": [{}]}}}}", children.join(", ")))
            }
            _ => json_answer(404, format!("{{\"detail\": {}}}", json_str(&format!("Not found: {path}")))),
        }
    }

    /// `/api/echo`: answers with what it got; `status`, `delay_ms`, `content_type` and `body`
    /// shape the reply (for demos of errors and of invalid JSON).
    fn echo(&mut self, req: &Request, params: &[(String, String)]) -> Answer {
        let param = |name: &str| params.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str());
        let status = match param("status") {
            None => 200,
            Some(v) => match v.trim().parse::<u16>() {
                Ok(s) if (200..=599).contains(&s) => s,
                _ => return bad_parameter(&format!("status must be an HTTP status from 200 to 599, not '{v}'")),
            },
        };
        let latency_ms = match param("delay_ms") {
            None => None,
            Some(v) => match v.trim().parse::<f64>() {
                Ok(ms) if (0.0..=60_000.0).contains(&ms) => Some(ms),
                _ => return bad_parameter(&format!("delay_ms must be a number of milliseconds from 0 to 60000, not '{v}'")),
            },
        };
        let content_type = echo_content_type(param("content_type"));
        let body = match param("body") {
            Some(b) => b.as_bytes().to_vec(),
            None => {
                let q: Vec<String> = params.iter().map(|(k, v)| format!("{}: {}", json_str(k), json_str(v))).collect();
                let h: Vec<String> =
                    req.headers.iter().map(|(k, v)| format!("{}: {}", json_str(&k.to_ascii_lowercase()), json_str(v))).collect();
                format!(
                    "{{\"method\": {}, \"path\": {}, \"query\": {{{}}}, \"headers\": {{{}}}, \"body\": {}}}",
                    json_str(&req.method.to_ascii_uppercase()),
                    json_str(req.path.split('?').next().unwrap_or("")),
                    q.join(", "),
                    h.join(", "),
                    json_str(&String::from_utf8_lossy(&req.body))
                )
                .into_bytes()
            }
        };
        Answer { status, content_type, body, latency_ms, meta: false }
    }
}

#[cfg(test)]
mod tests;
