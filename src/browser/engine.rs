//! The engine's worker, seen from the page: started when the page loads (and again whenever it
//! had to be ended), given one run at a time, and always stoppable.
//!
//! What a run sends (progress in the engine's wire form) is queued and taken in by a pump that
//! works at most `SLICE_MS` at a time, in pieces of a few hundred lines, so no amount of output
//! or trace holds up the page. Output comes first: the worker sends its next progress once the
//! page has taken in the last one's output (`ack`), and a run is over for the page when its
//! output is all in; its trace is taken in behind, and the timeline drawn when it is complete.
//!
//! Stop escalates: the page asks the worker to stop; a worker that does not say it saw the
//! request within `ACK_MS` (a native runaway, a trap) or has not ended the run within `END_MS`
//! is terminated, the run ends as stopped with what arrived so far, and a fresh worker starts.
//! A worker that dies (a trap, memory exhausted) ends its run as failed, with the reason.

use awaitlab_engine::practice_api::Stats;
use awaitlab_engine::trace::Record;
use awaitlab_engine::trace::{Chunk, Stream};
use awaitlab_engine::{RunConfig, RunResult};
use awaitlab_worker::protocol::{self, RunEnd, RunRequest};
use leptos::prelude::*;
use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

pub use awaitlab_worker::host::TimeMode;

/// The worker's entry script, relative to the page (set by `cargo xtask` at build time).
const WORKER_SCRIPT: Option<&str> = option_env!("AWAITLAB_ENGINE_WORKER");

/// A worker must say it saw a Stop within this time...
const ACK_MS: i32 = 60;
/// ...and end the run within this one, or it is terminated.
const END_MS: i32 = 250;

/// The pump's work per task, and the lines of wire form it decodes at a time: output lines are
/// cheap to take in; a trace line is a record for the timeline's builder (and in real time the
/// live inspector's model), up to 13 ms a thousand while the page's code is cold.
const SLICE_MS: f64 = 4.0;
const OUTPUT_PIECE_LINES: usize = 1000;
const TRACE_PIECE_LINES: usize = 250;
/// A run's end waits for this many trace records still to come (its timeline then comes with
/// it); a longer trace is taken in after the run is over for the page.
const SMALL_TRACE_RECORDS: u64 = 15_000;

/// What a run has done so far, as the page received it.
#[derive(Default)]
pub struct LiveRun {
    /// The output so far (a chunk continues the last one when written at the same moment on
    /// the same stream, as the engine itself merges them).
    pub chunks: Vec<Chunk>,
    /// The trace so far, in the pieces it arrived in (one long vector would be copied whole
    /// each time it grew: tens of milliseconds for a long run's trace).
    pub trace: Vec<Vec<Record>>,
    /// Records in `trace`.
    pub records: usize,
    /// The program's clock at the last progress.
    pub now: f64,
    /// What the last piece added: its output, and whether it added a piece of trace (the last
    /// of `trace`).
    pub fresh_chunks: Vec<Chunk>,
    pub fresh_trace: bool,
}

impl LiveRun {
    /// The records the last piece added.
    pub fn fresh_records(&self) -> &[Record] {
        match self.trace.last() {
            Some(piece) if self.fresh_trace => piece,
            _ => &[],
        }
    }

    /// Adds a piece of a progress message: output, trace records, or both (wire text).
    fn absorb(&mut self, output: &str, trace: &str) {
        self.fresh_chunks.clear();
        self.fresh_trace = false;
        if let Ok((records, _)) = awaitlab_engine::trace::wire::decode(trace) {
            if !records.is_empty() {
                self.records += records.len();
                self.trace.push(records);
                self.fresh_trace = true;
            }
        }
        let Ok((_, chunks)) = awaitlab_engine::trace::wire::decode(output) else { return };
        for chunk in &chunks {
            match self.chunks.last_mut() {
                Some(last) if last.stream == chunk.stream && last.time == chunk.time => last.text.push_str(&chunk.text),
                _ => self.chunks.push(chunk.clone()),
            }
        }
        self.fresh_chunks = chunks;
    }

