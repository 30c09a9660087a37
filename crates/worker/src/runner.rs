//! The worker's side of a run: takes `run` and `stop` messages, drives the engine on
//! [`WorkerHost`], and sends the page what the run did, in bounded increments: at most one
//! `progress` message every `FLUSH_MS` while busy (and one when a real-time run starts to wait),
//! each carrying only what is new since the last.

use crate::host::{performance_now, PracticeApi, TimeMode, WorkerHost};
use crate::protocol::{self, RunEnd, RunRequest};
use awaitlab_engine::practice_api::Settings;
use awaitlab_engine::trace::http::{HttpRequest, HttpResult};
use awaitlab_engine::trace::Chunk;
use awaitlab_engine::Machine;
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
    /// A progress message is on its way and the page has not taken it in yet.
    unacknowledged: Rc<Cell<bool>>,
    /// A progress was held back for want of an ack: the ack wakes the host to send it.
    held_back: Rc<Cell<bool>>,
    wake: Option<crate::host::Wake>,
    /// Practice-API requests the page is making for this run: their answers' resolvers.
    http: HashMap<u64, js_sys::Function>,
    /// The line the page sent for the `input()` the program waits in.
    input: Rc<RefCell<Option<awaitlab_engine::InputLine>>>,
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

/// Posts a progress message; its bytes move to the page rather than being copied.
fn post_progress(message: &JsValue) {
    let _ = scope().post_message_with_transfer(message, &protocol::progress_buffers(message));
}

