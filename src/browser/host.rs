//! `BrowserHost`: program time from `performance.now()`, sleeps through gloo-timers, and yields
//! to the browser as macrotasks (a MessageChannel message), never as an endless microtask chain,
//! so a busy program leaves the tab responsive and Stop is handled between slices. HTTP: real
//! `fetch()` in real time; the practice API on the virtual clock in instant mode.

use awaitlab_engine::trace::http::{HttpRequest, HttpResult};
use awaitlab_engine::practice_api::{Settings, Stats};
use awaitlab_engine::Machine;
use awaitlab_engine::{Host, RunConfig, RunResult, VirtualNetwork};
use std::cell::{Cell, RefCell};
use std::future::Future;
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

pub struct BrowserHost {
    mode: TimeMode,
    start_ms: f64,
    virtual_now: Cell<f64>,
    stop: Rc<Cell<bool>>,
    /// Instant mode's network: the practice API in program time.
    network: VirtualNetwork,
    /// Real-time answers that arrived, and the resolver of the sleep they should cut short.
    arrived: Rc<RefCell<Vec<(u64, HttpResult)>>>,
    waker: Rc<RefCell<Option<js_sys::Function>>>,
    /// Shows the run so far, at most every `PROGRESS_MS` of wall time.
    on_progress: Option<Box<dyn Fn(&Machine)>>,
    last_progress: Cell<f64>,
    /// (output chunks, trace records) when last shown: nothing new, nothing to redraw.
    last_shown: Cell<(usize, usize)>,
}

/// How often a running program's output and timeline are refreshed.
const PROGRESS_MS: f64 = 150.0;

fn performance_now() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map(|p| p.now()).unwrap_or(0.0)
}

/// A macrotask boundary: resolves after the browser has had a chance to run other tasks.
async fn next_macrotask() {
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
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms.ceil() as i32);
        }
        *waker.borrow_mut() = Some(resolve);
    });
    let _ = JsFuture::from(promise).await;
}

impl BrowserHost {
    /// `api`: the practice API's settings, for instant mode's virtual network.
    pub fn new(mode: TimeMode, stop: Rc<Cell<bool>>, api: Settings) -> Self {
        BrowserHost {
            mode,
            start_ms: performance_now(),
            virtual_now: Cell::new(0.0),
            stop,
            network: VirtualNetwork::new(api),
            arrived: Rc::new(RefCell::new(Vec::new())),
            waker: Rc::new(RefCell::new(None)),
            on_progress: None,
            last_progress: Cell::new(performance_now()),
            last_shown: Cell::new((0, 0)),
        }
    }

    pub fn with_progress(mut self, on_progress: impl Fn(&Machine) + 'static) -> Self {
        self.on_progress = Some(Box::new(on_progress));
        self
    }

    /// What the practice API saw during the run.
    pub fn api_stats(&self) -> Stats {
        match self.mode {
            TimeMode::Instant => self.network.server.borrow().stats().clone(),
            TimeMode::RealTime { .. } => crate::browser::practice::api().stats(),
        }
    }
}

impl Host for BrowserHost {
    fn now(&self) -> f64 {
        match self.mode {
            TimeMode::RealTime { speed } => (performance_now() - self.start_ms) / 1000.0 * speed,
            TimeMode::Instant => self.virtual_now.get(),
        }
    }

    fn sleep_until(&self, t: f64) -> impl Future<Output = ()> {
        let mode = self.mode;
        let virtual_now = &self.virtual_now;
        let stop = self.stop.clone();
        let start_ms = self.start_ms;
        async move {
            match mode {
                TimeMode::Instant => {
                    let t = self.network.next_delivery().map_or(t, |d| d.min(t));
                    if t > virtual_now.get() && t.is_finite() {
                        virtual_now.set(t);
                    }
                    // Still a macrotask now and then, so an instant run of a long program paints.
                    next_macrotask().await;
                }
                TimeMode::RealTime { speed } => loop {
                    let now = (performance_now() - start_ms) / 1000.0 * speed;
                    if now >= t || stop.get() || !self.arrived.borrow().is_empty() {
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

    fn yield_now(&self) -> impl Future<Output = ()> {
        if self.mode == TimeMode::Instant {
            self.virtual_now.set(self.virtual_now.get() + awaitlab_engine::VIRTUAL_SLICE_SECONDS);
        }
        next_macrotask()
    }

    fn stop_requested(&self) -> bool {
        self.stop.get()
    }

    fn start_http(&self, request: HttpRequest) {
        match self.mode {
            TimeMode::Instant => self.network.start(request, self.virtual_now.get()),
            TimeMode::RealTime { .. } => {
                let arrived = self.arrived.clone();
                let waker = self.waker.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    let id = request.id;
                    let result = crate::browser::fetch::perform(request).await;
                    arrived.borrow_mut().push((id, result));
                    if let Some(wake) = waker.borrow_mut().take() {
                        let _ = wake.call0(&JsValue::NULL);
                    }
                });
            }
        }
    }

    fn progress(&self, machine: &Machine, idle: bool) {
        if let Some(show) = &self.on_progress {
            let now = performance_now();
            // Busy: at most every PROGRESS_MS. About to wait in real time: now (the learner
            // sees each print as it happens).
            let waits_for_real = idle && matches!(self.mode, TimeMode::RealTime { .. });
            let shown = (machine.chunks().iter().map(|c| c.text.len()).sum::<usize>(), machine.trace_records().len());
            if (waits_for_real || now - self.last_progress.get() >= PROGRESS_MS) && shown != self.last_shown.get() {
                self.last_progress.set(now);
                self.last_shown.set(shown);
                show(machine);
            }
        }
    }

    fn take_http_results(&self) -> Vec<(u64, HttpResult)> {
        match self.mode {
            TimeMode::Instant => self.network.take_due(self.virtual_now.get()),
            TimeMode::RealTime { .. } => std::mem::take(&mut *self.arrived.borrow_mut()),
        }
    }
}

/// Runs a program on the browser's event loop and returns what it did.
pub async fn run_in_browser(source: &str, config: &RunConfig, mode: TimeMode, stop: Rc<Cell<bool>>) -> RunResult {
    run_live(source, config, mode, stop, |_| {}).await.0
}

/// Runs a program with a fresh practice API set up as `config.api` says, showing the run so
/// far through `on_progress`; returns what the program did and what the server saw.
pub async fn run_live(source: &str, config: &RunConfig, mode: TimeMode, stop: Rc<Cell<bool>>, on_progress: impl Fn(&Machine) + 'static) -> (RunResult, Stats) {
    let speed = match mode {
        TimeMode::RealTime { speed } => speed,
        TimeMode::Instant => 1.0,
    };
    crate::browser::practice::api().configure(config.api.clone(), speed);
    let mut machine = awaitlab_engine::start(source, config);
    let host = BrowserHost::new(mode, stop, config.api.clone()).with_progress(on_progress);
    awaitlab_engine::drive(&mut machine, &host).await;
    let stats = host.api_stats();
    (machine.into_result(), stats)
}
