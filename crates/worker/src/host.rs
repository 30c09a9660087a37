//! `WorkerHost`: the engine's [`Host`] on a browser event loop (the worker's, or a page's in
//! tests). Program time comes from `performance.now()` in real time, or jumps ahead in instant
//! mode; sleeps are timers; yields are macrotasks (a `MessageChannel` message), never an endless
//! microtask chain, so messages (Stop, HTTP answers) are handled between slices.
//!
//! Instant mode runs at full speed: it gives the event loop a turn only every `TURN_MS` of
//! wall time, enough to see a Stop and to send the page what happened so far.

use awaitlab_engine::practice_api::{Settings, Stats};
use awaitlab_engine::trace::http::{is_practice_api, HttpRequest, HttpResult};
use awaitlab_engine::{Host, VirtualNetwork};
use awaitlab_engine::{InputLine, Machine};
use std::cell::{Cell, RefCell};
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum TimeMode {
    /// A `sleep(1)` takes one second (scaled by `speed`).
    RealTime { speed: f64 },
    /// Virtual clock: the run completes at once.
    Instant,
}

/// Where practice-API requests (`/api/...`) go in real time: the page's server (through the
/// page, which makes a real `fetch()` the service worker relays), or a server of the caller's.
pub trait PracticeApi {
    fn perform(&self, request: HttpRequest) -> Pin<Box<dyn Future<Output = HttpResult>>>;
}

/// In instant mode: give the event loop a turn at least this often (wall time).
const TURN_MS: f64 = 8.0;

/// After a Stop, the program's cleanup (`finally` blocks of the cancelled main task) gets this
/// long (wall time) before the run is ended regardless: within the page's own 250 ms.
const CLEANUP_MS: f64 = 150.0;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_name = setTimeout)]
    fn set_timeout(callback: &js_sys::Function, ms: i32) -> JsValue;
    #[wasm_bindgen(thread_local_v2, js_name = performance)]
    static PERFORMANCE: web_sys::Performance;
}

pub fn performance_now() -> f64 {
    PERFORMANCE.with(|p| p.now())
}

/// A macrotask boundary: resolves after the event loop has had a chance to run other tasks.
pub async fn next_macrotask() {
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        let Ok(channel) = web_sys::MessageChannel::new() else {
            let _ = resolve.call0(&JsValue::NULL);
            return;
        };
        let port = channel.port1();
        let on_message = Closure::once_into_js(move |_: web_sys::MessageEvent| {
            let _ = resolve.call0(&JsValue::NULL);
        });
        port.set_onmessage(Some(on_message.unchecked_ref()));
        let _ = channel.port2().post_message(&JsValue::NULL);
    });
    let _ = JsFuture::from(promise).await;
}

/// Resolves after `ms`, or earlier when an HTTP answer arrives (it calls the stored resolver).
async fn sleep_or_wake(ms: f64, waker: &Rc<RefCell<Option<js_sys::Function>>>) {
    let waker = waker.clone();
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        set_timeout(&resolve, ms.ceil() as i32);
        *waker.borrow_mut() = Some(resolve);
    });
    let _ = JsFuture::from(promise).await;
}

/// Ends a host's real-time sleep early (see `WorkerHost::wake_handle`).
#[derive(Clone)]
pub struct Wake {
    waker: Rc<RefCell<Option<js_sys::Function>>>,
    woken: Rc<Cell<bool>>,
}

impl Wake {
    pub fn wake(&self) {
        self.woken.set(true);
        if let Some(resolve) = self.waker.borrow_mut().take() {
            let _ = resolve.call0(&JsValue::NULL);
        }
    }
}

/// Shown the machine after every slice, and whether it now waits.
type ProgressFn = Box<dyn Fn(&Machine, bool)>;

