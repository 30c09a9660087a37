//! What crosses between the page and the engine's worker: plain JavaScript objects, one kind
//! each, built and read here for both sides so the two cannot disagree.
//!
//! Page → worker: `run` (a program and how to run it), `stop`, `http-result` (the answer to a
//! practice-API request the worker asked the page to make), `ack` (the page has taken in the
//! last progress: the worker sends the next only then, so a page that falls behind gets fewer,
//! larger messages instead of a growing queue), `input-line` (what the learner typed for a
//! program waiting in `input()`, or EOF).
//! Worker → page: `ready` (the engine is loaded), `progress` (what the run did since the last
//! one, in the engine's wire form), `http` (a practice-API request for the page to make),
//! `input-wanted` (the program waits in `input()`; its prompt was in the progress before),
//! `stopping` (a stop was seen), `done` (the run ended; all its output was sent before it),
//! `trace-done` (the rest of its trace was sent after `done`).

use awaitlab_engine::trace::http::{HttpFailure, HttpRequest, HttpResponse, HttpResult};
use awaitlab_engine::trace::ErrorSpot;
use wasm_bindgen::{JsCast, JsValue};

fn get(obj: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(obj, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn set(obj: &js_sys::Object, key: &str, value: impl Into<JsValue>) {
    let _ = js_sys::Reflect::set(obj, &JsValue::from_str(key), &value.into());
}

fn string(obj: &JsValue, key: &str) -> String {
    get(obj, key).as_string().unwrap_or_default()
}

fn number(obj: &JsValue, key: &str) -> f64 {
    get(obj, key).as_f64().unwrap_or(0.0)
}

fn message(kind: &str) -> js_sys::Object {
    let m = js_sys::Object::new();
    set(&m, "type", kind);
    m
}

/// The kind of a message (`run`, `progress`, ...).
pub fn kind(message: &JsValue) -> String {
    string(message, "type")
}

/// Which run a message belongs to (a stopped run's late messages are told apart by it).
pub fn run_id(message: &JsValue) -> u32 {
    number(message, "run") as u32
}

/// A program to run.
#[derive(Clone, Debug, PartialEq)]
pub struct RunRequest {
    pub run: u32,
    pub source: String,
    pub filename: String,
    /// Wall-clock seconds since the epoch when the run starts (`time.time()`'s origin).
    pub epoch: f64,
    /// The practice API's settings, as a query string.
    pub api: String,
    /// None: instant (the virtual clock); Some(speed): real time at that speed.
    pub real_time: Option<f64>,
    /// The page's address: relative URLs in the program resolve against it.
    pub base_url: String,
}

impl RunRequest {
    pub fn to_js(&self) -> JsValue {
        let m = message("run");
        set(&m, "run", self.run);
        set(&m, "source", self.source.as_str());
        set(&m, "filename", self.filename.as_str());
        set(&m, "epoch", self.epoch);
        set(&m, "api", self.api.as_str());
        set(&m, "speed", self.real_time.map_or(JsValue::NULL, JsValue::from));
        set(&m, "base", self.base_url.as_str());
        m.into()
    }

    pub fn from_js(m: &JsValue) -> RunRequest {
        RunRequest {
            run: run_id(m),
            source: string(m, "source"),
            filename: string(m, "filename"),
            epoch: number(m, "epoch"),
            api: string(m, "api"),
            real_time: get(m, "speed").as_f64(),
            base_url: string(m, "base"),
        }
    }
}

pub fn stop(run: u32) -> JsValue {
    let m = message("stop");
    set(&m, "run", run);
    m.into()
}

pub fn ack(run: u32) -> JsValue {
    let m = message("ack");
    set(&m, "run", run);
    m.into()
}

pub fn input_wanted(run: u32) -> JsValue {
    let m = message("input-wanted");
    set(&m, "run", run);
    m.into()
}

/// A line for `input()` (None: end of input, Ctrl+D).
pub fn input_line(run: u32, line: Option<&str>) -> JsValue {
    let m = message("input-line");
    set(&m, "run", run);
    set(&m, "line", line.map_or(JsValue::NULL, JsValue::from_str));
    m.into()
}

/// The line an `input-line` message carries (None: EOF).
pub fn input_line_from_js(m: &JsValue) -> Option<String> {
    get(m, "line").as_string()
}

pub fn ready() -> JsValue {
    message("ready").into()
}

pub fn trace_done(run: u32) -> JsValue {
    let m = message("trace-done");
    set(&m, "run", run);
    m.into()
}

pub fn stopping(run: u32) -> JsValue {
    let m = message("stopping");
    set(&m, "run", run);
    m.into()
}

/// What the run did since the last progress message, in the engine's wire form
/// (`awaitlab_engine::trace::wire`) as UTF-8 bytes (buffers the worker hands over, not strings the
/// page would have to convert): its output, and apart from it its trace records, which the
/// page may take in later than the output. And the program's clock.
pub fn progress(run: u32, output: &str, trace: &str, now: f64) -> JsValue {
    let m = message("progress");
    set(&m, "run", run);
    set(&m, "output", js_sys::Uint8Array::from(output.as_bytes()));
    set(&m, "trace", js_sys::Uint8Array::from(trace.as_bytes()));
    set(&m, "now", now);
    m.into()
}

/// The buffers under a progress message's bytes (to transfer them).
pub fn progress_buffers(m: &JsValue) -> js_sys::Array {
    let buffers = js_sys::Array::new();
    for key in ["output", "trace"] {
        let bytes = get(m, key);
        if bytes.is_instance_of::<js_sys::Uint8Array>() {
            buffers.push(&bytes.unchecked_into::<js_sys::Uint8Array>().buffer());
        }
    }
    buffers
}

/// A progress message's output and trace, as wire text.
pub fn progress_parts(m: &JsValue) -> (String, String) {
    let text = |key| String::from_utf8(bytes_from_js(&get(m, key))).unwrap_or_default();
    (text("output"), text("trace"))
}

pub fn progress_now(m: &JsValue) -> f64 {
    number(m, "now")
}

/// How a run ended.
#[derive(Clone, Debug, PartialEq)]
pub struct RunEnd {
    pub exit_code: i32,
    /// Program time at the end.
    pub duration: f64,
    pub instructions: u64,
    pub error: Option<ErrorSpot>,
    /// What the practice API saw (instant mode's server; the page keeps its own in real time).
    pub api_requests: u64,
    pub api_ok: u64,
    pub api_rate_limited: u64,
    pub api_errors: u64,
    pub api_max_concurrent: u64,
    /// Trace records still to come after `done` (the page waits for a few, not for many).
    pub trace_records_left: u64,
}

impl RunEnd {
    /// The `done` message (everything the run did was sent before it, in progress messages).
    pub fn to_js(&self, run: u32) -> JsValue {
        let m = message("done");
        set(&m, "run", run);
        set(&m, "exit", self.exit_code);
        set(&m, "duration", self.duration);
        set(&m, "instructions", self.instructions as f64);
        if let Some(e) = &self.error {
            let spot = js_sys::Object::new();
            set(&spot, "line", e.line);
            set(&spot, "col", e.col);
            set(&spot, "end", e.end_col);
            set(&spot, "message", e.message.as_str());
            set(&m, "error", spot);
        }
        let api = js_sys::Array::of5(
            &(self.api_requests as f64).into(),
            &(self.api_ok as f64).into(),
            &(self.api_rate_limited as f64).into(),
            &(self.api_errors as f64).into(),
            &(self.api_max_concurrent as f64).into(),
        );
        set(&m, "api", api);
        set(&m, "traceLeft", self.trace_records_left as f64);
        m.into()
    }

    pub fn from_js(m: &JsValue) -> RunEnd {
        let error = get(m, "error");
        let error = error.is_object().then(|| ErrorSpot {
            line: number(&error, "line") as u32,
            col: number(&error, "col") as u32,
            end_col: number(&error, "end") as u32,
            message: string(&error, "message"),
        });
        let api = js_sys::Array::from(&get(m, "api"));
        let at = |i: u32| api.get(i).as_f64().unwrap_or(0.0) as u64;
        RunEnd {
            exit_code: number(m, "exit") as i32,
            duration: number(m, "duration"),
            instructions: number(m, "instructions") as u64,
            error,
            api_requests: at(0),
            api_ok: at(1),
            api_rate_limited: at(2),
            api_errors: at(3),
            api_max_concurrent: at(4),
            trace_records_left: number(m, "traceLeft") as u64,
        }
    }
}

fn pairs_to_js(pairs: &[(String, String)]) -> js_sys::Array {
    pairs.iter().map(|(k, v)| JsValue::from(js_sys::Array::of2(&k.into(), &v.into()))).collect()
}

fn pairs_from_js(value: &JsValue) -> Vec<(String, String)> {
    js_sys::Array::from(value)
        .iter()
        .filter_map(|pair| {
            let pair = js_sys::Array::from(&pair);
            Some((pair.get(0).as_string()?, pair.get(1).as_string()?))
        })
        .collect()
}

fn bytes_from_js(value: &JsValue) -> Vec<u8> {
    if value.is_instance_of::<js_sys::Uint8Array>() {
        value.unchecked_ref::<js_sys::Uint8Array>().to_vec()
    } else if value.is_instance_of::<js_sys::ArrayBuffer>() {
        js_sys::Uint8Array::new(value).to_vec()
    } else {
        Vec::new()
    }
}

/// A practice-API request the worker asks the page to make.
pub fn http(run: u32, request: &HttpRequest) -> JsValue {
    let m = message("http");
    set(&m, "run", run);
    set(&m, "id", request.id as f64);
    set(&m, "method", request.method.as_str());
    set(&m, "url", request.url.as_str());
    set(&m, "headers", pairs_to_js(&request.headers));
    set(&m, "body", js_sys::Uint8Array::from(request.body.as_slice()));
    m.into()
}

pub fn http_request(m: &JsValue) -> HttpRequest {
    HttpRequest {
        id: number(m, "id") as u64,
        method: string(m, "method"),
        url: string(m, "url"),
        headers: pairs_from_js(&get(m, "headers")),
        body: bytes_from_js(&get(m, "body")),
    }
}

/// The page's answer to an `http` message.
pub fn http_result(run: u32, id: u64, result: &HttpResult) -> JsValue {
    let m = message("http-result");
    set(&m, "run", run);
    set(&m, "id", id as f64);
    match result {
        Ok(r) => {
            set(&m, "status", r.status);
            set(&m, "reason", r.reason.as_str());
            set(&m, "headers", pairs_to_js(&r.headers));
            set(&m, "body", js_sys::Uint8Array::from(r.body.as_slice()));
            set(&m, "url", r.url.as_str());
        }
        Err(f) => set(&m, "failure", f.message.as_str()),
    }
    m.into()
}

pub fn http_result_from_js(m: &JsValue) -> (u64, HttpResult) {
    let id = number(m, "id") as u64;
    if let Some(message) = get(m, "failure").as_string() {
        return (id, Err(HttpFailure { message }));
    }
    let response = HttpResponse {
        status: number(m, "status") as u16,
        reason: string(m, "reason"),
        headers: pairs_from_js(&get(m, "headers")),
        body: bytes_from_js(&get(m, "body")),
        url: string(m, "url"),
    };
    (id, Ok(response))
}
