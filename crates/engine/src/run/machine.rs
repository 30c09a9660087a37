//! The run driver: one state machine that steps the main program, the event loop's iterations
//! (CPython's `BaseEventLoop._run_once`), task steps and callbacks, in budgeted slices.
//! Hosts call `step()` and, when it asks, let time pass (virtual clock or real timers).

use crate::event_loop::task::StepInput;
use crate::types::native::{FutureState, HandleKind, NativeObj};
use crate::types::value::{Obj, Value};
use crate::vm::{Control, Outcome, Thread, Vm};
use awaitlab_trace::{Chunk, ErrorSpot, Stream};
use awaitlab_trace::{Record, RunResult};
use std::rc::Rc;

enum Active {
    Task(Rc<Obj>, Thread),
    Callback(Thread, Rc<Obj>),
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum MainState {
    Runnable,
    InLoop,
    Done,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum LoopPhase {
    Boundary { first: bool },
    Iterating { ntodo: usize },
}

/// What the host should do next.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum StepResult {
    /// The slice's budget ran out: yield to the host, then step again.
    Continue,
    /// Nothing can run before `until` (program time): let time pass, then step again.
    Sleep { until: f64 },
    /// The program is blocked (time.sleep) until `until`: nothing else runs meanwhile.
    Blocked { until: f64 },
    /// The slice paused to show output the host asked to see at once: step again, with no
    /// time passing and nothing else happening (the slice goes on with the budget it had).
    Paused,
    /// The program waits in `input()` (its prompt is written): give it a line
    /// (`Machine::provide_input`), then step again. Nothing else runs meanwhile.
    Input,
    /// The run is over, with this exit status.
    Done { exit_code: i32 },
}

/// What a host answers a program waiting in `input()`.
#[derive(Clone, Debug, PartialEq)]
pub enum InputLine {
    /// A line the user typed (without its line break).
    Line(String),
    /// No more input: `input()` raises EOFError, as at the end of a file.
    Eof,
    /// The user stopped the program: `input()` raises KeyboardInterrupt, as Ctrl+C at a prompt.
    Interrupted,
}

pub struct Machine {
    pub vm: Vm,
    main: Thread,
    main_state: MainState,
    active: Option<Active>,
    phase: LoopPhase,
    blocked_until: Option<f64>,
    /// The blocking HTTP request (`requests.get`) the program waits for, if any.
    blocked_http: Option<u64>,
    /// The program waits in `input()`.
    waiting_input: bool,
    pub exit_code: Option<i32>,
    /// Where the error that ended the run is in the program, for the editor to mark.
    pub error_spot: Option<ErrorSpot>,
    /// The budget a paused slice had left (`StepResult::Paused`).
    paused_budget: Option<u64>,
}

impl Machine {
    pub fn new(vm: Vm, main: Thread) -> Machine {
        Machine {
            vm,
            main,
            main_state: MainState::Runnable,
            active: None,
            phase: LoopPhase::Boundary { first: true },
            blocked_until: None,
            blocked_http: None,
            waiting_input: false,
            exit_code: None,
            error_spot: None,
            paused_budget: None,
        }
    }

    pub fn now(&self) -> f64 {
        self.vm.event_loop.now
    }

    /// Moves the program clock forward (never back).
    pub fn advance_to(&mut self, t: f64) {
        if t > self.vm.event_loop.now {
            self.vm.event_loop.now = t;
        }
    }

    /// The answer to the `input()` the program waits in (`StepResult::Input`). `echo`: write
    /// the line after the prompt, as a terminal shows what was typed (a host whose input is
    /// not a terminal of its own, the page).
    pub fn provide_input(&mut self, answer: InputLine, echo: bool) {
        if !self.waiting_input {
            return;
        }
        self.waiting_input = false;
        crate::event_loop::recorder::unblocked(&mut self.vm);
        let raised = match answer {
            InputLine::Line(line) => {
                if echo {
                    self.vm.write(Stream::Stdout, &format!("{line}\n"));
                }
                let thread = self.waiting_thread();
                if let Some(top) = thread.frames.last_mut().and_then(|f| f.stack.last_mut()) {
                    *top = Value::str(&line);
                }
                return;
            }
            InputLine::Eof => {
                if echo {
                    self.vm.write(Stream::Stdout, "\n");
                }
                ("EOFError", Some("EOF when reading a line".to_string()))
            }
            InputLine::Interrupted => {
                if echo {
                    self.vm.write(Stream::Stdout, "\n");
                }
                ("KeyboardInterrupt", None)
            }
        };
        let class = self.vm.types.exc(raised.0);
        let exc = self.vm.new_exception(&class, raised.1);
        self.waiting_thread().pending_throw = Some(exc);
    }

    /// The thread that called `input()`: a task's, a callback's, or the main program's.
    fn waiting_thread(&mut self) -> &mut Thread {
        match &mut self.active {
            Some(Active::Task(_, thread) | Active::Callback(thread, _)) => thread,
            None => &mut self.main,
        }
    }

    pub fn is_done(&self) -> bool {
        self.exit_code.is_some()
    }