pub struct WorkerHost {
    mode: TimeMode,
    start_ms: f64,
    virtual_now: Cell<f64>,
    stop: Rc<Cell<bool>>,
    /// Instant mode's network: the practice API in program time.
    network: VirtualNetwork,
    practice: Rc<dyn PracticeApi>,
    /// The page's address, for relative URLs.
    base_url: String,
    /// Real-time answers that arrived, and the resolver of the sleep they should cut short.
    arrived: Rc<RefCell<Vec<(u64, HttpResult)>>>,
    waker: Rc<RefCell<Option<js_sys::Function>>>,
    /// Set by `Wake::wake`: the sleep ends early (the driver looks at the machine again).
    woken: Rc<Cell<bool>>,
    /// When the event loop last had a turn (instant mode).
    last_turn: Cell<f64>,
    /// When a Stop was first seen (wall ms); after it, time runs ahead to each deadline so the
    /// program's cleanup does not wait for real time.
    stop_seen_at: Cell<Option<f64>>,
    /// Program time skipped since the Stop (real time).
    skipped: Cell<f64>,
    on_progress: Option<ProgressFn>,
    /// While this is set (the page has not taken in the last progress), output need not be
    /// shown at once; otherwise the next output pauses the slice and is sent.
    page_busy: Option<Rc<Cell<bool>>>,
    /// `input()`: where the page's answer arrives, and how to ask the page for one.
    input: Option<PageInput>,
}

/// A line typed on the page for a program waiting in `input()`.
pub struct PageInput {
    /// The answer, once the page sent it (the worker's message loop fills it in).
    pub answer: Rc<RefCell<Option<InputLine>>>,
    /// Tells the page the program waits for a line (once per `input()` call).
    pub ask: Box<dyn Fn()>,
    asked: Cell<bool>,
}

impl PageInput {
    pub fn new(answer: Rc<RefCell<Option<InputLine>>>, ask: impl Fn() + 'static) -> Self {
        PageInput { answer, ask: Box::new(ask), asked: Cell::new(false) }
    }
}

impl WorkerHost {
    /// `api`: the practice API's settings, for instant mode's virtual network.
    pub fn new(mode: TimeMode, stop: Rc<Cell<bool>>, api: Settings, practice: Rc<dyn PracticeApi>, base_url: String) -> Self {
        WorkerHost {
            mode,
            start_ms: performance_now(),
            virtual_now: Cell::new(0.0),
            stop,
            network: VirtualNetwork::new(api),
            practice,
            base_url,
            arrived: Rc::new(RefCell::new(Vec::new())),
            waker: Rc::new(RefCell::new(None)),
            woken: Rc::new(Cell::new(false)),
            last_turn: Cell::new(performance_now()),
            stop_seen_at: Cell::new(None),
            skipped: Cell::new(0.0),
            on_progress: None,
            page_busy: None,
            input: None,
        }
    }

    /// `input()` reads lines the page sends (without it, input() meets EOF).
    pub fn with_input(mut self, input: PageInput) -> Self {
        self.input = Some(input);
        self
    }

    /// Called after every slice with the machine and whether it now waits (a good moment to
    /// show the run so far); the callback decides how often to send anything.
    pub fn with_progress(mut self, on_progress: impl Fn(&Machine, bool) + 'static) -> Self {
        self.on_progress = Some(Box::new(on_progress));
        self
    }

    /// Output is sent as soon as it is written while `page_busy` is unset (see `Host::pause_on_output`).
    pub fn with_output_pauses(mut self, page_busy: Rc<Cell<bool>>) -> Self {
        self.page_busy = Some(page_busy);
        self
    }

    /// A handle that ends a real-time sleep early, so the driver calls `progress` again (the
    /// page took in the last progress and there is more to send).
    pub fn wake_handle(&self) -> Wake {
        Wake { waker: self.waker.clone(), woken: self.woken.clone() }
    }

    /// What instant mode's practice API saw (in real time the page's server knows).
    pub fn virtual_api_stats(&self) -> Stats {
        self.network.server.borrow().stats().clone()
    }

    /// Instant mode: a turn for the event loop only when `TURN_MS` went by.
    async fn turn_if_due(&self) {
        let now = performance_now();
        if now - self.last_turn.get() >= TURN_MS {
            next_macrotask().await;
            self.last_turn.set(performance_now());
        }
    }

    fn real_now(&self, speed: f64) -> f64 {
        (performance_now() - self.start_ms) / 1000.0 * speed + self.skipped.get()
    }
}

impl Host for WorkerHost {
    fn now(&self) -> f64 {
        match self.mode {
            TimeMode::RealTime { speed } => self.real_now(speed),
            TimeMode::Instant => self.virtual_now.get(),
        }
    }

