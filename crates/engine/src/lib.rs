//! Awaitlab's engine: a Python 3.12-subset interpreter whose asyncio event loop mirrors CPython's,
//! recording a trace of everything the loop does. No web dependencies; hosts plug in through
//! [`Host`] (a virtual clock here, the browser's event loop in the app). See ARCHITECTURE.md.

pub mod asyncio;
pub mod builtins;
mod carets;
mod call;
pub mod code;
pub mod exception_groups;
pub mod exceptions;
mod finalize;
pub mod format;
pub mod http;
pub mod machine;
pub mod methods;
pub mod modules;
pub mod native;
pub mod ops;
mod patterns;
pub mod pyset;
pub mod reprlib;
pub mod sha512;
mod recorder;
mod tracebacks;
pub mod value;
pub mod vm;
pub mod warnings;

pub use awaitlab_practice_api as practice_api;
pub use awaitlab_trace as trace;
pub use awaitlab_trace::RunResult;
use awaitlab_trace::http::{HttpFailure, HttpRequest, HttpResult};
use awaitlab_trace::{Chunk, Stream};
pub use http::{practice_request, practice_response};
pub use machine::{Machine, StepResult};
use std::cell::RefCell;
use std::future::Future;
use std::rc::Rc;
use value::{Namespace, Obj, Value};

/// How a run is set up.
#[derive(Clone, Debug)]
pub struct RunConfig {
    /// The name tracebacks and warnings show for the program.
    pub filename: String,
    /// A synchronous stretch (a task step, a callback, the main program between loop runs) that
    /// runs longer than this many instructions is stopped with a clear message.
    pub instruction_limit: u64,
    /// A cap on the whole run's instructions (the fuzzer's guard against endless cooperative
    /// programs; the page has Stop instead). `u64::MAX` for none.
    pub total_instruction_limit: u64,
    /// Wall-clock time (seconds since the epoch) when the run starts: `time.time()`'s origin.
    pub epoch: f64,
    pub trace: bool,
    /// How the practice API behaves on the virtual clock.
    pub api: practice_api::Settings,
}

impl Default for RunConfig {
    fn default() -> Self {
        RunConfig { filename: "main.py".into(), instruction_limit: 400_000_000, total_instruction_limit: u64::MAX, epoch: 1_767_225_600.0, trace: true, api: Default::default() }
    }
}

/// Instructions per slice before the engine yields to its host.
pub const SLICE: u64 = 20_000;

/// What a full slice of work costs on a virtual clock: 1/2048 s, about 24 ns an instruction,
/// near CPython's pace on the build machines (a power of two, so busy stretches add up exactly). Computation takes time in CPython, so a program that never lets
/// the loop go idle (polling with `sleep(0)` until a timer fires, a CPU-bound stretch) must see
/// the clock move; a slice cut short by an await costs nothing, so programs that mostly wait
/// keep their exact times.
pub const VIRTUAL_SLICE_SECONDS: f64 = 1.0 / 2048.0;

fn new_vm(config: &RunConfig, source: &str) -> vm::Vm {
    let t = builtins::make_types();
    let mut vm = vm::Vm {
        builtins: Rc::new(RefCell::new(Namespace::default())),
        t,
        modules: Default::default(),
        null: Value::obj(Obj::Native(native::NativeObj::Null)),
        control: None,
        http: Default::default(),
        instructions: 0,
        stretch_start: 0,
        native_steps: 0,
        instruction_limit: config.instruction_limit,
        total_instruction_limit: config.total_instruction_limit,
        fatal: false,
        stop_requested: false,
        filename: Rc::from(config.filename.as_str()),
        source_lines: source.lines().map(String::from).collect(),
        out: Default::default(),
        rt: Default::default(),
        next_id: 0,
        nested_depth: 0,
        interned: Default::default(),
        trace: recorder::Trace { enabled: config.trace, ..Default::default() },
        epoch_base: config.epoch,
        call_line: 0,
        user_line: 0,
        spare_stacks: Vec::new(),
        spare_locals: Vec::new(),
    };
    methods::register_builtins(&mut vm);
    exception_groups::register(&mut vm);
    asyncio::register_classes(&mut vm);
    vm
}

