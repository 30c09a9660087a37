//! The engine's worker, seen from the page: started when the page loads (and again whenever it
//! had to be ended), given one run at a time, and always stoppable.
//!
//! Stop escalates: the page asks the worker to stop; a worker that does not say it saw the
//! request within `ACK_MS` (a native runaway, a trap) or has not ended the run within `END_MS`
//! is terminated, the run ends as stopped with what arrived so far, and a fresh worker starts.
//! A worker that dies (a trap, memory exhausted) ends its run as failed, with the reason.

use awaitlab_engine::machine::{Chunk, Stream};
use awaitlab_engine::practice_api::Stats;
use awaitlab_engine::trace::Record;
use awaitlab_engine::{RunResult, RunConfig};
use awaitlab_worker::protocol::{self, RunEnd, RunRequest};
use leptos::prelude::*;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

pub use awaitlab_worker::host::TimeMode;

/// The worker's entry script, relative to the page (set by `cargo xtask` at build time).
const WORKER_SCRIPT: Option<&str> = option_env!("AWAITLAB_ENGINE_WORKER");

/// A worker must say it saw a Stop within this time...
const ACK_MS: i32 = 60;
/// ...and end the run within this one, or it is terminated.
const END_MS: i32 = 250;

/// What a run has done so far, as the page received it.
#[derive(Default)]
pub struct LiveRun {
    pub chunks: Vec<Chunk>,
    pub records: Vec<Record>,
    /// The program's clock at the last progress.
    pub now: f64,
    /// How many chunks and records the last progress added (the tail of each list).
    pub new_chunks: usize,
    pub new_records: usize,
}

impl LiveRun {
    /// Adds what a progress or done message carried; output continues the last chunk when it
    /// was written at the same moment on the same stream (as the engine itself merges it).
    fn absorb(&mut self, wire: &str) {
        self.new_chunks = 0;
        self.new_records = 0;
        let Ok((records, chunks)) = awaitlab_engine::wire::decode(wire) else { return };
        self.new_records = records.len();
        self.records.extend(records);
        for chunk in chunks {
            match self.chunks.last_mut() {
                Some(last) if last.stream == chunk.stream && last.time == chunk.time => last.text.push_str(&chunk.text),
                _ => {
                    self.chunks.push(chunk);
                    self.new_chunks += 1;
                }
            }
        }
    }
}

enum Outcome {
    Ended(RunEnd),
    /// Stopped by terminating the worker: why.
    Terminated(String),
    /// The worker died: why.
    Crashed(String),
}

struct ActiveRun {
    id: u32,
    live: LiveRun,
    on_progress: Box<dyn Fn(&LiveRun)>,
    /// Resolves the promise `run` awaits.
    finish: js_sys::Function,
    outcome: Option<Outcome>,
    stop_acked: bool,
    stop_requested: bool,
}

/// Whether the engine can take a run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EngineState {
    Loading,
    Ready,
    /// It could not be loaded (offline before its first visit, a blocked script): why.
    Unavailable(String),
}

struct Engine {
    worker: Option<web_sys::Worker>,
    state: RwSignal<EngineState>,
    waiting: Vec<js_sys::Function>,
    run: Option<ActiveRun>,
    next_id: u32,
}

thread_local! {
    static ENGINE: RefCell<Option<Engine>> = const { RefCell::new(None) };
}

fn with_engine<R>(f: impl FnOnce(&mut Engine) -> R) -> Option<R> {
    ENGINE.with(|e| e.borrow_mut().as_mut().map(f))
}

/// The engine's state, for the page (Run waits for `Ready`). Starts the worker on first use.
pub fn state() -> RwSignal<EngineState> {
    if let Some(state) = with_engine(|e| e.state) {
        return state;
    }
    let state = RwSignal::new(EngineState::Loading);
    ENGINE.with(|e| *e.borrow_mut() = Some(Engine { worker: None, state, waiting: Vec::new(), run: None, next_id: 1 }));
    spawn_worker();
    state
}

fn spawn_worker() {
    let Some(script) = WORKER_SCRIPT else {
        set_state(EngineState::Unavailable("this build has no engine worker".into()));
        return;
    };
    let options = web_sys::WorkerOptions::new();
    options.set_type(web_sys::WorkerType::Module);
    let worker = match web_sys::Worker::new_with_options(script, &options) {
        Ok(w) => w,
        Err(e) => {
            set_state(EngineState::Unavailable(js_text(&e)));
            return;
        }
    };
    let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(on_message);
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    let on_error = Closure::<dyn FnMut(web_sys::ErrorEvent)>::new(|event: web_sys::ErrorEvent| {
        event.prevent_default();
        crashed(clean_reason(&event.message()));
    });
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    on_error.forget();
    set_state(EngineState::Loading);
    with_engine(|e| e.worker = Some(worker));
}