    /// The user asked the program to stop, as Ctrl+C (SIGINT) asks a CPython program. Inside
    /// `asyncio.run`, the first time, the main task is cancelled (runners.py `_on_sigint`): its
    /// `finally` blocks run, and `asyncio.run` then raises KeyboardInterrupt. Otherwise (a
    /// synchronous program, a second Stop) the running code raises KeyboardInterrupt at its
    /// next check, and a loop that only waits is ended with it.
    pub fn interrupt(&mut self) {
        if self.exit_code.is_some() {
            return;
        }
        if self.waiting_input {
            self.provide_input(InputLine::Interrupted, true);
            return;
        }
        let event_loop = &mut self.vm.event_loop;
        event_loop.interrupts += 1;
        let main_task =
            event_loop.main_task.clone().filter(|t| crate::event_loop::future::future_data(t).borrow().state == FutureState::Pending);
        if let (1, Some(task), MainState::InLoop) = (event_loop.interrupts, main_task, self.main_state) {
            crate::event_loop::task::task_cancel(&mut self.vm, &task, Value::None);
            return;
        }
        self.vm.stop_requested = true;
    }

    /// Asks the next output to pause the slice (`StepResult::Paused`).
    pub fn pause_on_output(&mut self, on: bool) {
        self.vm.pause_on_output = on;
    }

    pub fn step(&mut self, budget: u64) -> StepResult {
        let mut budget = self.paused_budget.take().unwrap_or(budget);
        if let Some(code) = self.exit_code {
            return StepResult::Done { exit_code: code };
        }
        loop {
            // Short steps never reach the interpreter's own checks (they run at backward jumps):
            // an endless chain of tasks, each creating the next, is caught here (found by fuzzing).
            if self.vm.instructions > self.vm.total_instruction_limit {
                self.vm.fatal = true;
            }
            if self.vm.fatal && self.exit_code.is_none() {
                let msg =
                    format!("RuntimeError: Awaitlab stopped the program after {} instructions in all\n", self.vm.total_instruction_limit);
                self.vm.flush_warnings();
                self.vm.write_always(Stream::Stderr, &msg);
                crate::event_loop::recorder::finished(&mut self.vm, "failed");
                self.exit_code = Some(1);
                self.main_state = MainState::Done;
            }
            if let Some(code) = self.exit_code {
                return StepResult::Done { exit_code: code };
            }
            if self.waiting_input {
                return StepResult::Input;
            }
            if let Some(until) = self.blocked_until {
                // The loop's thread sleeps: the thread pool's jobs get their turns meanwhile.
                if let Some(r) = self.run_due_jobs(&mut budget) {
                    return r;
                }
                let answered = self.blocked_http.is_some_and(|id| !self.vm.http.pending.contains_key(&id));
                if self.vm.event_loop.now + 1e-12 < until && !self.vm.stop_requested && !answered {
                    let wake = self.next_job_wake().map_or(until, |j| j.min(until));
                    return StepResult::Blocked { until: wake };
                }
                if let Some(id) = self.blocked_http.take() {
                    if !answered {
                        let why = if self.vm.stop_requested { "stopped by the user" } else { crate::event_loop::http::TIMED_OUT };
                        crate::event_loop::http::give_up(&mut self.vm, id, why);
                    }
                }
                self.blocked_until = None;
                crate::event_loop::recorder::unblocked(&mut self.vm);
            }
            if budget == 0 {
                return StepResult::Continue;
            }
            if let Some(active) = self.active.take() {
                match active {
                    Active::Task(task, mut thread) => {
                        let outer = crate::event_loop::context::enter_task(&mut self.vm, &task);
                        let out = self.vm.execute(&mut thread, &mut budget);
                        crate::event_loop::context::leave_task(&mut self.vm, &task, outer);
                        match out {
                            Outcome::OutOfBudget => {
                                self.active = Some(Active::Task(task, thread));
                                return self.slice_over(budget);
                            }
                            Outcome::Control => {
                                self.active = Some(Active::Task(task, thread));
                                self.handle_control();
                            }
                            out => {
                                // The step ends after its result is recorded (a task's own
                                // completion belongs to its last step).
                                let ended = crate::event_loop::task::end_step(&mut self.vm, &task, thread, out);
                                crate::event_loop::recorder::step_end(&mut self.vm, &task);
                                self.vm.event_loop.current_task = None;
                                if let Err(exc) = ended {
                                    // KeyboardInterrupt/SystemExit propagate out of the loop.
                                    self.abort_loop(exc);
                                }
                            }
                        }
                    }
                    Active::Callback(mut thread, handle) => {
                        let outer = std::mem::replace(&mut self.vm.context, handle_context(&handle));
                        let out = self.vm.execute(&mut thread, &mut budget);
                        self.vm.context = outer;
                        match out {
                            Outcome::OutOfBudget => {
                                self.active = Some(Active::Callback(thread, handle));
                                return self.slice_over(budget);
                            }
                            Outcome::Control => {
                                self.active = Some(Active::Callback(thread, handle));
                                self.handle_control();
                            }
                            Outcome::Raised(exc) => self.callback_failed(&handle, exc),
                            _ => {}
                        }
                    }
                }
                continue;
            }
            match self.main_state {
                MainState::Done => {
                    return StepResult::Done { exit_code: self.exit_code.unwrap_or(0) };
                }
                MainState::Runnable => {
                    let mut main = std::mem::take(&mut self.main);
                    let out = self.vm.execute(&mut main, &mut budget);
                    self.main = main;
                    match out {
                        Outcome::OutOfBudget => return self.slice_over(budget),
                        Outcome::Control => self.handle_control(),
                        Outcome::Returned(_) => self.finish(None),
                        Outcome::Raised(exc) => self.finish(Some(exc)),
                        Outcome::Suspended(_) | Outcome::Yielded(_) => {
                            let e =
                                self.vm.new_exception(&self.vm.types.exc("RuntimeError"), Some("the main program cannot suspend".into()));
                            self.finish(Some(e));
                        }
                    }
                }
                MainState::InLoop => {
                    if let Some(r) = self.loop_step() {
                        return r;
                    }
                }
            }
        }
    }

