//! The worker's side of a run: takes `run` and `stop` messages, drives the engine on
//! [`WorkerHost`], and sends the page what the run did, in bounded increments: at most one
//! `progress` message every `FLUSH_MS` while busy (and one when a real-time run starts to wait),
//! each carrying only what is new since the last.

use crate::host::{performance_now, PracticeApi, TimeMode, WorkerHost};
use crate::protocol::{self, RunEnd, RunRequest};
use awaitlab_engine::http::{HttpRequest, HttpResult};
use awaitlab_engine::machine::{Chunk, Machine};
use awaitlab_engine::practice_api::Settings;
use awaitlab_engine::RunConfig;
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// How often a busy run sends the page its progress (wall time).
const FLUSH_MS: f64 = 33.0;

struct Current {
    run: u32,
    stop: Rc<Cell<bool>>,
    /// Practice-API requests the page is making for this run: their answers' resolvers.
    http: HashMap<u64, js_sys::Function>,
}

thread_local! {
    static CURRENT: RefCell<Option<Current>> = const { RefCell::new(None) };
}

fn scope() -> web_sys::DedicatedWorkerGlobalScope {
    js_sys::global().unchecked_into()
}

fn post(message: &JsValue) {
    let _ = scope().post_message(message);
}

/// Starts answering the page's messages, and tells it the engine is ready.
pub fn listen() {
    let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(|event: web_sys::MessageEvent| handle(event.data()));
    scope().set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    post(&protocol::ready());
}

fn handle(message: JsValue) {
    match protocol::kind(&message).as_str() {
        "run" => wasm_bindgen_futures::spawn_local(run(RunRequest::from_js(&message))),
        "stop" => {
            let run = protocol::run_id(&message);
            let seen = CURRENT.with(|c| match c.borrow().as_ref() {
                Some(current) if current.run == run => {
                    current.stop.set(true);
                    true
                }
                _ => false,
            });
            if seen {
                post(&protocol::stopping(run));
            }
        }
        "http-result" => {
            let (id, _) = protocol::http_result_from_js(&message);
            let resolve = CURRENT.with(|c| c.borrow_mut().as_mut().and_then(|c| c.http.remove(&id)));
            if let Some(resolve) = resolve {
                let _ = resolve.call1(&JsValue::NULL, &message);
            }
        }
        _ => {}
    }
}

/// Practice-API requests in real time go to the page, whose server answers them (through a
/// real `fetch()` the service worker relays, or in the page where there is none).
struct AskThePage {
    run: u32,
}

impl PracticeApi for AskThePage {
    fn perform(&self, request: HttpRequest) -> Pin<Box<dyn Future<Output = HttpResult>>> {
        let id = request.id;
        let answered = js_sys::Promise::new(&mut |resolve, _reject| {
            CURRENT.with(|c| {
                if let Some(current) = c.borrow_mut().as_mut() {
                    current.http.insert(id, resolve);
                }
            });
        });
        post(&protocol::http(self.run, &request));
        Box::pin(async move {
            let message = JsFuture::from(answered).await.unwrap_or(JsValue::UNDEFINED);
            protocol::http_result_from_js(&message).1
        })
    }
}

/// What has been sent to the page so far, so that each message carries only what is new.
#[derive(Default)]
struct Sent {
    records: usize,
    chunks: usize,
    /// The length of the last chunk sent (the engine appends to its last chunk).
    last_chunk_len: usize,
    at_ms: f64,
}

impl Sent {
    /// The run's new records and output, in the wire form.
    fn take_new(&mut self, machine: &Machine) -> String {
        let records = machine.trace_records();
        let chunks = machine.chunks();
        let mut new_chunks: Vec<Chunk> = Vec::new();
        if self.chunks > 0 {
            let last = &chunks[self.chunks - 1];
            if last.text.len() > self.last_chunk_len {
                new_chunks.push(Chunk { stream: last.stream, text: last.text[self.last_chunk_len..].to_string(), time: last.time });
            }
        }
        new_chunks.extend_from_slice(&chunks[self.chunks..]);
        let mut wire = String::new();
        awaitlab_engine::wire::encode(&records[self.records.min(records.len())..], &new_chunks, &mut wire);
        self.records = records.len();
        self.chunks = chunks.len();
        self.last_chunk_len = chunks.last().map_or(0, |c| c.text.len());
        wire
    }
}

async fn run(request: RunRequest) {
    let run = request.run;
    let stop = Rc::new(Cell::new(false));
    CURRENT.with(|c| *c.borrow_mut() = Some(Current { run, stop: stop.clone(), http: HashMap::new() }));
    let api = Settings::from_query(&request.api);
    let config = RunConfig { filename: request.filename.clone(), epoch: request.epoch, api: api.clone(), ..Default::default() };
    let mode = match request.real_time {
        Some(speed) => TimeMode::RealTime { speed },
        None => TimeMode::Instant,
    };
    let sent = Rc::new(RefCell::new(Sent { at_ms: performance_now(), ..Default::default() }));
    let flush = {
        let sent = sent.clone();
        move |machine: &Machine, idle: bool| {
            let now = performance_now();
            let mut sent = sent.borrow_mut();
            let waits_for_real = idle && matches!(mode, TimeMode::RealTime { .. });
            if waits_for_real || now - sent.at_ms >= FLUSH_MS {
                sent.at_ms = now;
                let wire = sent.take_new(machine);
                if !wire.is_empty() {
                    post(&protocol::progress(run, &wire, machine.now()));
                }
            }
        }
    };
    let practice: Rc<dyn PracticeApi> = Rc::new(AskThePage { run });
    let host = WorkerHost::new(mode, stop, api, practice, request.base_url.clone()).with_progress(flush);
    let mut machine = awaitlab_engine::start(&request.source, &config);
    awaitlab_engine::drive(&mut machine, &host).await;
    let wire = sent.borrow_mut().take_new(&machine);
    let stats = host.virtual_api_stats();
    let result = machine.into_result();
    let end = RunEnd {
        exit_code: result.exit_code,
        duration: result.duration,
        instructions: result.instructions,
        error: result.error,
        api_requests: stats.requests,
        api_ok: stats.ok,
        api_rate_limited: stats.rate_limited,
        api_errors: stats.errors,
        api_max_concurrent: stats.max_concurrent,
    };
    CURRENT.with(|c| *c.borrow_mut() = None);
    post(&end.to_js(run, &wire));
}