    async fn sleep_until(&self, t: f64) {
        {
            match self.mode {
                TimeMode::Instant => {
                    let t = self.network.next_delivery().map_or(t, |d| d.min(t));
                    if t > self.virtual_now.get() && t.is_finite() {
                        self.virtual_now.set(t);
                    }
                    self.turn_if_due().await;
                }
                TimeMode::RealTime { speed } => loop {
                    let now = self.real_now(speed);
                    if self.stop_seen_at.get().is_some() {
                        // Stopping: the cleanup's sleeps end at once (a wait for the network
                        // still takes a moment of real time).
                        if t.is_finite() && t > now {
                            self.skipped.set(self.skipped.get() + (t - now));
                        } else if !t.is_finite() {
                            sleep_or_wake(10.0, &self.waker).await;
                        }
                        break;
                    }
                    if now >= t || self.stop.get() || !self.arrived.borrow().is_empty() || self.woken.replace(false) {
                        break;
                    }
                    // Wake at least every 50 ms so Stop takes effect promptly; an HTTP answer
                    // wakes it at once.
                    let wait_ms = (((t - now) / speed) * 1000.0).clamp(0.0, 50.0);
                    sleep_or_wake(wait_ms, &self.waker).await;
                },
            }
        }
    }

    async fn yield_now(&self) {
        {
            match self.mode {
                TimeMode::Instant => {
                    self.virtual_now.set(self.virtual_now.get() + awaitlab_engine::VIRTUAL_SLICE_SECONDS);
                    self.turn_if_due().await;
                }
                TimeMode::RealTime { .. } => next_macrotask().await,
            }
        }
    }

    fn stop_requested(&self) -> bool {
        if self.stop.get() && self.stop_seen_at.get().is_none() {
            self.stop_seen_at.set(Some(performance_now()));
        }
        self.stop.get()
    }

    fn stop_now(&self) -> bool {
        self.stop_seen_at.get().is_some_and(|at| performance_now() - at >= CLEANUP_MS)
    }

    fn start_http(&self, request: HttpRequest) {
        match self.mode {
            TimeMode::Instant => self.network.start(request, self.virtual_now.get()),
            TimeMode::RealTime { .. } => {
                let arrived = self.arrived.clone();
                let waker = self.waker.clone();
                let practice = self.practice.clone();
                let base = self.base_url.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    let id = request.id;
                    let result = if is_practice_api(&request.url) {
                        practice.perform(request).await
                    } else {
                        crate::fetch::perform(&base, request).await
                    };
                    arrived.borrow_mut().push((id, result));
                    if let Some(wake) = waker.borrow_mut().take() {
                        let _ = wake.call0(&JsValue::NULL);
                    }
                });
            }
        }
    }

    fn pause_on_output(&self) -> bool {
        self.page_busy.as_ref().is_some_and(|busy| !busy.get())
    }

    /// Waits up to 50 ms for the page's line (a Stop, an ack to answer, end the wait early).
    async fn read_line(&self) -> Option<InputLine> {
        let Some(input) = &self.input else { return Some(InputLine::Eof) };
        if self.stop.get() {
            // The driver interrupts the program (KeyboardInterrupt at the prompt).
            input.asked.set(false);
            return None;
        }
        if !input.asked.replace(true) {
            (input.ask)();
        }
        if let Some(answer) = input.answer.borrow_mut().take() {
            input.asked.set(false);
            return Some(answer);
        }
        if !self.stop.get() && !self.woken.replace(false) {
            sleep_or_wake(50.0, &self.waker).await;
        }
        let answer = input.answer.borrow_mut().take();
        if answer.is_some() {
            input.asked.set(false);
        }
        answer
    }

    fn progress(&self, machine: &Machine, idle: bool) {
        if let Some(show) = &self.on_progress {
            show(machine, idle);
        }
    }

    fn take_http_results(&self) -> Vec<(u64, HttpResult)> {
        match self.mode {
            TimeMode::Instant => self.network.take_due(self.virtual_now.get()),
            TimeMode::RealTime { .. } => std::mem::take(&mut *self.arrived.borrow_mut()),
        }
    }
}

/// Runs a program on this thread's event loop (the worker runs through `runner`; tests and
/// tools call this): what the program did, and what instant mode's practice API saw.
pub async fn run_here(
    source: &str,
    config: &awaitlab_engine::RunConfig,
    mode: TimeMode,
    stop: Rc<Cell<bool>>,
    practice: Rc<dyn PracticeApi>,
    base_url: &str,
) -> (awaitlab_engine::RunResult, Stats) {
    let mut machine = awaitlab_engine::start(source, config);
    let host = WorkerHost::new(mode, stop, config.api.clone(), practice, base_url.to_string());
    awaitlab_engine::drive(&mut machine, &host).await;
    (machine.into_result(), host.virtual_api_stats())
}