    /// The interpreter stopped with `budget` left: a pause for output (the slice resumes with
    /// it), or the slice's end.
    fn slice_over(&mut self, budget: u64) -> StepResult {
        if budget > 0 {
            self.paused_budget = Some(budget);
            StepResult::Paused
        } else {
            StepResult::Continue
        }
    }

    fn handle_control(&mut self) {
        match self.vm.control.take() {
            Some(Control::RunLoop { .. }) => {
                self.vm.event_loop.running = true;
                self.main_state = MainState::InLoop;
                self.phase = LoopPhase::Boundary { first: true };
            }
            Some(Control::Block { seconds, reason }) => {
                let until = self.vm.event_loop.now + seconds;
                crate::event_loop::recorder::blocked(&mut self.vm, until, &reason);
                self.blocked_until = Some(until);
            }
            Some(Control::BlockHttp { id, timeout, reason }) => {
                let until = timeout.map_or(f64::INFINITY, |t| self.vm.event_loop.now + t);
                crate::event_loop::recorder::blocked(&mut self.vm, until, &reason);
                self.blocked_until = Some(until);
                self.blocked_http = Some(id);
            }
            Some(Control::Exit(code)) => {
                self.exit_code = Some(code);
                self.main_state = MainState::Done;
            }
            Some(Control::Input { .. }) => {
                crate::event_loop::recorder::blocked(&mut self.vm, f64::INFINITY, &Rc::from("input()"));
                self.waiting_input = true;
            }
            None => {}
        }
    }

    /// One unit of the loop: runs a ready handle, or starts the next `_run_once` iteration.
    fn loop_step(&mut self) -> Option<StepResult> {
        match self.phase {
            LoopPhase::Iterating { ntodo } if ntodo > 0 => {
                self.phase = LoopPhase::Iterating { ntodo: ntodo - 1 };
                let Some(handle) = self.vm.event_loop.ready.pop_front() else {
                    self.phase = LoopPhase::Boundary { first: false };
                    return None;
                };
                self.run_handle(handle);
                None
            }
            LoopPhase::Iterating { .. } => {
                self.phase = LoopPhase::Boundary { first: false };
                None
            }
            LoopPhase::Boundary { first } => {
                // Waiting in select() releases the GIL: due executor jobs run now.
                let mut job_budget = crate::run::host::SLICE;
                if let Some(r) = self.run_due_jobs(&mut job_budget) {
                    return Some(r);
                }
                let next_job = self.next_job_wake();
                let rt = &mut self.vm.event_loop;
                if !first && rt.stopping {
                    rt.stopping = false;
                    rt.running = false;
                    self.main_state = MainState::Runnable;
                    self.vm.stretch_start = self.vm.instructions;
                    return None;
                }
                // Drop cancelled timers from the head of the heap.
                while rt.timers.peek().is_some_and(|t| handle_cancelled(&t.handle)) {
                    rt.timers.pop();
                }
                if rt.ready.is_empty() && !rt.stopping && self.vm.stop_requested {
                    // Waiting in select() when SIGINT arrives: KeyboardInterrupt leaves the loop.
                    self.vm.stop_requested = false;
                    let exc = self.vm.new_exception(&self.vm.types.exc("KeyboardInterrupt"), None);
                    self.abort_loop(exc);
                    return None;
                }
                let rt = &mut self.vm.event_loop;
                if rt.ready.is_empty() && !rt.stopping {
                    let wake = match (rt.next_timer_when(), next_job) {
                        (Some(t), Some(j)) => Some(t.min(j)),
                        (t, j) => t.or(j),
                    };
                    match wake {
                        // A timer at infinity (sleep(inf)) with nothing else to wait for: CPython
                        // would wait forever.
                        Some(when) if when.is_infinite() && self.vm.http.in_flight == 0 => {
                            self.deadlock();
                            return None;
                        }
                        Some(when) if when > rt.now => return Some(StepResult::Sleep { until: when }),
                        Some(_) => {}
                        // Requests in flight: wait for the host to answer (as select() would).
                        None if self.vm.http.in_flight > 0 => return Some(StepResult::Sleep { until: f64::INFINITY }),
                        None => {
                            self.deadlock();
                            return None;
                        }
                    }
                }
                // CPython: due if `when < time() + clock_resolution`. On a virtual clock that lands
                // exactly on a deadline the addition can vanish in rounding (2.3e7 + 1e-9 == 2.3e7),
                // so a timer due exactly now is due too.
                let end_time = rt.now + 1e-9;
                let mut due = 0;
                while let Some(t) = rt.timers.peek() {
                    if t.when >= end_time && t.when > rt.now {
                        break;
                    }
                    let t = rt.timers.pop().unwrap();
                    rt.ready.push_back(t.handle);
                    due += 1;
                }
                let ntodo = rt.ready.len();
                self.phase = LoopPhase::Iterating { ntodo };
                crate::event_loop::recorder::iteration(&mut self.vm, due);
                None
            }
        }
    }