    /// Adds a note of the page's own (why a run was ended).
    fn note(&mut self, text: String) {
        let chunk = Chunk { stream: Stream::Stderr, text, time: self.now };
        self.chunks.push(chunk.clone());
        self.fresh_chunks = vec![chunk];
        self.fresh_trace = false;
    }
}

enum Outcome {
    Ended(RunEnd),
    /// Stopped by terminating the worker: why.
    Terminated(String),
    /// The worker died: why.
    Crashed(String),
}

/// Output work for the pump, in the order it arrived.
enum Queued {
    /// A progress message's output: wire text from `at` on; `ack` the worker once taken in.
    Output { text: String, at: usize, now: f64 },
    /// The run's end, taken in after everything that came before it.
    End(Outcome),
}

/// A run's receiving side: what arrived, and who is shown it. Kept out of the engine's state
/// so that showing progress can never meet a borrowed engine.
struct Sink {
    live: RefCell<LiveRun>,
    on_progress: Box<dyn Fn(&LiveRun)>,
    output: RefCell<VecDeque<Queued>>,
    /// Trace records' wire text still to take in, and from where.
    trace: RefCell<VecDeque<(String, usize)>>,
    outcome: RefCell<Option<Outcome>>,
    /// The run's output is all in: resolves the promise `run` awaits.
    finish: js_sys::Function,
    /// Its trace is all in too: resolves the promise `Trace::complete` awaits.
    trace_complete: RefCell<Option<js_sys::Function>>,
    trace_promise: js_sys::Promise,
    ended: std::cell::Cell<bool>,
    /// The worker sent the last of the trace (`trace-done`), or will send nothing more.
    trace_ended: std::cell::Cell<bool>,
    run: u32,
}

struct ActiveRun {
    id: u32,
    sink: Rc<Sink>,
    stop_acked: bool,
    stop_requested: bool,
    /// The run has ended (its end is queued or taken in): no more escalation.
    ended: bool,
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
    /// The sink the pump works on: the active run's, or a finished run's whose trace is still
    /// being taken in.
    pump_sink: Option<Rc<Sink>>,
    next_id: u32,
    pumping: bool,
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
    ENGINE.with(|e| {
        *e.borrow_mut() = Some(Engine { worker: None, state, waiting: Vec::new(), run: None, pump_sink: None, next_id: 1, pumping: false })
    });
    spawn_worker();
    state
}

fn spawn_worker() {
    let Some(script) = WORKER_SCRIPT else {
        set_state(EngineState::Unavailable("this build has no engine worker".into()));
        return;
    };
    let created = match super::bundle::classic_worker(script) {
        Some(bundled) => web_sys::Worker::new(&bundled),
        None => {
            let options = web_sys::WorkerOptions::new();
            options.set_type(web_sys::WorkerType::Module);
            web_sys::Worker::new_with_options(script, &options)
        }
    };
    let worker = match created {
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

/// The sink of run `run`: the active run's, or a finished run's whose trace still comes in.
fn sink_of(run: u32) -> Option<Rc<Sink>> {
    with_engine(|e| e.pump_sink.clone().filter(|s| s.run == run)).flatten()
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
    let Some(sink) = sink_of(run) else { return };
    match kind.as_str() {
        "progress" => {
            let (output, trace) = protocol::progress_parts(&message);
            sink.output.borrow_mut().push_back(Queued::Output { text: output, at: 0, now: protocol::progress_now(&message) });
            if !trace.is_empty() {
                sink.trace.borrow_mut().push_back((trace, 0));
            }
            schedule_pump();
        }
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
                if sink_of(run).is_some() {
                    post(&protocol::http_result(run, id, &result));
                }
            });
        }
        "input-wanted" => input_wanted().set(Some(run)),
        "done" => end_run(&sink, Outcome::Ended(RunEnd::from_js(&message))),
        "trace-done" => {
            sink.trace_ended.set(true);
            schedule_pump();
        }
        _ => {}
    }
}

