//! `BrowserHost`: program time from `performance.now()`, sleeps through gloo-timers, and yields
//! to the browser as macrotasks (a MessageChannel message), never as an endless microtask chain,
//! so a busy program leaves the tab responsive and Stop is handled between slices.

use awaitlab_engine::{Host, RunConfig, RunResult};
use std::cell::Cell;
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
}

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

impl BrowserHost {
    pub fn new(mode: TimeMode, stop: Rc<Cell<bool>>) -> Self {
        BrowserHost { mode, start_ms: performance_now(), virtual_now: Cell::new(0.0), stop }
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
                    if t > virtual_now.get() {
                        virtual_now.set(t);
                    }
                    // Still a macrotask now and then, so an instant run of a long program paints.
                    next_macrotask().await;
                }
                TimeMode::RealTime { speed } => loop {
                    let now = (performance_now() - start_ms) / 1000.0 * speed;
                    if now >= t || stop.get() {
                        break;
                    }
                    // Wake at least every 50 ms so Stop takes effect promptly.
                    let wait_ms = (((t - now) / speed) * 1000.0).clamp(0.0, 50.0);
                    gloo_timers::future::TimeoutFuture::new(wait_ms.ceil() as u32).await;
                },
            }
        }
    }

    fn yield_now(&self) -> impl Future<Output = ()> {
        next_macrotask()
    }

    fn stop_requested(&self) -> bool {
        self.stop.get()
    }
}

/// Runs a program on the browser's event loop and returns what it did.
pub async fn run_in_browser(source: &str, config: &RunConfig, mode: TimeMode, stop: Rc<Cell<bool>>) -> RunResult {
    let mut machine = awaitlab_engine::start(source, config);
    let host = BrowserHost::new(mode, stop);
    awaitlab_engine::drive(&mut machine, &host).await;
    machine.into_result()
}