    fn run_handle(&mut self, handle: Rc<Obj>) {
        let Obj::Native(NativeObj::Handle(h)) = &*handle else { return };
        if h.cancelled.get() {
            return;
        }
        // The trace marks the run of a task's handle by the step's start (one record, not two,
        // per step: they are the commonest); other handles, and a step that cannot start, by
        // a HandleRun.
        match h.kind {
            HandleKind::TaskStep => {
                let Value::Obj(task) = &h.callback else { return };
                let input = match h.args.first() {
                    Some(e) => StepInput::Throw(e.clone()),
                    None => StepInput::Send,
                };
                self.start_step(task.clone(), input, &handle);
            }
            HandleKind::TaskWakeup => crate::event_loop::recorder::handle_run(&mut self.vm, &handle),
            HandleKind::Call => {
                // A future's done-callback that wakes a task (Task.__wakeup).
                if let Value::Obj(cb) = &h.callback {
                    if let Obj::Native(NativeObj::Handle(inner)) = &**cb {
                        if inner.kind == HandleKind::TaskWakeup {
                            let Value::Obj(task) = &inner.callback else { return };
                            let Some(Value::Obj(fut)) = h.args.first() else { return };
                            let input = crate::event_loop::task::wakeup_input(&mut self.vm, fut);
                            self.start_step(task.clone(), input, &handle);
                            return;
                        }
                    }
                }
                crate::event_loop::recorder::handle_run(&mut self.vm, &handle);
                self.start_callback(handle.clone());
            }
        }
    }

    fn next_job_wake(&self) -> Option<f64> {
        self.vm.event_loop.jobs.iter().map(|j| j.wake_at).filter(|w| w.is_finite()).reduce(f64::min)
    }

    /// Requests the program made since the last call, for the host to perform.
    pub fn take_http_requests(&mut self) -> Vec<awaitlab_trace::http::HttpRequest> {
        std::mem::take(&mut self.vm.http.outbox)
    }

    /// A host's answer to request `id` (late answers, after a timeout or the run's end, are dropped).
    pub fn complete_http(&mut self, id: u64, result: awaitlab_trace::http::HttpResult) {
        if self.exit_code.is_some() || !crate::event_loop::http::deliver(&mut self.vm, id, &result) {
            return;
        }
        let now = self.vm.event_loop.now;
        for job in self.vm.event_loop.jobs.iter_mut().filter(|j| j.waiting_http == Some(id)) {
            job.waiting_http = None;
            job.wake_at = now;
        }
    }

    /// Runs the executor jobs whose time has come, in submission order, until each finishes or
    /// sleeps. Returns `Some` when the budget ran out mid-job.
    fn run_due_jobs(&mut self, budget: &mut u64) -> Option<StepResult> {
        let saved_task = self.vm.event_loop.current_task.take();
        let saved_stretch = self.vm.stretch_start;
        let result = self.run_due_jobs_inner(budget);
        self.vm.event_loop.current_task = saved_task;
        self.vm.stretch_start = saved_stretch;
        if self.vm.event_loop.jobs.is_empty() && !self.vm.event_loop.executor_idle_waiters.is_empty() {
            for f in std::mem::take(&mut self.vm.event_loop.executor_idle_waiters) {
                crate::event_loop::executor::pool_shut_down(&mut self.vm, &f);
            }
        }
        result
    }