/// Queues the run's end (after what it sent before), once.
fn end_run(sink: &Rc<Sink>, outcome: Outcome) {
    if input_wanted().get_untracked() == Some(sink.run) {
        input_wanted().set(None);
    }
    // A worker that was ended or died sends no more trace.
    if !matches!(outcome, Outcome::Ended(_)) {
        sink.trace_ended.set(true);
    }
    let first =
        with_engine(|e| e.run.as_mut().filter(|r| Rc::ptr_eq(&r.sink, sink)).map(|r| !std::mem::replace(&mut r.ended, true))).flatten();
    if first == Some(true) {
        sink.output.borrow_mut().push_back(Queued::End(outcome));
        schedule_pump();
    }
}

fn schedule_pump() {
    let already = with_engine(|e| std::mem::replace(&mut e.pumping, true)).unwrap_or(true);
    if already {
        return;
    }
    // A macrotask of its own: the browser paints and handles input between two slices.
    let Ok(channel) = web_sys::MessageChannel::new() else { return };
    let on_message = Closure::once_into_js(move |_: web_sys::MessageEvent| pump());
    channel.port1().set_onmessage(Some(on_message.unchecked_ref()));
    let _ = channel.port2().post_message(&JsValue::NULL);
}

/// The next `lines` lines of `text` from byte `at`: the piece and where the rest starts.
fn next_piece(text: &str, at: usize, lines: usize) -> (&str, usize) {
    let rest = &text[at..];
    let end = rest.match_indices('\n').nth(lines - 1).map_or(rest.len(), |(i, _)| i + 1);
    (&rest[..end], at + end)
}

/// Takes in queued work for at most `SLICE_MS` (output first, then trace), then gives the page
/// back its thread.
fn pump() {
    with_engine(|e| e.pumping = false);
    let Some(sink) = with_engine(|e| e.pump_sink.clone()).flatten() else { return };
    let started = now_ms();
    while now_ms() - started < SLICE_MS {
        // A run's end waits for a short trace (its timeline then comes with it); a long one
        // is taken in after the run is over for the page.
        let wait_for_trace = match sink.output.borrow().front() {
            Some(Queued::End(Outcome::Ended(end))) => {
                end.trace_records_left <= SMALL_TRACE_RECORDS && !(sink.trace_ended.get() && sink.trace.borrow().is_empty())
            }
            _ => false,
        };
        if wait_for_trace && sink.trace.borrow().is_empty() {
            // The rest of the trace is on its way: the next message schedules the pump.
            return;
        }
        let output = if wait_for_trace { None } else { sink.output.borrow_mut().pop_front() };
        if let Some(item) = output {
            match item {
                Queued::Output { text, at, now } => {
                    let (piece, next) = next_piece(&text, at, OUTPUT_PIECE_LINES);
                    {
                        let mut live = sink.live.borrow_mut();
                        live.absorb(piece, "");
                        live.now = now;
                    }
                    (sink.on_progress)(&sink.live.borrow());
                    if next < text.len() {
                        sink.output.borrow_mut().push_front(Queued::Output { text, at: next, now });
                    } else if let Some(run) = with_engine(|e| e.run.as_ref().map(|r| r.id)).flatten() {
                        post(&protocol::ack(run));
                    }
                }
                Queued::End(outcome) => {
                    *sink.outcome.borrow_mut() = Some(outcome);
                    sink.ended.set(true);
                    let _ = sink.finish.call0(&JsValue::NULL);
                }
            }
            continue;
        }
        let trace = sink.trace.borrow_mut().pop_front();
        match trace {
            Some((text, at)) => {
                let (piece, next) = next_piece(&text, at, TRACE_PIECE_LINES);
                sink.live.borrow_mut().absorb("", piece);
                (sink.on_progress)(&sink.live.borrow());
                if next < text.len() {
                    sink.trace.borrow_mut().push_front((text, next));
                }
            }
            None => {
                if sink.ended.get() && sink.trace_ended.get() {
                    with_engine(|e| e.pump_sink = None);
                    if let Some(complete) = sink.trace_complete.borrow_mut().take() {
                        let _ = complete.call0(&JsValue::NULL);
                    }
                }
                return;
            }
        }
    }
    schedule_pump();
}