/// CPython's report of a syntax error: the file and line, the source with a caret, the message.
pub fn format_syntax_error(filename: &str, source: &str, e: &awaitlab_syntax::SyntaxError) -> String {
    let line_text = source.lines().nth(e.line.saturating_sub(1) as usize).unwrap_or("");
    let trimmed = line_text.trim_start();
    let indent = line_text.chars().count() - trimmed.chars().count();
    let caret_col = (e.col as usize).saturating_sub(indent);
    let kind = if e.unsupported { "NotImplementedError" } else if e.message.contains("indent") { "IndentationError" } else { "SyntaxError" };
    // CPython shows no caret for these two.
    if e.unsupported || e.message == "unexpected indent" {
        return format!("  File \"{filename}\", line {}\n    {}\n{kind}: {}\n", e.line, trimmed.trim_end(), e.message);
    }
    // As CPython underlines it: the offending range on its first line (to the line's end when
    // it goes on), at least one caret.
    let shown = trimmed.trim_end().chars().count();
    let width = match e.end {
        Some((end_line, _)) if end_line > e.line => shown.saturating_sub(caret_col),
        Some((_, end_col)) => (end_col as usize).saturating_sub(indent).saturating_sub(caret_col),
        None => 1,
    }
    .max(1);
    format!("  File \"{filename}\", line {}\n    {}\n    {}{}\n{kind}: {}\n", e.line, trimmed.trim_end(), " ".repeat(caret_col), "^".repeat(width), e.message)
}

/// Compiles `source` and prepares a run. A program that does not compile gives a machine whose
/// run prints the SyntaxError and exits with status 1.
pub fn start(source: &str, config: &RunConfig) -> Machine {
    warnings::reset();
    let mut vm = new_vm(config, source);
    let compiled = awaitlab_syntax::parse_module(source).and_then(|parsed| awaitlab_compile::compile_module(&parsed, &config.filename));
    let main_ns = Rc::new(RefCell::new(Namespace::default()));
    main_ns.borrow_mut().insert(Rc::from("__name__"), Value::str("__main__"));
    main_ns.borrow_mut().insert(Rc::from("__file__"), Value::str(&config.filename));
    vm.modules.insert(Rc::from("__main__"), Value::obj(Obj::Module { name: Rc::from("__main__"), dict: main_ns.clone() }));
    match compiled {
        Ok(awaitlab_compile::Compiled { code, warnings }) => {
            // Shown each time, as the compiler's warnings are (no once-per-line filter).
            for awaitlab_syntax::SyntaxWarning { line, message } in warnings {
                let src = source.lines().nth((line as usize).wrapping_sub(1)).unwrap_or("").trim();
                vm.write(Stream::Stderr, &format!("{}:{line}: SyntaxWarning: {message}\n  {src}\n", config.filename));
            }
            let frame = vm.module_frame(code::link(code), main_ns);
            Machine::new(vm, vm::Thread { frames: vec![frame], pending_throw: None })
        }
        Err(e) => {
            let text = format_syntax_error(&config.filename, source, &e);
            vm.write(Stream::Stderr, &text);
            let mut m = Machine::new(vm, vm::Thread::default());
            m.exit_code = Some(1);
            let message = text.lines().last().unwrap_or_default().to_string();
            m.error_spot = Some(awaitlab_trace::ErrorSpot { line: e.line, col: e.col, end_col: e.col + 1, message });
            m
        }
    }
}

/// What a host provides: the program's clock, a way to let time pass, a way to yield, and HTTP.
pub trait Host {
    /// Program time in seconds since the run started.
    fn now(&self) -> f64;
    /// Completes when program time reaches `t` (or earlier, if something else needs attention).
    fn sleep_until(&self, t: f64) -> impl Future<Output = ()>;
    /// Lets the host's own event loop run (the browser paints and handles input). Called after a
    /// full slice (the program stayed busy): a virtual clock charges `VIRTUAL_SLICE_SECONDS`.
    fn yield_now(&self) -> impl Future<Output = ()>;
    /// True once the user asked to stop.
    fn stop_requested(&self) -> bool {
        false
    }
    /// Starts performing a request; its result comes back through `take_http_results`, and
    /// its arrival ends a pending `sleep_until` early.
    fn start_http(&self, request: HttpRequest);
    /// Results that arrived since the last call.
    fn take_http_results(&self) -> Vec<(u64, HttpResult)>;
    /// Called after every slice: a host may show the run so far (output, timeline). `idle`: the
    /// program now waits (for time or the network), a good moment to show it.
    fn progress(&self, _machine: &Machine, _idle: bool) {}
}