    fn run_due_jobs_inner(&mut self, budget: &mut u64) -> Option<StepResult> {
        loop {
            let now = self.vm.event_loop.now;
            let i = self.vm.event_loop.jobs.iter().position(|j| j.wake_at <= now)?;
            let mut job = self.vm.event_loop.jobs.remove(i);
            self.vm.stretch_start = self.vm.instructions;
            if let Some(id) = job.waiting_http.take() {
                crate::event_loop::http::give_up(&mut self.vm, id, crate::event_loop::http::TIMED_OUT);
            }
            if let Some(r) = job.pending_result.take() {
                crate::event_loop::executor::finish_job(&mut self.vm, &job, r);
                continue;
            }
            let outer = std::mem::replace(&mut self.vm.context, std::mem::replace(&mut job.context, Value::None));
            self.vm.event_loop.running_job = Some((job.ident, job.worker));
            if let Some((func, args, kwargs)) = job.native.take() {
                let r = self.vm.call(func, args, kwargs);
                self.vm.event_loop.running_job = None;
                job.context = std::mem::replace(&mut self.vm.context, outer);
                let control = self.vm.control.take();
                if crate::event_loop::executor::park_job(&mut job, control, now) {
                    job.pending_result = Some(r);
                    self.vm.event_loop.jobs.insert(i, job);
                    continue;
                }
                crate::event_loop::executor::finish_job(&mut self.vm, &job, r);
                continue;
            }
            let Some(mut thread) = job.thread.take() else {
                self.vm.event_loop.running_job = None;
                self.vm.context = outer;
                continue;
            };
            let out = self.vm.execute(&mut thread, budget);
            self.vm.event_loop.running_job = None;
            job.context = std::mem::replace(&mut self.vm.context, outer);
            match out {
                Outcome::OutOfBudget => {
                    job.thread = Some(thread);
                    self.vm.event_loop.jobs.insert(i, job);
                    return Some(if *budget > 0 {
                        self.paused_budget = Some(*budget);
                        StepResult::Paused
                    } else {
                        StepResult::Continue
                    });
                }
                Outcome::Control => {
                    let control = self.vm.control.take();
                    crate::event_loop::executor::park_job(&mut job, control, now);
                    job.thread = Some(thread);
                    self.vm.event_loop.jobs.insert(i, job);
                }
                Outcome::Returned(v) => crate::event_loop::executor::finish_job(&mut self.vm, &job, Ok(v)),
                Outcome::Raised(e) => crate::event_loop::executor::finish_job(&mut self.vm, &job, Err(e)),
                Outcome::Suspended(_) | Outcome::Yielded(_) => {
                    let e = self.vm.new_exception(&self.vm.types.exc("RuntimeError"), Some("an executor job cannot await".into()));
                    crate::event_loop::executor::finish_job(&mut self.vm, &job, Err(e));
                }
            }
        }
    }

    fn start_step(&mut self, task: Rc<Obj>, input: StepInput, handle: &Rc<Obj>) {
        if crate::event_loop::future::future_data(&task).borrow().state != FutureState::Pending {
            crate::event_loop::recorder::handle_run(&mut self.vm, handle);
            return;
        }
        let begun = crate::event_loop::task::begin_step(&mut self.vm, &task, input);
        if !matches!(begun, Ok(Some(_))) {
            crate::event_loop::recorder::handle_run(&mut self.vm, handle);
        }
        match begun {
            Ok(Some(thread)) => {
                self.vm.stretch_start = self.vm.instructions;
                self.vm.event_loop.current_task = Some(task.clone());
                crate::event_loop::recorder::step_start(&mut self.vm, &task);
                self.active = Some(Active::Task(task, thread));
            }
            Ok(None) => {}
            Err(exc) => self.callback_failed(&task, exc),
        }
    }

    fn start_callback(&mut self, handle: Rc<Obj>) {
        let Obj::Native(NativeObj::Handle(h)) = &*handle else { return };
        self.vm.stretch_start = self.vm.instructions;
        let (func, mut args) = match &h.callback {
            Value::Obj(o) => match &**o {
                Obj::BoundMethod { receiver, func } => (func.clone(), vec![receiver.clone()]),
                _ => (h.callback.clone(), vec![]),
            },
            _ => (h.callback.clone(), vec![]),
        };
        args.extend(h.args.iter().cloned());
        crate::event_loop::recorder::callback(&mut self.vm, &func, &h.args);
        if let Value::Obj(fo) = &func {
            if let Obj::Function(f) = &**fo {
                if !f.code.is_generator && !f.code.is_coroutine {
                    match self.vm.bind_args(f, args, vec![]) {
                        Ok(fast) => {
                            let frame = self.vm.make_frame(f, fast, crate::vm::Mode::Top);
                            self.active = Some(Active::Callback(Thread { frames: vec![frame], pending_throw: None }, handle.clone()));
                        }
                        Err(e) => self.callback_failed(&handle, e),
                    }
                    return;
                }
            }
        }
        let outer = std::mem::replace(&mut self.vm.context, h.context.clone());
        let called = self.vm.call(func, args, vec![]);
        self.vm.context = outer;
        match called {
            Ok(_) => {
                if self.vm.control.is_some() {
                    self.handle_control();
                }
            }
            Err(e) => self.callback_failed(&handle, e),
        }
    }