fn now_ms() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.now())
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

/// Ends the worker and starts a fresh one.
fn replace_worker() {
    if let Some(Some(worker)) = with_engine(|e| e.worker.take()) {
        worker.terminate();
    }
    spawn_worker();
}

fn crashed(reason: String) {
    // A worker that never became ready could not load (a missing file, offline before the
    // first visit): it is not started again until the next Run asks for it.
    if state().get_untracked() == EngineState::Loading {
        if let Some(Some(worker)) = with_engine(|e| e.worker.take()) {
            worker.terminate();
        }
        set_state(EngineState::Unavailable(reason));
        return;
    }
    let sink = with_engine(|e| e.run.as_ref().map(|r| r.sink.clone())).flatten();
    replace_worker();
    if let Some(sink) = sink {
        end_run(&sink, Outcome::Crashed(reason));
    }
}

thread_local! {
    /// The run whose program waits in `input()`, if any: the console shows a line to type in.
    static INPUT_WANTED: RwSignal<Option<u32>> = RwSignal::new(None);
}

/// The run waiting in `input()` (the console's input line follows it).
pub fn input_wanted() -> RwSignal<Option<u32>> {
    INPUT_WANTED.with(|s| *s)
}

/// What the learner typed for the program waiting in `input()` (None: end of input, Ctrl+D).
pub fn send_input(run: u32, line: Option<&str>) {
    input_wanted().set(None);
    post(&protocol::input_line(run, line));
}

/// Asks the running program to stop; escalates to terminating the worker (module docs).
pub fn stop() {
    let Some(Some(id)) = with_engine(|e| {
        e.run.as_mut().filter(|r| !r.stop_requested && !r.ended).map(|r| {
            r.stop_requested = true;
            r.id
        })
    }) else {
        return;
    };
    post(&protocol::stop(id));
    let check = move |limit_ms: i32, need_ack: bool| {
        let cb = Closure::once_into_js(move || {
            let overdue =
                with_engine(|e| e.run.as_ref().filter(|r| r.id == id && !r.ended && (!need_ack || !r.stop_acked)).map(|r| r.sink.clone()))
                    .flatten();
            if let Some(sink) = overdue {
                replace_worker();
                let why = if need_ack {
                    format!("the engine did not answer Stop within {limit_ms} ms, so it was restarted")
                } else {
                    format!("the program did not end within {limit_ms} ms of Stop, so the engine was restarted")
                };
                end_run(&sink, Outcome::Terminated(why));
            }
        });
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(cb.unchecked_ref(), limit_ms);
        }
    };
    check(ACK_MS, true);
    check(END_MS, false);
}