fn set_state(state: EngineState) {
    let waiting = with_engine(|e| {
        e.state.set(state.clone());
        if state != EngineState::Loading {
            std::mem::take(&mut e.waiting)
        } else {
            Vec::new()
        }
    })
    .unwrap_or_default();
    for resolve in waiting {
        let _ = resolve.call0(&JsValue::NULL);
    }
}

fn js_text(e: &JsValue) -> String {
    e.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message())).or_else(|| e.as_string()).unwrap_or_else(|| "unknown error".into())
}

/// "Uncaught RuntimeError: unreachable" → "RuntimeError: unreachable".
fn clean_reason(message: &str) -> String {
    message.trim_start_matches("Uncaught ").to_string()
}

fn post(message: &JsValue) {
    with_engine(|e| {
        if let Some(w) = &e.worker {
            let _ = w.post_message(message);
        }
    });
}

fn on_message(event: web_sys::MessageEvent) {
    let message = event.data();
    let kind = protocol::kind(&message);
    if kind == "ready" {
        set_state(EngineState::Ready);
        return;
    }
    if kind == "crashed" {
        crashed(crash_reason(&message));
        return;
    }
    let run = protocol::run_id(&message);
    let active = with_engine(|e| e.run.as_ref().map(|r| r.id)).flatten();
    if active != Some(run) {
        return;
    }
    match kind.as_str() {
        "progress" => with_engine(|e| {
            if let Some(r) = e.run.as_mut() {
                r.live.absorb(&protocol::progress_wire(&message));
                r.live.now = protocol::progress_now(&message);
                (r.on_progress)(&r.live);
            }
        })
        .unwrap_or_default(),
        "stopping" => with_engine(|e| {
            if let Some(r) = e.run.as_mut() {
                r.stop_acked = true;
            }
        })
        .unwrap_or_default(),
        "http" => {
            let request = protocol::http_request(&message);
            wasm_bindgen_futures::spawn_local(async move {
                let id = request.id;
                let result = super::fetch::perform(request).await;
                // The run may have ended (or its worker been replaced) meanwhile.
                if with_engine(|e| e.run.as_ref().map(|r| r.id)).flatten() == Some(run) {
                    post(&protocol::http_result(run, id, &result));
                }
            });
        }
        "done" => {
            let end = RunEnd::from_js(&message);
            with_engine(|e| {
                if let Some(r) = e.run.as_mut() {
                    r.live.absorb(&protocol::progress_wire(&message));
                }
            });
            finish(Outcome::Ended(end));
        }
        _ => {}
    }
}

/// The worker's own report of its death (its entry script catches the error first).
fn crash_reason(message: &JsValue) -> String {
    let get = |k: &str| js_sys::Reflect::get(message, &k.into()).unwrap_or(JsValue::UNDEFINED);
    let reason = clean_reason(&get("reason").as_string().unwrap_or_default());
    let memory_mb = get("memory").as_f64().unwrap_or(0.0) / (1024.0 * 1024.0);
    if memory_mb >= 1500.0 || reason.contains("memory") {
        format!("out of memory at ~{memory_mb:.0} MB")
    } else if memory_mb > 0.0 {
        format!("{reason} (memory in use: ~{memory_mb:.0} MB)")
    } else {
        reason
    }
}

fn finish(outcome: Outcome) {
    let resolve = with_engine(|e| {
        e.run.as_mut().map(|r| {
            r.outcome = Some(outcome);
            r.finish.clone()
        })
    })
    .flatten();
    if let Some(resolve) = resolve {
        let _ = resolve.call0(&JsValue::NULL);
    }
}

/// Ends the worker and starts a fresh one.
fn replace_worker() {
    if let Some(Some(worker)) = with_engine(|e| e.worker.take()) {
        worker.terminate();
    }
    spawn_worker();
}

fn crashed(reason: String) {
    let had_run = with_engine(|e| e.run.is_some()).unwrap_or(false);
    replace_worker();
    if had_run {
        finish(Outcome::Crashed(reason));
    }
}