    /// CPython's default exception handler: log the error and keep the loop running.
    fn callback_failed(&mut self, handle: &Rc<Obj>, exc: Value) {
        if crate::types::exceptions::is_instance_of(&exc, &self.vm.types.exc("KeyboardInterrupt"))
            || crate::types::exceptions::is_instance_of(&exc, &self.vm.types.exc("SystemExit"))
        {
            self.abort_loop(exc);
            return;
        }
        if self.vm.event_loop.exception_handler.is_some() {
            // loop.set_exception_handler(): the program's handler gets Handle._run's context.
            if let Obj::Native(NativeObj::Handle(h)) = &**handle {
                let cb = crate::event_loop::repr::callback_repr(&mut self.vm, &h.callback, &h.args);
                let context = [
                    ("message", Value::str(&format!("Exception in callback {cb}"))),
                    ("exception", exc.clone()),
                    ("handle", Value::Obj(handle.clone())),
                ];
                if let Err(e) = self.call_exception_handler(&context) {
                    self.callback_failed_in_handler(e);
                }
                return;
            }
        }
        let desc = match &**handle {
            Obj::Native(NativeObj::Handle(h)) => {
                let cb = crate::event_loop::repr::callback_repr(&mut self.vm, &h.callback, &h.args);
                let hr = crate::event_loop::repr::handle_repr(&mut self.vm, h).unwrap_or_default();
                format!("Exception in callback {cb}\nhandle: {hr}\n")
            }
            _ => "Exception in callback\n".into(),
        };
        let tb = crate::report::tracebacks::format_traceback(&mut self.vm, &exc);
        self.vm.write(Stream::Stderr, &format!("{desc}{tb}"));
    }

    fn call_exception_handler(&mut self, context: &[(&str, Value)]) -> crate::vm::PyResult {
        let mut map = crate::types::value::DictMap::default();
        for (k, v) in context {
            let key = self.vm.key(Value::str(k))?;
            map.insert(key, v.clone());
        }
        let event_loop = self.vm.event_loop.loop_value.clone().unwrap_or(Value::None);
        let call = self.vm.get_attr(&event_loop, "_handle_callback_error")?;
        self.vm.call(call, vec![Value::dict(map)], vec![])
    }

    /// The handler raised SystemExit or KeyboardInterrupt: as from the callback itself.
    fn callback_failed_in_handler(&mut self, exc: Value) {
        if crate::types::exceptions::is_instance_of(&exc, &self.vm.types.exc("KeyboardInterrupt"))
            || crate::types::exceptions::is_instance_of(&exc, &self.vm.types.exc("SystemExit"))
        {
            self.abort_loop(exc);
            return;
        }
        let tb = crate::report::tracebacks::format_traceback(&mut self.vm, &exc);
        self.vm.write(Stream::Stderr, &tb);
    }

    /// KeyboardInterrupt or SystemExit inside the loop: the loop stops and the main program sees it.
    fn abort_loop(&mut self, exc: Value) {
        self.vm.event_loop.running = false;
        self.vm.event_loop.stopping = false;
        self.active = None;
        self.main_state = MainState::Runnable;
        self.phase = LoopPhase::Boundary { first: true };
        self.main.pending_throw = Some(exc);
    }

    fn deadlock(&mut self) {
        // CPython would block in select() forever here. Awaitlab ends the run and says why.
        self.vm.write(
            Stream::Stderr,
            "Awaitlab: the event loop has nothing left to run and nothing to wait for; CPython would wait here forever, so the run was stopped.\n",
        );
        crate::event_loop::recorder::finished(&mut self.vm, "deadlock");
        self.exit_code = Some(1);
        self.main_state = MainState::Done;
        self.vm.event_loop.running = false;
    }

    /// The innermost frame of the program's own file that the exception passed through. For an
    /// exception group (a `TaskGroup`'s failures), its first sub-exception's: the line to fix.
    fn spot_of(&mut self, exc: &Value) -> Option<ErrorSpot> {
        self.spot_within(exc, 0)
    }

    fn spot_within(&mut self, exc: &Value, group_depth: usize) -> Option<ErrorSpot> {
        if group_depth < 10 {
            let members = crate::report::tracebacks::group_members(&self.vm, exc).unwrap_or_default();
            if let Some(spot) = members.iter().find_map(|m| self.spot_within(m, group_depth + 1)) {
                return Some(spot);
            }
        }
        let entries = crate::types::exceptions::traceback(exc);
        let entry = entries.iter().rev().find(|e| **e.filename() == *self.vm.filename)?;
        // No column range (a span over several lines): the whole line, as (0, 0).
        let (col, end_col) = if entry.end_col > entry.col { (entry.col, entry.end_col) } else { (0, 0) };
        let message = crate::types::exceptions::format_exception_only(&mut self.vm, exc);
        Some(ErrorSpot { line: entry.line, col, end_col, message })
    }