/// Waits until the engine is ready (or known to be unavailable). An engine that could not load
/// is tried once more.
async fn ready() -> Result<(), String> {
    if matches!(state().get_untracked(), EngineState::Unavailable(_)) && WORKER_SCRIPT.is_some() {
        spawn_worker();
    }
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

/// A run's trace, still being taken in when the run's output is all in; the timeline waits
/// for it (and the page stays responsive meanwhile).
pub struct Trace {
    sink: Option<Rc<Sink>>,
}

impl Trace {
    /// Every trace record the run sent, in the pieces they came in (those taken in, if a
    /// newer run took the page's attention first).
    pub async fn complete(self) -> Vec<Vec<Record>> {
        let Some(sink) = self.sink else { return Vec::new() };
        let _ = wasm_bindgen_futures::JsFuture::from(sink.trace_promise.clone()).await;
        let pieces = std::mem::take(&mut sink.live.borrow_mut().trace);
        pieces
    }
}

/// A run that could not happen: why, shown as its output.
fn failure(why: &str, on_progress: &dyn Fn(&LiveRun)) -> (RunResult, Stats, Trace) {
    let mut live = LiveRun::default();
    live.note(format!("{why}\n"));
    on_progress(&live);
    let result = RunResult { exit_code: 1, chunks: live.chunks, trace: vec![], duration: 0.0, instructions: 0, error: None };
    (result, Stats::default(), Trace { sink: None })
}

/// Lets go of a finished run's trace still being taken in (a new run starts): whoever waits
/// for it gets what arrived.
fn abandon_trace() {
    if let Some(old) = with_engine(|e| e.pump_sink.take()).flatten() {
        old.trace.borrow_mut().clear();
        if let Some(complete) = old.trace_complete.borrow_mut().take() {
            let _ = complete.call0(&JsValue::NULL);
        }
    }
}

/// Runs a program in the worker with a fresh practice API set up as `config.api` says,
/// showing the run so far through `on_progress`. Returns when the run's output is all in:
/// what the program did (its trace still empty), what the practice API saw, and the trace to
/// wait for.
pub async fn run(source: &str, config: &RunConfig, mode: TimeMode, on_progress: impl Fn(&LiveRun) + 'static) -> (RunResult, Stats, Trace) {
    if let Err(why) = ready().await {
        return failure(&format!("The engine could not be loaded: {why}"), &on_progress);
    }
    let real_time = match mode {
        TimeMode::RealTime { speed } => Some(speed),
        TimeMode::Instant => None,
    };
    super::practice::api().configure(config.api.clone(), real_time.unwrap_or(1.0));
    abandon_trace();
    let mut finish = None;
    let done = js_sys::Promise::new(&mut |resolve, _| finish = Some(resolve));
    let mut trace_complete = None;
    let trace_promise = js_sys::Promise::new(&mut |resolve, _| trace_complete = Some(resolve));
    let sink = Rc::new(Sink {
        live: RefCell::new(LiveRun::default()),
        on_progress: Box::new(on_progress),
        output: RefCell::new(VecDeque::new()),
        trace: RefCell::new(VecDeque::new()),
        outcome: RefCell::new(None),
        finish: finish.expect("a promise runs its executor at once"),
        trace_complete: RefCell::new(trace_complete),
        trace_promise,
        ended: std::cell::Cell::new(false),
        trace_ended: std::cell::Cell::new(false),
        run: with_engine(|e| e.next_id).unwrap_or(0),
    });
    let id = with_engine(|e| {
        let id = e.next_id;
        e.next_id += 1;
        e.run = Some(ActiveRun { id, sink: sink.clone(), stop_acked: false, stop_requested: false, ended: false });
        e.pump_sink = Some(sink.clone());
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
    with_engine(|e| e.run = None);
    // The trace may still be coming in: the pump finishes it; the page's note goes last.
    schedule_pump();
    let outcome = sink.outcome.borrow_mut().take();
    let (chunks, now) = {
        let mut live = sink.live.borrow_mut();
        (std::mem::take(&mut live.chunks), live.now)
    };
    let trace = Trace { sink: Some(sink.clone()) };
    let stats_of_page = || super::practice::api().stats();
    let ended_by_page = |why: String, exit_code: i32| {
        let mut note = LiveRun { now, ..LiveRun::default() };
        note.note(why);
        (sink.on_progress)(&note);
        let mut chunks = chunks.clone();
        chunks.extend(note.chunks);
        let result = RunResult { exit_code, chunks, trace: vec![], duration: now, instructions: 0, error: None };
        (result, stats_of_page())
    };
    let (result, stats) = match outcome {
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
            let result = RunResult {
                exit_code: end.exit_code,
                chunks,
                trace: vec![],
                duration: end.duration,
                instructions: end.instructions,
                error: end.error,
            };
            (result, stats)
        }
        Some(Outcome::Terminated(why)) => ended_by_page(format!("\nKeyboardInterrupt: stopped by the user ({why})\n"), 130),
        Some(Outcome::Crashed(why)) => {
            ended_by_page(format!("\nThe engine stopped: {why}. The output so far is kept; Run works again.\n"), 1)
        }
        None => ended_by_page("The run ended without a result.\n".into(), 1),
    };
    (result, stats, trace)
}