/// Drives a machine to completion on a host: the engine's async entry point.
pub async fn drive<H: Host>(machine: &mut Machine, host: &H) -> i32 {
    loop {
        machine.advance_to(host.now());
        for (id, result) in host.take_http_results() {
            machine.complete_http(id, result);
        }
        if host.stop_requested() && !machine.is_done() {
            machine.stop();
        }
        let step = machine.step(SLICE);
        for request in machine.take_http_requests() {
            host.start_http(request);
        }
        host.progress(machine, matches!(step, StepResult::Sleep { .. } | StepResult::Blocked { .. }));
        match step {
            StepResult::Continue => host.yield_now().await,
            StepResult::Sleep { until } | StepResult::Blocked { until } => host.sleep_until(until).await,
            StepResult::Done { exit_code } => return exit_code,
        }
    }
}

/// The network of a virtual-clock run: the practice API answers in program time; nothing else
/// is reachable. Shared by the CLI's host and the page's instant mode.
pub struct VirtualNetwork {
    pub server: RefCell<practice_api::Server>,
    /// (delivery time, request id, result), in start order.
    pending: RefCell<Vec<(f64, u64, HttpResult)>>,
}

impl VirtualNetwork {
    pub fn new(settings: practice_api::Settings) -> Self {
        VirtualNetwork { server: RefCell::new(practice_api::Server::new(settings)), pending: RefCell::new(Vec::new()) }
    }

    pub fn start(&self, request: HttpRequest, now: f64) {
        let (at, result) = if awaitlab_trace::http::is_practice_api(&request.url) {
            let reply = self.server.borrow_mut().handle(&http::practice_request(&request), now);
            (reply.respond_at, Ok(http::practice_response(reply, request.url)))
        } else {
            let message = "no network on the virtual clock: only the practice API (/api/...) answers here; run in real time in the page to fetch other URLs";
            (now, Err(HttpFailure { message: message.into() }))
        };
        self.pending.borrow_mut().push((at, request.id, result));
    }

    /// When the next answer arrives.
    pub fn next_delivery(&self) -> Option<f64> {
        self.pending.borrow().iter().map(|p| p.0).reduce(f64::min)
    }

    /// Answers due at `now`, earliest first (ties in start order).
    pub fn take_due(&self, now: f64) -> Vec<(u64, HttpResult)> {
        let mut pending = self.pending.borrow_mut();
        let (due, later): (Vec<_>, Vec<_>) = std::mem::take(&mut *pending).into_iter().partition(|p| p.0 <= now);
        *pending = later;
        let mut order: Vec<(f64, i64)> = due.iter().enumerate().map(|(i, p)| (p.0, i as i64)).collect();
        awaitlab_trace::timeline::sort_by_time(&mut order);
        let mut due: Vec<Option<_>> = due.into_iter().map(Some).collect();
        order.into_iter().filter_map(|(_, i)| due[i as usize].take()).map(|(_, id, r)| (id, r)).collect()
    }
}

/// The virtual clock: sleeping costs no wall time, time jumps to the next deadline (or to the
/// next HTTP answer, if that comes first).
pub struct VirtualHost {
    clock: std::cell::Cell<f64>,
    pub network: VirtualNetwork,
}

impl Default for VirtualHost {
    fn default() -> Self {
        VirtualHost::new(practice_api::Settings::default())
    }
}

impl VirtualHost {
    pub fn new(api: practice_api::Settings) -> Self {
        VirtualHost { clock: std::cell::Cell::new(0.0), network: VirtualNetwork::new(api) }
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

impl Machine {
    /// The output so far.
    pub fn chunks(&self) -> &[Chunk] {
        &self.vm.out.chunks
    }

    /// The trace so far.
    pub fn trace_records(&self) -> &[trace::Record] {
        &self.vm.trace.records
    }

    /// Ends the run now (the Stop button): what ran so far stays in the output and trace.
    pub fn stop(&mut self) {
        if self.exit_code.is_none() {
            self.vm.flush_warnings();
            self.vm.write_always(Stream::Stderr, "\nKeyboardInterrupt: stopped by the user\n");
            recorder::finished(&mut self.vm, "stopped");
            self.exit_code = Some(130);
        }
    }

    pub fn into_result(mut self) -> RunResult {
        let duration = self.vm.rt.now;
        RunResult {
            exit_code: self.exit_code.unwrap_or(0),
            chunks: std::mem::take(&mut self.vm.out.chunks),
            trace: std::mem::take(&mut self.vm.trace.records),
            duration,
            instructions: self.vm.instructions,
            error: self.error_spot.take(),
        }
    }
}

/// Runs a program to completion on the virtual clock.
pub fn run_virtual(source: &str, config: &RunConfig) -> RunResult {
    let mut m = start(source, config);
    let host = VirtualHost::new(config.api.clone());
    block_on(drive(&mut m, &host));
    m.into_result()
}