    fn finish(&mut self, exc: Option<Value>) {
        let mut code = 0;
        if let Some(exc) = exc {
            if crate::types::exceptions::is_instance_of(&exc, &self.vm.types.exc("KeyboardInterrupt")) {
                // As CPython reports it, with the status of a process ended by SIGINT.
                let tb = crate::report::tracebacks::format_traceback(&mut self.vm, &exc);
                self.vm.write(Stream::Stderr, &tb);
                code = 130;
            } else if crate::types::exceptions::is_instance_of(&exc, &self.vm.types.exc("SystemExit")) {
                let args = crate::types::exceptions::exc_args(&exc);
                code = match args.first() {
                    None | Some(Value::None) => 0,
                    Some(Value::Int(i)) => *i as i32,
                    Some(v) => {
                        let s = self.vm.str_of(v).map(|s| s.to_string()).unwrap_or_default();
                        self.vm.write(Stream::Stderr, &format!("{s}\n"));
                        1
                    }
                };
            } else {
                let tb = crate::report::tracebacks::format_traceback(&mut self.vm, &exc);
                self.vm.write(Stream::Stderr, &tb);
                self.error_spot = self.spot_of(&exc);
                code = 1;
            }
        }
        // Py_FinalizeEx: the exit functions first (`atexit`'s, weakref.finalize's).
        if let Some(atexit) = self.vm.modules.get("atexit").cloned() {
            let ran = self.vm.get_attr(&atexit, "_run_exitfuncs").and_then(|run| self.vm.call(run, vec![], vec![]));
            if let Err(exc) = ran {
                let tb = crate::report::tracebacks::format_traceback(&mut self.vm, &exc);
                self.vm.write(Stream::Stderr, &tb);
            }
        }
        // Interpreter shutdown: drop the program's objects so their finalizers report.
        crate::report::warnings::set_shutdown(true);
        self.main = Thread::default();
        self.active = None;
        if let Some(Value::Obj(m)) = self.vm.modules.get("__main__").cloned() {
            if let Obj::Module { dict, .. } = &*m {
                let cleared: Vec<(Rc<str>, Value)> = dict.borrow_mut().drain(..).collect();
                clear_classes(&cleared);
                drop(cleared);
            }
        }
        self.vm.event_loop.ready.clear();
        self.vm.event_loop.timers.clear();
        self.vm.event_loop.jobs.clear();
        self.vm.http.pending.clear();
        self.vm.http.in_flight = 0;
        self.vm.run_finalizers(None);
        self.vm.flush_warnings();
        crate::report::warnings::set_shutdown(false);
        crate::event_loop::recorder::finished(
            &mut self.vm,
            match code {
                0 => "done",
                130 => "stopped",
                _ => "failed",
            },
        );
        self.exit_code = Some(code);
        self.main_state = MainState::Done;
    }
}

impl Drop for Machine {
    /// Reference counting cannot free cycles, and every module's functions point back at the
    /// module's namespace (function → globals → function). Emptying the namespaces at the end of
    /// a run breaks those cycles; without it each run leaked its asyncio module (~160 KB).
    fn drop(&mut self) {
        crate::report::warnings::set_shutdown(true);
        crate::vm::finalize::discard();
        self.main = Thread::default();
        self.active = None;
        self.vm.event_loop.ready.clear();
        self.vm.event_loop.timers.clear();
        self.vm.event_loop.jobs.clear();
        self.vm.event_loop.current_task = None;
        self.vm.event_loop.loop_value = None;
        self.vm.http.pending.clear();
        // A task left pending and the future it waits for point at each other (callbacks, waiter).
        let tasks: Vec<Rc<Obj>> = self.vm.event_loop.tasks.drain(..).filter_map(|w| w.upgrade()).collect();
        for task in &tasks {
            if let Obj::Native(NativeObj::Future(f)) = &**task {
                let (callbacks, waiter, thread) = {
                    let mut d = f.borrow_mut();
                    let callbacks = std::mem::take(&mut d.callbacks);
                    let (waiter, thread) = match d.task.as_mut() {
                        Some(t) => {
                            t.context = Value::None;
                            (t.fut_waiter.take(), t.thread.take())
                        }
                        None => (None, None),
                    };
                    (callbacks, waiter, thread)
                };
                if let Some(Value::Obj(w)) = &waiter {
                    if let Obj::Native(NativeObj::Future(wf)) = &**w {
                        let cbs = std::mem::take(&mut wf.borrow_mut().callbacks);
                        drop(cbs);
                    }
                }
                drop((callbacks, waiter, thread));
            }
        }
        drop(tasks);
        // Everything the modules still reach, emptied: namespaces (also of modules only
        // another module holds, as `sys.stdout`, whose `write` is bound to it), classes,
        // instances, containers and cells.
        empty_what_is_reached(self.vm.modules.drain().map(|(_, m)| m).collect());
        // Every class's MRO starts with the class itself: a cycle per class, builtin ones included
        // (each run makes its own types).
        let mut classes: Vec<Rc<Obj>> = self.vm.types.all();
        classes.extend(self.vm.builtins.borrow_mut().drain(..).filter_map(|(_, v)| match v {
            Value::Obj(o) if matches!(&*o, Obj::Class(_)) => Some(o),
            _ => None,
        }));
        classes.extend(self.vm.classes_made.drain(..).filter_map(|c| c.upgrade()));
        for c in &classes {
            if let Obj::Class(c) = &**c {
                c.mro.borrow_mut().clear();
                let d: Vec<(Rc<str>, Value)> = c.dict.borrow_mut().drain(..).collect();
                drop(d);
            }
        }
        drop(classes);
        // Warnings raised by objects freed now belong to no one: the run's output is final.
        let _ = crate::report::warnings::take();
        crate::vm::finalize::discard();
        crate::vm::finalize::resume();
        crate::report::warnings::set_shutdown(false);
    }
}

/// Once a run has ended, whatever its modules reach is garbage, and reference counting cannot
/// free the cycles in it: a function and its module's namespace, a class and its MRO (and its
/// methods' `super()` cells), instances that point at each other (a logger and its manager).
/// Each object reached is emptied (namespaces, instance and class dicts, lists, dicts, sets,
/// deques, cells, an exception's traceback), which breaks every cycle through them; the objects
/// themselves are held until the walk ends, so that no address is reused while it is seen.
fn empty_what_is_reached(roots: Vec<Value>) {
    let mut pending = roots;
    let mut seen = std::collections::HashSet::new();
    let mut held: Vec<Rc<Obj>> = vec![];
    while let Some(v) = pending.pop() {
        let Value::Obj(o) = v else { continue };
        if !seen.insert(Rc::as_ptr(&o)) {
            continue;
        }
        let namespace = |ns: &std::cell::RefCell<crate::types::value::Namespace>, pending: &mut Vec<Value>| {
            let contents: Vec<(Rc<str>, Value)> = ns.borrow_mut().drain(..).collect();
            pending.extend(contents.into_iter().map(|(_, v)| v));
        };
        match &*o {
            Obj::Module { dict, .. } => namespace(dict, &mut pending),
            Obj::Class(c) => {
                namespace(&c.dict, &mut pending);
                c.mro.borrow_mut().clear();
            }
            Obj::Instance(i) => {
                namespace(&i.dict, &mut pending);
                let exc = i.exc.borrow_mut().take();
                drop(exc);
                pending.push(Value::Obj(i.class.clone()));
            }
            Obj::Function(f) => {
                namespace(&f.dict, &mut pending);
                pending.extend(f.closure.iter().filter_map(|c| c.borrow_mut().take()));
                pending.extend(f.defaults.iter().cloned());
                pending.extend(f.kwdefaults.iter().map(|(_, v)| v.clone()));
            }
            Obj::List(l) => pending.append(&mut l.borrow_mut()),
            Obj::Tuple(t) => pending.extend(t.iter().cloned()),
            Obj::Dict(d) => pending.extend(std::mem::take(&mut *d.borrow_mut()).into_iter().flat_map(|(k, v)| [k.value, v])),
            Obj::Set(s) => pending.extend(s.borrow_mut().take().into_iter().map(|k| k.value)),
            Obj::Deque(d, _) => pending.extend(d.borrow_mut().drain(..)),
            Obj::Cell(c) => pending.extend(c.borrow_mut().take()),
            Obj::BoundMethod { receiver, func } => pending.extend([receiver.clone(), func.clone()]),
            Obj::Property { fget, fset } => pending.extend([fget.clone(), fset.clone()]),
            Obj::StaticMethod(f) | Obj::ClassMethod(f) => pending.push(f.clone()),
            _ => {}
        }
        held.push(o);
    }
    drop(held);
}

/// Classes refer to themselves through their methods' closures and `super()` cells: their
/// dicts are emptied too.
fn clear_classes(items: &[(Rc<str>, Value)]) {
    for (_, v) in items {
        if let Value::Obj(o) = v {
            if let Obj::Class(c) = &**o {
                let d: Vec<(Rc<str>, Value)> = c.dict.borrow_mut().drain(..).collect();
                drop(d);
                c.mro.borrow_mut().clear();
            }
        }
    }
}

fn handle_cancelled(h: &Rc<Obj>) -> bool {
    matches!(&**h, Obj::Native(NativeObj::Handle(d)) if d.cancelled.get())
}

impl Machine {
    /// The output so far.
    pub fn chunks(&self) -> &[Chunk] {
        &self.vm.output.chunks
    }

