//! Hosts: what drives a machine. `drive` is the engine's async entry point; a `Host` gives the
//! time, lets time pass, yields, and performs HTTP. `VirtualHost` is the virtual clock (tests,
//! CLI, instant mode); the page has its own host on the browser's event loop.

use crate::run::machine::{InputLine, Machine, StepResult};
use crate::run::network::VirtualNetwork;
use awaitlab_trace::http::{HttpRequest, HttpResult};
use std::future::Future;

/// Instructions per slice before the engine yields to its host.
pub const SLICE: u64 = 20_000;

/// What a full slice of work costs on a virtual clock: 1/2048 s, about 24 ns an instruction,
/// near CPython's pace on the build machines (a power of two, so busy stretches add up exactly). Computation takes time in CPython, so a program that never lets
/// the loop go idle (polling with `sleep(0)` until a timer fires, a CPU-bound stretch) must see
/// the clock move; a slice cut short by an await costs nothing, so programs that mostly wait
/// keep their exact times.
pub const VIRTUAL_SLICE_SECONDS: f64 = 1.0 / 2048.0;

/// What a host provides: the program's clock, a way to let time pass, a way to yield, and HTTP.
pub trait Host {
    /// Program time in seconds since the run started.
    fn now(&self) -> f64;
    /// Completes when program time reaches `t` (or earlier, if something else needs attention).
    fn sleep_until(&self, t: f64) -> impl Future<Output = ()>;
    /// Lets the host's own event loop run (the browser paints and handles input). Called after a
    /// full slice (the program stayed busy): a virtual clock charges `VIRTUAL_SLICE_SECONDS`.
    fn yield_now(&self) -> impl Future<Output = ()>;
    /// True once the user asked to stop: the program is interrupted (KeyboardInterrupt, as
    /// Ctrl+C would), and its cleanup runs.
    fn stop_requested(&self) -> bool {
        false
    }
    /// True when the program must end now, cleanup or not (it had its chance after the
    /// interrupt).
    fn stop_now(&self) -> bool {
        self.stop_requested()
    }
    /// Starts performing a request; its result comes back through `take_http_results`, and
    /// its arrival ends a pending `sleep_until` early.
    fn start_http(&self, request: HttpRequest);
    /// Results that arrived since the last call.
    fn take_http_results(&self) -> Vec<(u64, HttpResult)>;
    /// Called after every slice: a host may show the run so far (output, timeline). `idle`: the
    /// program now waits (for time or the network), or just wrote output the host asked to see
    /// at once: a good moment to show it.
    fn progress(&self, _machine: &Machine, _idle: bool) {}
    /// A line for a program waiting in `input()`, or None if none came yet: the driver then
    /// shows the run (`progress`), handles a Stop (`InputLine::Interrupted` is given then) and
    /// asks again. A host with no input gives EOF.
    fn read_line(&self) -> impl Future<Output = Option<InputLine>> {
        std::future::ready(Some(InputLine::Eof))
    }
    /// Whether a line given to `input()` is written after its prompt (a terminal shows what was
    /// typed; a host with a terminal of its own, the CLI's, does not need it).
    fn echo_input(&self) -> bool {
        true
    }
    /// Whether the next output should pause the slice so the host can show it at once (a host
    /// that shows output as it comes, before a long computation hides it).
    fn pause_on_output(&self) -> bool {
        false
    }
}

/// Drives a machine to completion on a host: the engine's async entry point.
pub async fn drive<H: Host>(machine: &mut Machine, host: &H) -> i32 {
    let mut interrupted = false;
    loop {
        machine.advance_to(host.now());
        for (id, result) in host.take_http_results() {
            machine.complete_http(id, result);
        }
        if host.stop_requested() && !machine.is_done() {
            if !interrupted {
                interrupted = true;
                machine.interrupt();
            } else if host.stop_now() {
                machine.stop();
            }
        }
        machine.pause_on_output(host.pause_on_output());
        let mut step = machine.step(SLICE);
        // A pause for output: shown, then the same slice goes on, with nothing else in between.
        while step == StepResult::Paused {
            host.progress(machine, true);
            machine.pause_on_output(false);
            step = machine.step(SLICE);
        }
        for request in machine.take_http_requests() {
            host.start_http(request);
        }
        host.progress(machine, matches!(step, StepResult::Sleep { .. } | StepResult::Blocked { .. } | StepResult::Input));
        match step {
            StepResult::Continue => host.yield_now().await,
            StepResult::Sleep { until } | StepResult::Blocked { until } => host.sleep_until(until).await,
            StepResult::Done { exit_code } => return exit_code,
            StepResult::Input => {
                if let Some(answer) = host.read_line().await {
                    machine.provide_input(answer, host.echo_input());
                }
            }
            StepResult::Paused => unreachable!("a paused slice is resumed above"),
        }
    }
}

/// Lines for `input()`, one per call (None: the end of input).
type LineSource = Box<dyn FnMut() -> Option<String>>;

/// The virtual clock: sleeping costs no wall time, time jumps to the next deadline (or to the
/// next HTTP answer, if that comes first).
pub struct VirtualHost {
    clock: std::cell::Cell<f64>,
    pub network: VirtualNetwork,
    /// Where `input()` reads from: None gives EOF.
    input: std::cell::RefCell<Option<LineSource>>,
    echo: bool,
}

impl Default for VirtualHost {
    fn default() -> Self {
        VirtualHost::new(awaitlab_practice_api::Settings::default())
    }
}

impl VirtualHost {
    pub fn new(api: awaitlab_practice_api::Settings) -> Self {
        VirtualHost { clock: std::cell::Cell::new(0.0), network: VirtualNetwork::new(api), input: Default::default(), echo: true }
    }

    /// `input()` reads lines from `lines` (None: end of input); `echo` writes each after its
    /// prompt, as a terminal shows it.
    pub fn with_input(mut self, lines: impl FnMut() -> Option<String> + 'static, echo: bool) -> Self {
        self.input = std::cell::RefCell::new(Some(Box::new(lines)));
        self.echo = echo;
        self
    }
}

impl Host for VirtualHost {
    fn now(&self) -> f64 {
        self.clock.get()
    }
    fn sleep_until(&self, t: f64) -> impl Future<Output = ()> {
        let t = self.network.next_delivery().map_or(t, |d| d.min(t));
        if t > self.clock.get() && t.is_finite() {
            self.clock.set(t);
        }
        std::future::ready(())
    }
    fn yield_now(&self) -> impl Future<Output = ()> {
        self.clock.set(self.clock.get() + VIRTUAL_SLICE_SECONDS);
        std::future::ready(())
    }
    fn start_http(&self, request: HttpRequest) {
        self.network.start(request, self.clock.get());
    }
    fn take_http_results(&self) -> Vec<(u64, HttpResult)> {
        self.network.take_due(self.clock.get())
    }
    fn read_line(&self) -> impl Future<Output = Option<InputLine>> {
        let line = self.input.borrow_mut().as_mut().and_then(|next| next());
        std::future::ready(Some(line.map_or(InputLine::Eof, InputLine::Line)))
    }
    fn echo_input(&self) -> bool {
        self.echo
    }
}

/// Polls a future whose every await is immediately ready (the virtual host's).
pub fn block_on<F: Future>(f: F) -> F::Output {
    let mut f = std::pin::pin!(f);
    let mut cx = std::task::Context::from_waker(std::task::Waker::noop());
    loop {
        if let std::task::Poll::Ready(v) = f.as_mut().poll(&mut cx) {
            return v;
        }
    }
}