/// Starts answering the page's messages, and tells it the engine is ready.
pub fn listen() {
    let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(|event: web_sys::MessageEvent| handle(event.data()));
    scope().set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    post(&protocol::ready());
    // asyncio.py (every program's) and the library's list, fetched while the learner reads:
    // the first Run then starts at once instead of waiting for them.
    let href = js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("location"))
        .and_then(|l| js_sys::Reflect::get(&l, &JsValue::from_str("href")))
        .ok()
        .and_then(|h| h.as_string());
    if let Some(href) = href {
        let site = crate::fetch::absolute_url(&href, "../");
        wasm_bindgen_futures::spawn_local(async move {
            crate::library::for_program(&site, "").await;
        });
    }
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
        "ack" => {
            let run = protocol::run_id(&message);
            CURRENT.with(|c| {
                if let Some(current) = c.borrow().as_ref().filter(|c| c.run == run) {
                    current.unacknowledged.set(false);
                    if current.held_back.replace(false) {
                        if let Some(wake) = &current.wake {
                            wake.wake();
                        }
                    }
                }
            });
        }
        "input-line" => {
            let run = protocol::run_id(&message);
            let line = protocol::input_line_from_js(&message);
            CURRENT.with(|c| {
                if let Some(current) = c.borrow().as_ref().filter(|c| c.run == run) {
                    *current.input.borrow_mut() = Some(line.map_or(awaitlab_engine::InputLine::Eof, awaitlab_engine::InputLine::Line));
                    if let Some(wake) = &current.wake {
                        wake.wake();
                    }
                }
            });
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

/// The most wire text of each kind one message carries: the page takes in every message in
/// slices, but turning one message into its own text is a single step.
const MESSAGE_BYTES: usize = 256 * 1024;

/// What has been sent to the page so far, so that each message carries only what is new.
#[derive(Default)]
struct Sent {
    records: usize,
    /// The chunk being sent, and how many of its bytes went (the engine appends to its last
    /// chunk, so the last one sent may grow).
    chunk: usize,
    offset: usize,
    at_ms: f64,
}

impl Sent {
    /// The run's next output and trace records, in the wire form: at most about
    /// `MESSAGE_BYTES` of each. Empty when everything was sent.
    fn take_next(&mut self, machine: &Machine) -> (String, String) {
        (self.take_output(machine), self.take_trace(machine.trace_records()))
    }

    /// `records`: all the run's records so far.
    fn take_trace(&mut self, records: &[awaitlab_engine::trace::Record]) -> String {
        let mut trace = String::new();
        while self.records < records.len() && trace.len() < MESSAGE_BYTES {
            let end = (self.records + 256).min(records.len());
            awaitlab_engine::trace::wire::encode(&records[self.records..end], &[], &mut trace);
            self.records = end;
        }
        trace
    }

    fn take_output(&mut self, machine: &Machine) -> String {
        let chunks = machine.chunks();
        let mut out: Vec<Chunk> = Vec::new();
        let mut room = MESSAGE_BYTES;
        while self.chunk < chunks.len() && room > 0 {
            let chunk = &chunks[self.chunk];
            let rest = &chunk.text[self.offset..];
            if rest.is_empty() {
                if self.chunk + 1 == chunks.len() {
                    break;
                }
                self.chunk += 1;
                self.offset = 0;
                continue;
            }
            let mut take = rest.len().min(room);
            while !rest.is_char_boundary(take) {
                take += 1;
            }
            out.push(Chunk { stream: chunk.stream, text: rest[..take].to_string(), time: chunk.time });
            self.offset += take;
            room = room.saturating_sub(take);
        }
        let mut output = String::new();
        awaitlab_engine::trace::wire::encode(&[], &out, &mut output);
        output
    }
}

async fn run(request: RunRequest) {
    let run = request.run;
    let input = Rc::new(RefCell::new(None));
    let stop = Rc::new(Cell::new(false));
    let unacknowledged = Rc::new(Cell::new(false));
    let held_back = Rc::new(Cell::new(false));
    CURRENT.with(|c| {
        *c.borrow_mut() = Some(Current {
            run,
            stop: stop.clone(),
            unacknowledged: unacknowledged.clone(),
            held_back: held_back.clone(),
            wake: None,
            http: HashMap::new(),
            input: input.clone(),
        })
    });
    let api = Settings::from_query(&request.api);
    let library = crate::library::for_program(&request.base_url, &request.source).await;
    let config = RunConfig { filename: request.filename.clone(), epoch: request.epoch, api: api.clone(), library, ..Default::default() };
    let mode = match request.real_time {
        Some(speed) => TimeMode::RealTime { speed },
        None => TimeMode::Instant,
    };
    let sent = Rc::new(RefCell::new(Sent { at_ms: performance_now(), ..Default::default() }));
    let flush = {
        let sent = sent.clone();
        let unacknowledged = unacknowledged.clone();
        move |machine: &Machine, idle: bool| {
            let now = performance_now();
            let mut sent = sent.borrow_mut();
            // A good moment (the program waits, or wrote output to show at once), or a while.
            if idle || now - sent.at_ms >= FLUSH_MS {
                if unacknowledged.get() {
                    held_back.set(true);
                    return;
                }
                sent.at_ms = now;
                let (output, trace) = sent.take_next(machine);
                if !output.is_empty() || !trace.is_empty() {
                    unacknowledged.set(true);
                    post_progress(&protocol::progress(run, &output, &trace, machine.now()));
                }
            }
        }
    };
    let practice: Rc<dyn PracticeApi> = Rc::new(AskThePage { run });
    let host = WorkerHost::new(mode, stop, api, practice, request.base_url.clone())
        .with_progress(flush)
        .with_output_pauses(unacknowledged.clone())
        .with_input(crate::host::PageInput::new(input, move || post(&protocol::input_wanted(run))));
    CURRENT.with(|c| {
        if let Some(current) = c.borrow_mut().as_mut() {
            current.wake = Some(host.wake_handle());
        }
    });
    let mut machine = awaitlab_engine::start(&request.source, &config);
    awaitlab_engine::drive(&mut machine, &host).await;
    // The output not sent yet, then the end: the run is over for the page as soon as its
    // output is in. The rest of the trace follows (the timeline waits for it).
    loop {
        let output = sent.borrow_mut().take_output(&machine);
        if output.is_empty() {
            break;
        }
        post_progress(&protocol::progress(run, &output, "", machine.now()));
    }
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
        trace_records_left: result.trace.len().saturating_sub(sent.borrow().records) as u64,
    };
    post(&end.to_js(run));
    loop {
        let trace = sent.borrow_mut().take_trace(&result.trace);
        if trace.is_empty() {
            break;
        }
        post_progress(&protocol::progress(run, "", &trace, result.duration));
    }
    post(&protocol::trace_done(run));
    CURRENT.with(|c| *c.borrow_mut() = None);
}