    /// The trace so far, as it will stay: a step's start at its end is held back, since a
    /// step that records nothing more becomes one `Step` record in its place.
    pub fn trace_records(&self) -> &[Record] {
        let records = &self.vm.trace.records;
        match records.last() {
            Some(Record { event: awaitlab_trace::Event::StepStart { .. }, .. }) => &records[..records.len() - 1],
            _ => records,
        }
    }

    /// Ends the run now (the Stop button): what ran so far stays in the output and trace.
    pub fn stop(&mut self) {
        if self.exit_code.is_none() {
            self.vm.flush_warnings();
            self.vm.write_always(Stream::Stderr, "\nKeyboardInterrupt: stopped by the user\n");
            crate::event_loop::recorder::finished(&mut self.vm, "stopped");
            self.exit_code = Some(130);
        }
    }

    pub fn into_result(mut self) -> RunResult {
        let duration = self.vm.event_loop.now;
        RunResult {
            exit_code: self.exit_code.unwrap_or(0),
            chunks: std::mem::take(&mut self.vm.output.chunks),
            trace: std::mem::take(&mut self.vm.trace.records),
            duration,
            instructions: self.vm.instructions,
            error: self.error_spot.take(),
        }
    }
}

/// The `contextvars` context a callback's handle runs in.
fn handle_context(handle: &Rc<Obj>) -> Value {
    match &**handle {
        Obj::Native(NativeObj::Handle(h)) => h.context.clone(),
        _ => Value::None,
    }
}