/// Asks the running program to stop; escalates to terminating the worker (module docs).
pub fn stop() {
    let Some(Some(id)) = with_engine(|e| {
        e.run.as_mut().filter(|r| !r.stop_requested).map(|r| {
            r.stop_requested = true;
            r.id
        })
    }) else {
        return;
    };
    post(&protocol::stop(id));
    let check = move |limit_ms: i32, need_ack: bool| {
        let cb = Closure::once_into_js(move || {
            let overdue = with_engine(|e| e.run.as_ref().is_some_and(|r| r.id == id && r.outcome.is_none() && (!need_ack || !r.stop_acked))).unwrap_or(false);
            if overdue {
                replace_worker();
                let why = if need_ack {
                    format!("the engine did not answer Stop within {limit_ms} ms, so it was restarted")
                } else {
                    format!("the program did not end within {limit_ms} ms of Stop, so the engine was restarted")
                };
                finish(Outcome::Terminated(why));
            }
        });
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(cb.unchecked_ref(), limit_ms);
        }
    };
    check(ACK_MS, true);
    check(END_MS, false);
}

/// Waits until the engine is ready (or known to be unavailable).
async fn ready() -> Result<(), String> {
    loop {
        match state().get_untracked() {
            EngineState::Ready => return Ok(()),
            EngineState::Unavailable(why) => return Err(why),
            EngineState::Loading => {
                let promise = js_sys::Promise::new(&mut |resolve, _| {
                    with_engine(|e| e.waiting.push(resolve));
                });
                let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
            }
        }
    }
}

fn the_page_base() -> String {
    web_sys::window().and_then(|w| w.document()).and_then(|d| d.base_uri().ok().flatten()).unwrap_or_default()
}

fn failure(why: &str) -> RunResult {
    let chunks = vec![Chunk { stream: Stream::Stderr, text: format!("{why}\n"), time: 0.0 }];
    RunResult { exit_code: 1, chunks, trace: vec![], duration: 0.0, instructions: 0, error: None }
}

/// Runs a program in the worker with a fresh practice API set up as `config.api` says,
/// showing the run so far through `on_progress`; returns what the program did and what the
/// practice API saw.
pub async fn run(source: &str, config: &RunConfig, mode: TimeMode, on_progress: impl Fn(&LiveRun) + 'static) -> (RunResult, Stats) {
    if let Err(why) = ready().await {
        return (failure(&format!("The engine could not be loaded: {why}")), Stats::default());
    }
    let real_time = match mode {
        TimeMode::RealTime { speed } => Some(speed),
        TimeMode::Instant => None,
    };
    super::practice::api().configure(config.api.clone(), real_time.unwrap_or(1.0));
    let mut finish_fn = None;
    let done = js_sys::Promise::new(&mut |resolve, _| finish_fn = Some(resolve));
    let id = with_engine(|e| {
        let id = e.next_id;
        e.next_id += 1;
        e.run = Some(ActiveRun {
            id,
            live: LiveRun::default(),
            on_progress: Box::new(on_progress),
            finish: finish_fn.take().expect("the promise runs its executor at once"),
            outcome: None,
            stop_acked: false,
            stop_requested: false,
        });
        id
    })
    .unwrap_or(0);
    let request = RunRequest {
        run: id,
        source: source.to_string(),
        filename: config.filename.clone(),
        epoch: config.epoch,
        api: config.api.to_query(),
        real_time,
        base_url: the_page_base(),
    };
    post(&request.to_js());
    let _ = wasm_bindgen_futures::JsFuture::from(done).await;
    let active = with_engine(|e| e.run.take()).flatten().expect("the run that just ended");
    let mut live = active.live;
    let stats_of_page = || super::practice::api().stats();
    match active.outcome {
        Some(Outcome::Ended(end)) => {
            let stats = match mode {
                TimeMode::Instant => Stats {
                    requests: end.api_requests,
                    ok: end.api_ok,
                    rate_limited: end.api_rate_limited,
                    errors: end.api_errors,
                    max_concurrent: end.api_max_concurrent,
                    ..Stats::default()
                },
                TimeMode::RealTime { .. } => stats_of_page(),
            };
            let result = RunResult { exit_code: end.exit_code, chunks: live.chunks, trace: live.records, duration: end.duration, instructions: end.instructions, error: end.error };
            (result, stats)
        }
        Some(Outcome::Terminated(why)) => {
            live.chunks.push(Chunk { stream: Stream::Stderr, text: format!("\nKeyboardInterrupt: stopped by the user ({why})\n"), time: live.now });
            let result = RunResult { exit_code: 130, chunks: live.chunks, trace: live.records, duration: live.now, instructions: 0, error: None };
            (result, stats_of_page())
        }
        Some(Outcome::Crashed(why)) => {
            live.chunks.push(Chunk { stream: Stream::Stderr, text: format!("\nThe engine stopped: {why}. The output so far is kept; Run works again.\n"), time: live.now });
            let result = RunResult { exit_code: 1, chunks: live.chunks, trace: live.records, duration: live.now, instructions: 0, error: None };
            (result, stats_of_page())
        }
        None => (failure("The run ended without a result."), Stats::default()),
    }
}
