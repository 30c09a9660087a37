//! asyncio's core in Rust, mirroring CPython's C accelerator (_asyncio) and base_events:
//! the ready queue, the timer heap, Future and Task with `Task.__step`'s exact logic.
//! Locks, queues, gather, wait... are Python (asyncio_prelude.py), ported from CPython.

use crate::builtins::{arg, as_f64, builtin, kwarg, set_method, Kwargs};
use crate::native::{FutState, FutureData, HandleData, HandleKind, NativeObj, TaskData};
use crate::value::*;
use crate::vm::{PyResult, Vm};
use std::cell::{Cell, RefCell};
use std::collections::{BinaryHeap, VecDeque};
use std::rc::{Rc, Weak};

pub struct TimerEntry {
    pub when: f64,
    pub seq: u64,
    pub handle: Rc<Obj>,
}
impl TimerEntry {
    /// The deadline in whole nanoseconds: the heap's order. Deadlines that differ only by float
    /// rounding (a sleep of `0.01 * 3` set at 0, one of `0.02` set at 0.01) are the same moment
    /// on the virtual clock, and the one set first fires first. Under CPython the later one is
    /// later by the real time that passed between them, so it fires second there too.
    fn tick(&self) -> i64 {
        (self.when * 1e9).round() as i64
    }
}
impl PartialEq for TimerEntry {
    fn eq(&self, o: &Self) -> bool {
        self.tick() == o.tick() && self.seq == o.seq
    }
}
impl Eq for TimerEntry {}
impl PartialOrd for TimerEntry {
    fn partial_cmp(&self, o: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(o))
    }
}
impl Ord for TimerEntry {
    // BinaryHeap is a max-heap: reverse for earliest (deadline, insertion order) first.
    fn cmp(&self, o: &Self) -> std::cmp::Ordering {
        o.tick().cmp(&self.tick()).then(o.seq.cmp(&self.seq))
    }
}

/// A `run_in_executor` job: a thread of its own that runs while the loop's thread waits.
pub struct Job {
    pub future: Rc<Obj>,
    /// What to run: a Python function's frames, or a native callable called when the job starts.
    pub thread: Option<crate::vm::Thread>,
    pub native: Option<(Value, Vec<Value>)>,
    /// Program time the job can run again (after its own time.sleep).
    pub wake_at: f64,
    /// The result of a native call that then slept (time.sleep itself), delivered on waking.
    pub pending_result: Option<Result<Value, Value>>,
    /// A blocking HTTP request (requests.get in the pool) the job waits for.
    pub waiting_http: Option<u64>,
    pub started: f64,
}

#[derive(Default)]
pub struct Runtime {
    pub ready: VecDeque<Rc<Obj>>,
    pub timers: BinaryHeap<TimerEntry>,
    pub seq: u64,
    pub running: bool,
    pub stopping: bool,
    pub closed: bool,
    pub now: f64,
    pub current_task: Option<Rc<Obj>>,
    pub tasks: Vec<Weak<Obj>>,
    pub task_counter: u64,
    pub loop_value: Option<Value>,
    /// `loop.set_exception_handler`'s handler, for the current loop.
    pub exception_handler: Option<Value>,
    pub loop_set: bool,
    /// The event loop policy's state: whether `loop_value` is its current loop, and whether
    /// set_event_loop was ever called (after which get_event_loop creates no loop of its own).
    pub current_loop: bool,
    pub set_event_loop_called: bool,
    pub running_loop: bool,
    /// Thread-pool jobs (`loop.run_in_executor`) not finished yet, in submission order.
    pub jobs: Vec<Job>,
    /// Futures waiting for the thread pool to be idle (`shutdown_default_executor`).
    pub executor_idle_waiters: Vec<Rc<Obj>>,
    /// Tasks created and not yet finished.
    pub live_tasks: usize,
}

impl Runtime {
    pub fn next_timer_when(&self) -> Option<f64> {
        self.timers.peek().map(|t| t.when)
    }
}

// ---------- futures ----------

pub fn fut_data(o: &Rc<Obj>) -> &RefCell<FutureData> {
    match &**o {
        Obj::Native(NativeObj::Future(f)) => f,
        _ => panic!("not a future"),
    }
}

pub fn is_future(v: &Value) -> bool {
    matches!(v, Value::Obj(o) if matches!(&**o, Obj::Native(NativeObj::Future(_))))
}

fn new_future_data(vm: &mut Vm) -> FutureData {
    FutureData {
        id: vm.new_id(),
        state: FutState::Pending,
        result: Value::None,
        exception: None,
        callbacks: vec![],
        cancel_message: Value::None,
        blocking: false,
        log_traceback: false,
        task: None,
        label: None,
        gather_children: None,
        cancel_requested: false,
        cancelled_exc: None,
    }
}

pub fn new_future(vm: &mut Vm) -> Rc<Obj> {
    let d = new_future_data(vm);
    Rc::new(Obj::Native(NativeObj::Future(RefCell::new(d))))
}

pub fn new_future_value(vm: &mut Vm) -> PyResult {
    Ok(Value::Obj(new_future(vm)))
}

pub fn make_cancelled_error(vm: &mut Vm, fut: &Rc<Obj>) -> Value {
    let d = fut_data(fut).borrow();
    if let Some(e) = &d.cancelled_exc {
        return e.clone();
    }
    let msg = d.cancel_message.clone();
    drop(d);
    let c = vm.t.exc("CancelledError");
    crate::exceptions::instantiate(&c, if msg.is_none() { vec![] } else { vec![msg] })
}

/// `fut.result()`.
pub fn future_result(vm: &mut Vm, fut: &Rc<Obj>) -> PyResult {
    let state = fut_data(fut).borrow().state;
    match state {
        FutState::Cancelled => Err(make_cancelled_error(vm, fut)),
        FutState::Pending => vm.err("InvalidStateError", "Result is not set."),
        FutState::Finished => {
            let mut d = fut_data(fut).borrow_mut();
            d.log_traceback = false;
            match &d.exception {
                Some(e) => Err(e.clone()),
                None => Ok(d.result.clone()),
            }
        }
    }
}

fn schedule_callbacks(vm: &mut Vm, fut: &Rc<Obj>) {
    let callbacks = std::mem::take(&mut fut_data(fut).borrow_mut().callbacks);
    for cb in callbacks {
        call_soon(vm, cb, vec![Value::Obj(fut.clone())], HandleKind::Call);
    }
}

pub fn set_result(vm: &mut Vm, fut: &Rc<Obj>, v: Value) -> PyResult<()> {
    {
        let mut d = fut_data(fut).borrow_mut();
        if d.state != FutState::Pending {
            drop(d);
            // The C accelerator's wording (the pure-Python Future's differs).
            return vm.err("InvalidStateError", "invalid state");
        }
        d.result = v;
        d.state = FutState::Finished;
    }
    crate::recorder::future_done(vm, fut);
    schedule_callbacks(vm, fut);
    Ok(())
}

pub fn set_exception(vm: &mut Vm, fut: &Rc<Obj>, exc: Value) -> PyResult<()> {
    let exc = match &exc {
        Value::Obj(o) if matches!(&**o, Obj::Class(_)) => vm.call(exc.clone(), vec![], vec![])?,
        _ => exc,
    };
    if crate::exceptions::is_instance_of(&exc, &vm.t.exc("StopIteration")) {
        return vm.type_error("StopIteration interacts badly with generators and cannot be raised into a Future");
    }
    {
        let mut d = fut_data(fut).borrow_mut();
        if d.state != FutState::Pending {
            drop(d);
            return vm.err("InvalidStateError", "invalid state");
        }
        d.exception = Some(exc);
        d.state = FutState::Finished;
        d.log_traceback = true;
    }
    crate::recorder::future_done(vm, fut);
    schedule_callbacks(vm, fut);
    Ok(())
}

/// `Future.cancel()` (not Task.cancel).
pub fn future_cancel(vm: &mut Vm, fut: &Rc<Obj>, msg: Value) -> bool {
    {
        let mut d = fut_data(fut).borrow_mut();
        d.log_traceback = false;
        if d.state != FutState::Pending {
            return false;
        }
        d.state = FutState::Cancelled;
        d.cancel_message = msg;
    }
    crate::recorder::future_done(vm, fut);
    schedule_callbacks(vm, fut);
    true
}

fn state_name(s: FutState) -> &'static str {
    match s {
        FutState::Pending => "PENDING",
        FutState::Cancelled => "CANCELLED",
        FutState::Finished => "FINISHED",
    }
}

pub fn add_done_callback(vm: &mut Vm, fut: &Rc<Obj>, cb: Value) {
    let done = fut_data(fut).borrow().state != FutState::Pending;
    if done {
        call_soon(vm, cb, vec![Value::Obj(fut.clone())], HandleKind::Call);
    } else {
        fut_data(fut).borrow_mut().callbacks.push(cb);
    }
}

// ---------- loop scheduling ----------

pub fn new_handle(vm: &mut Vm, callback: Value, args: Vec<Value>, when: Option<f64>, kind: HandleKind) -> Rc<Obj> {
    let id = vm.new_id();
    Rc::new(Obj::Native(NativeObj::Handle(HandleData { callback, args, cancelled: Cell::new(false), when, id, kind })))
}

pub fn call_soon(vm: &mut Vm, callback: Value, args: Vec<Value>, kind: HandleKind) -> Rc<Obj> {
    let h = new_handle(vm, callback, args, None, kind);
    vm.rt.ready.push_back(h.clone());
    h
}

pub fn call_at(vm: &mut Vm, when: f64, callback: Value, args: Vec<Value>) -> Rc<Obj> {
    let h = new_handle(vm, callback, args, Some(when), HandleKind::Call);
    vm.rt.seq += 1;
    let seq = vm.rt.seq;
    vm.rt.timers.push(TimerEntry { when, seq, handle: h.clone() });
    crate::recorder::timer_set(vm, &h, when);
    h
}

// ---------- tasks ----------

/// More unfinished tasks than this is an error: a runaway program, not a lesson.
pub const MAX_LIVE_TASKS: usize = 100_000;

pub fn create_task(vm: &mut Vm, coro: Value, name: Option<Value>) -> PyResult<Rc<Obj>> {
    if vm.rt.live_tasks >= MAX_LIVE_TASKS {
        return vm.err("RuntimeError", format!("too many tasks: Awaitlab allows {MAX_LIVE_TASKS} unfinished tasks at once"));
    }
    let is_coro = matches!(&coro, Value::Obj(o) if matches!(&**o, Obj::Gen(g) if g.kind == GenKind::Coroutine));
    if !is_coro {
        let r = vm.repr(&coro)?;
        return vm.type_error(format!("a coroutine was expected, got {r}"));
    }
    vm.rt.task_counter += 1;
    let name: Rc<str> = match name {
        Some(Value::None) | None => Rc::from(format!("Task-{}", vm.rt.task_counter)),
        Some(v) => vm.to_str(&v)?,
    };
    if let Value::Obj(o) = &coro {
        if let Obj::Gen(g) = &**o {
            g.awaited.set(true);
        }
    }
    let mut d = new_future_data(vm);
    d.task = Some(Box::new(TaskData {
        coro,
        thread: None,
        name,
        must_cancel: false,
        fut_waiter: None,
        num_cancels_requested: 0,
        started: false,
    }));
    let task = Rc::new(Obj::Native(NativeObj::Future(RefCell::new(d))));
    if vm.rt.tasks.len() > 4096 && vm.rt.tasks.len().is_power_of_two() {
        vm.rt.tasks.retain(|w| w.upgrade().is_some_and(|t| fut_data(&t).borrow().state == FutState::Pending));
    }
    vm.rt.tasks.push(Rc::downgrade(&task));
    call_soon(vm, Value::Obj(task.clone()), vec![], HandleKind::TaskStep);
    vm.rt.live_tasks += 1;
    crate::recorder::task_created(vm, &task);
    Ok(task)
}

pub fn task_cancel(vm: &mut Vm, task: &Rc<Obj>, msg: Value) -> bool {
    let waiter = {
        let mut d = fut_data(task).borrow_mut();
        d.log_traceback = false;
        if d.state != FutState::Pending {
            return false;
        }
        let t = d.task.as_mut().unwrap();
        t.num_cancels_requested += 1;
        t.fut_waiter.clone()
    };
    if let Some(Value::Obj(w)) = waiter {
        if cancel_any(vm, &w, msg.clone()) {
            return true;
        }
    }
    let mut d = fut_data(task).borrow_mut();
    d.task.as_mut().unwrap().must_cancel = true;
    d.cancel_message = msg;
    true
}

/// `fut.cancel(msg)` dispatching on Task / gathering future / plain Future.
pub fn cancel_any(vm: &mut Vm, fut: &Rc<Obj>, msg: Value) -> bool {
    let (is_task, children) = {
        let d = fut_data(fut).borrow();
        (d.task.is_some(), d.gather_children.clone())
    };
    if is_task {
        return task_cancel(vm, fut, msg);
    }
    if let Some(children) = children {
        if fut_data(fut).borrow().state != FutState::Pending {
            return false;
        }
        let mut ret = false;
        for c in children {
            if let Value::Obj(co) = &c {
                if cancel_any(vm, co, msg.clone()) {
                    ret = true;
                }
            }
        }
        if ret {
            fut_data(fut).borrow_mut().cancel_requested = true;
        }
        return ret;
    }
    future_cancel(vm, fut, msg)
}

/// What to send into a task step: a value (None) or an exception to throw.
pub enum StepInput {
    Send,
    Throw(Value),
}

/// Prepares `Task.__step`: returns the thread to run, or None if the task is already done.
pub fn begin_step(vm: &mut Vm, task: &Rc<Obj>, input: StepInput) -> PyResult<Option<crate::vm::Thread>> {
    let mut input = input;
    {
        let d = fut_data(task).borrow();
        if d.state != FutState::Pending {
            drop(d);
            return vm.err("InvalidStateError", "_step(): already done");
        }
    }
    let must_cancel = fut_data(task).borrow().task.as_ref().unwrap().must_cancel;
    if must_cancel {
        let is_cancel = matches!(&input, StepInput::Throw(e) if crate::exceptions::is_instance_of(e, &vm.t.exc("CancelledError")));
        if !is_cancel {
            input = StepInput::Throw(make_cancelled_error(vm, task));
        }
        fut_data(task).borrow_mut().task.as_mut().unwrap().must_cancel = false;
    }
    let mut d = fut_data(task).borrow_mut();
    let t = d.task.as_mut().unwrap();
    t.fut_waiter = None;
    let mut thread = match t.thread.take() {
        Some(th) => th,
        None => {
            // First step: the coroutine's frame becomes the bottom of the task's thread.
            let Value::Obj(co) = &t.coro else { unreachable!() };
            let Obj::Gen(g) = &**co else { unreachable!() };
            t.started = true;
            match g.state.get() {
                GenState::Created => {
                    let mut frame = g.frame.borrow_mut().take().unwrap();
                    frame.mode = crate::vm::Mode::Top;
                    g.state.set(GenState::Running);
                    crate::vm::Thread { frames: vec![*frame], pending_throw: None }
                }
                _ => {
                    drop(d);
                    return vm.err("RuntimeError", "cannot reuse already awaited coroutine");
                }
            }
        }
    };
    drop(d);
    if let StepInput::Throw(e) = input {
        thread.pending_throw = Some(e);
    }
    Ok(Some(thread))
}

/// Completes `Task.__step` after the coroutine yielded, returned or raised (CPython's logic).
pub fn end_step(vm: &mut Vm, task: &Rc<Obj>, thread: crate::vm::Thread, outcome: crate::vm::Outcome) -> PyResult<()> {
    use crate::vm::Outcome;
    if !matches!(outcome, Outcome::Suspended(_)) {
        vm.rt.live_tasks = vm.rt.live_tasks.saturating_sub(1);
    }
    match outcome {
        Outcome::Returned(v) => {
            close_coro(task);
            let must_cancel = fut_data(task).borrow().task.as_ref().unwrap().must_cancel;
            if must_cancel {
                fut_data(task).borrow_mut().task.as_mut().unwrap().must_cancel = false;
                let msg = fut_data(task).borrow().cancel_message.clone();
                future_cancel(vm, task, msg);
            } else {
                set_result(vm, task, v)?;
            }
        }
        Outcome::Raised(exc) => {
            close_coro(task);
            if crate::exceptions::is_instance_of(&exc, &vm.t.exc("CancelledError")) {
                fut_data(task).borrow_mut().cancelled_exc = Some(exc);
                let msg = fut_data(task).borrow().cancel_message.clone();
                future_cancel(vm, task, msg);
            } else if crate::exceptions::is_instance_of(&exc, &vm.t.exc("KeyboardInterrupt"))
                || crate::exceptions::is_instance_of(&exc, &vm.t.exc("SystemExit"))
            {
                set_exception(vm, task, exc.clone())?;
                return Err(exc);
            } else {
                set_exception(vm, task, exc)?;
            }
        }
        Outcome::Suspended(result) => {
            fut_data(task).borrow_mut().task.as_mut().unwrap().thread = Some(thread);
            match &result {
                Value::None => {
                    // Bare yield (sleep(0)): run again on the next loop iteration.
                    call_soon(vm, Value::Obj(task.clone()), vec![], HandleKind::TaskStep);
                }
                Value::Obj(fo) if matches!(&**fo, Obj::Native(NativeObj::Future(_))) => {
                    if Rc::ptr_eq(fo, task) {
                        let r = future_repr(vm, task)?;
                        let c = vm.t.exc("RuntimeError");
                        let e = vm.new_exception(&c, Some(format!("Task cannot await on itself: {r}")));
                        call_soon(vm, Value::Obj(task.clone()), vec![e], HandleKind::TaskStep);
                        return Ok(());
                    }
                    fut_data(fo).borrow_mut().blocking = false;
                    let wakeup = Value::obj(Obj::Native(NativeObj::Handle(HandleData {
                        callback: Value::Obj(task.clone()),
                        args: vec![],
                        cancelled: Cell::new(false),
                        when: None,
                        id: 0,
                        kind: HandleKind::TaskWakeup,
                    })));
                    add_done_callback(vm, fo, wakeup);
                    let must_cancel = {
                        let mut d = fut_data(task).borrow_mut();
                        let t = d.task.as_mut().unwrap();
                        t.fut_waiter = Some(result.clone());
                        t.must_cancel
                    };
                    crate::recorder::task_waits(vm, task, fo);
                    if must_cancel {
                        let msg = fut_data(task).borrow().cancel_message.clone();
                        if cancel_any(vm, fo, msg) {
                            fut_data(task).borrow_mut().task.as_mut().unwrap().must_cancel = false;
                        }
                    }
                }
                _ => unreachable!(),
            }
        }
        _ => unreachable!("end_step on an unfinished step"),
    }
    Ok(())
}

fn close_coro(task: &Rc<Obj>) {
    let d = fut_data(task).borrow();
    if let Some(t) = &d.task {
        if let Value::Obj(co) = &t.coro {
            if let Obj::Gen(g) = &**co {
                g.state.set(GenState::Closed);
            }
        }
    }
}

/// The input for a task woken by the future it waited on (`Task.__wakeup`).
pub fn wakeup_input(vm: &mut Vm, fut: &Rc<Obj>) -> StepInput {
    match future_result(vm, fut) {
        Ok(_) => StepInput::Send,
        Err(e) => StepInput::Throw(e),
    }
}

// ---------- reprs ----------

fn coro_repr(vm: &Vm, coro: &Value, thread: Option<&crate::vm::Thread>) -> String {
    let Value::Obj(co) = coro else { return "?".into() };
    let Obj::Gen(g) = &**co else { return "?".into() };
    let (state, line) = match (g.state.get(), thread) {
        (GenState::Closed, _) => ("done, defined at", g.code.first_line),
        (_, Some(th)) => ("running at", th.frames.first().map(|f| f.line()).unwrap_or(g.code.first_line)),
        _ => ("running at", g.code.first_line),
    };
    format!("<{}() {} {}:{}>", g.qualname, state, vm.filename, line)
}

/// A Future's or Task's repr, as base_futures._future_repr_info and base_tasks._task_repr_info
/// build it: state (a task being cancelled says so), name, coroutine, what it waits for,
/// result or exception (shortened by reprlib), callbacks.
pub fn future_repr(vm: &mut Vm, o: &Rc<Obj>) -> PyResult<String> {
    let (state, result, exception, callbacks, task, gathering) = {
        let d = fut_data(o).borrow();
        let task = d.task.as_ref().map(|t| (t.name.clone(), coro_repr(vm, &t.coro, t.thread.as_ref()), t.fut_waiter.clone(), t.num_cancels_requested));
        (d.state, d.result.clone(), d.exception.clone(), d.callbacks.clone(), task, d.gather_children.is_some())
    };
    let mut info = vec![state_name(state).to_lowercase()];
    if state == FutState::Finished {
        match exception {
            Some(e) => info.push(format!("exception={}", vm.repr(&e)?)),
            None => info.push(format!("result={}", crate::reprlib::repr(vm, &result)?)),
        }
    }
    if !callbacks.is_empty() {
        let mut shown: Vec<String> = Vec::new();
        let n = callbacks.len();
        let picks: Vec<usize> = if n <= 2 { (0..n).collect() } else { vec![0, n - 1] };
        for i in picks {
            shown.push(future_callback_repr(vm, &callbacks[i]));
        }
        let body = if n > 2 { format!("{}, <{} more>, {}", shown[0], n - 2, shown[1]) } else { shown.join(", ") };
        info.push(format!("cb=[{body}]"));
    }
    let Some((name, coro, waiter, cancels)) = task else {
        let class = if gathering { "_GatheringFuture" } else { "Future" };
        return Ok(format!("<{class} {}>", info.join(" ")));
    };
    if cancels > 0 && state == FutState::Pending {
        info[0] = "cancelling".into();
    }
    info.insert(1, format!("name='{name}'"));
    if let Some(Value::Obj(w)) = waiter.filter(|_| state == FutState::Pending) {
        let w = future_repr(vm, &w)?;
        info.insert(2, format!("wait_for={w}"));
    }
    info.insert(2, format!("coro={coro}"));
    Ok(format!("<Task {}>", info.join(" ")))
}

/// A done-callback as a future's repr names it: a task's wakeup is `Task.task_wakeup()`.
fn future_callback_repr(vm: &mut Vm, cb: &Value) -> String {
    if let Value::Obj(o) = cb {
        if let Obj::Native(NativeObj::Handle(h)) = &**o {
            if h.kind == HandleKind::TaskWakeup {
                return "Task.task_wakeup()".into();
            }
        }
    }
    callback_repr(vm, cb, &[])
}

/// `cb() at file.py:2` as CPython's handle reprs show callbacks.
pub fn callback_repr(vm: &mut Vm, cb: &Value, args: &[Value]) -> String {
    let func = match cb {
        Value::Obj(o) => match &**o {
            Obj::BoundMethod { func, .. } => func.clone(),
            _ => cb.clone(),
        },
        _ => cb.clone(),
    };
    let mut arg_reprs = vec![];
    for a in args {
        arg_reprs.push(vm.repr(a).map(|s| s.to_string()).unwrap_or_default());
    }
    match &func {
        Value::Obj(o) => match &**o {
            Obj::Function(f) => format!("{}({}) at {}:{}", f.qualname, arg_reprs.join(", "), f.code.filename, f.code.first_line),
            Obj::Builtin(b) => format!("{}({})", b.name, arg_reprs.join(", ")),
            _ => vm.repr(&func).map(|s| s.to_string()).unwrap_or_default(),
        },
        _ => String::new(),
    }
}

pub fn handle_repr(vm: &mut Vm, h: &HandleData) -> PyResult<String> {
    let cb = callback_repr(vm, &h.callback, &h.args);
    let state = if h.cancelled.get() { " cancelled" } else { "" };
    Ok(match h.when {
        Some(w) => format!("<TimerHandle{state} when={} {cb}>", awaitlab_syntax::literal::float_repr(w)),
        None => format!("<Handle{state} {cb}>"),
    })
}

// ---------- Python-visible attributes ----------

pub fn future_attr(vm: &mut Vm, o: &Rc<Obj>, name: &str) -> PyResult<Option<Value>> {
    let d = fut_data(o).borrow();
    Ok(match name {
        "_asyncio_future_blocking" => Some(Value::Bool(d.blocking)),
        "_cancel_message" => Some(d.cancel_message.clone()),
        "_cancel_requested" => Some(Value::Bool(d.cancel_requested)),
        "_log_destroy_pending" => Some(Value::Bool(true)),
        "_loop" => {
            drop(d);
            Some(get_loop_value(vm))
        }
        "_state" => Some(Value::str(state_name(d.state))),
        _ => None,
    })
}

pub fn set_future_attr(_vm: &mut Vm, o: &Rc<Obj>, name: &str, v: &Value) -> PyResult<bool> {
    let mut d = fut_data(o).borrow_mut();
    Ok(match name {
        "_asyncio_future_blocking" => {
            d.blocking = matches!(v, Value::Bool(true));
            true
        }
        "_log_destroy_pending" | "_log_traceback" => true,
        "_cancel_requested" => {
            d.cancel_requested = matches!(v, Value::Bool(true));
            true
        }
        _ => false,
    })
}

pub fn get_loop_value(vm: &mut Vm) -> Value {
    if let Some(l) = &vm.rt.loop_value {
        return l.clone();
    }
    let l = Value::obj(Obj::Native(NativeObj::Loop));
    vm.rt.loop_value = Some(l.clone());
    vm.rt.exception_handler = None;
    l
}

// ---------- native methods ----------

fn this_future(vm: &mut Vm, args: &[Value]) -> PyResult<Rc<Obj>> {
    match args.first() {
        Some(Value::Obj(o)) if matches!(&**o, Obj::Native(NativeObj::Future(_))) => Ok(o.clone()),
        _ => vm.type_error("descriptor requires a Future"),
    }
}

fn f_result(vm: &mut Vm, args: Vec<Value>, _: Kwargs) -> PyResult {
    let f = this_future(vm, &args)?;
    future_result(vm, &f)
}
fn f_exception(vm: &mut Vm, args: Vec<Value>, _: Kwargs) -> PyResult {
    let f = this_future(vm, &args)?;
    let state = fut_data(&f).borrow().state;
    match state {
        FutState::Cancelled => Err(make_cancelled_error(vm, &f)),
        FutState::Pending => vm.err("InvalidStateError", "Exception is not set."),
        FutState::Finished => {
            let mut d = fut_data(&f).borrow_mut();
            d.log_traceback = false;
            Ok(d.exception.clone().unwrap_or(Value::None))
        }
    }
}
fn f_done(vm: &mut Vm, args: Vec<Value>, _: Kwargs) -> PyResult {
    let f = this_future(vm, &args)?;
    let s = fut_data(&f).borrow().state;
    Ok(Value::Bool(s != FutState::Pending))
}
fn f_cancelled(vm: &mut Vm, args: Vec<Value>, _: Kwargs) -> PyResult {
    let f = this_future(vm, &args)?;
    let s = fut_data(&f).borrow().state;
    Ok(Value::Bool(s == FutState::Cancelled))
}
fn f_cancel(vm: &mut Vm, args: Vec<Value>, kwargs: Kwargs) -> PyResult {
    let f = this_future(vm, &args)?;
    let msg = args.get(1).cloned().or_else(|| kwarg(&kwargs, "msg")).unwrap_or(Value::None);
    Ok(Value::Bool(cancel_any(vm, &f, msg)))
}
fn f_set_result(vm: &mut Vm, args: Vec<Value>, _: Kwargs) -> PyResult {
    let f = this_future(vm, &args)?;
    let v = arg(vm, &args, 1, "set_result")?;
    if fut_data(&f).borrow().task.is_some() {
        return vm.err("RuntimeError", "Task does not support set_result operation");
    }
    set_result(vm, &f, v)?;
    Ok(Value::None)
}
fn f_set_exception(vm: &mut Vm, args: Vec<Value>, _: Kwargs) -> PyResult {
    let f = this_future(vm, &args)?;
    let v = arg(vm, &args, 1, "set_exception")?;
    if fut_data(&f).borrow().task.is_some() {
        return vm.err("RuntimeError", "Task does not support set_exception operation");
    }
    set_exception(vm, &f, v)?;
    Ok(Value::None)
}
fn f_add_done_callback(vm: &mut Vm, args: Vec<Value>, _: Kwargs) -> PyResult {
    let f = this_future(vm, &args)?;
    let cb = arg(vm, &args, 1, "add_done_callback")?;
    add_done_callback(vm, &f, cb);
    Ok(Value::None)
}
fn f_remove_done_callback(vm: &mut Vm, args: Vec<Value>, _: Kwargs) -> PyResult {
    let f = this_future(vm, &args)?;
    let cb = arg(vm, &args, 1, "remove_done_callback")?;
    let before = fut_data(&f).borrow().callbacks.len();
    let mut kept = vec![];
    for c in std::mem::take(&mut fut_data(&f).borrow_mut().callbacks) {
        if !(c.is(&cb) || vm.eq(&c, &cb)?) {
            kept.push(c);
        }
    }
    let removed = before - kept.len();
    fut_data(&f).borrow_mut().callbacks = kept;
    Ok(Value::Int(removed as i64))
}
fn f_get_loop(vm: &mut Vm, _args: Vec<Value>, _: Kwargs) -> PyResult {
    Ok(get_loop_value(vm))
}
fn f_make_cancelled_error(vm: &mut Vm, args: Vec<Value>, _: Kwargs) -> PyResult {
    let f = this_future(vm, &args)?;
    Ok(make_cancelled_error(vm, &f))
}
fn f_repr(vm: &mut Vm, args: Vec<Value>, _: Kwargs) -> PyResult {
    let f = this_future(vm, &args)?;
    Ok(Value::str(&future_repr(vm, &f)?))
}
fn t_get_name(vm: &mut Vm, args: Vec<Value>, _: Kwargs) -> PyResult {
    let f = this_future(vm, &args)?;
    let n = fut_data(&f).borrow().task.as_ref().map(|t| t.name.clone()).unwrap_or_else(|| Rc::from(""));
    Ok(Value::Str(n))
}
fn t_set_name(vm: &mut Vm, args: Vec<Value>, _: Kwargs) -> PyResult {
    let f = this_future(vm, &args)?;
    let v = arg(vm, &args, 1, "set_name")?;
    let n = vm.to_str(&v)?;
    if let Some(t) = fut_data(&f).borrow_mut().task.as_mut() {
        t.name = n;
    }
    Ok(Value::None)
}
fn t_get_coro(vm: &mut Vm, args: Vec<Value>, _: Kwargs) -> PyResult {
    let f = this_future(vm, &args)?;
    let c = fut_data(&f).borrow().task.as_ref().map(|t| t.coro.clone()).unwrap_or(Value::None);
    Ok(c)
}
fn t_cancelling(vm: &mut Vm, args: Vec<Value>, _: Kwargs) -> PyResult {
    let f = this_future(vm, &args)?;
    let n = fut_data(&f).borrow().task.as_ref().map(|t| t.num_cancels_requested).unwrap_or(0);
    Ok(Value::Int(n as i64))
}
fn t_uncancel(vm: &mut Vm, args: Vec<Value>, _: Kwargs) -> PyResult {
    let f = this_future(vm, &args)?;
    let mut d = fut_data(&f).borrow_mut();
    let t = d.task.as_mut().unwrap();
    if t.num_cancels_requested > 0 {
        t.num_cancels_requested -= 1;
    }
    Ok(Value::Int(t.num_cancels_requested as i64))
}
fn f_set_label(vm: &mut Vm, args: Vec<Value>, _: Kwargs) -> PyResult {
    let f = this_future(vm, &args)?;
    let label = { let a_ = arg(vm, &args, 1, "_set_label")?; vm.to_str(&a_) }?;
    fut_data(&f).borrow_mut().label = Some(label);
    Ok(Value::None)
}

fn h_cancel(vm: &mut Vm, args: Vec<Value>, _: Kwargs) -> PyResult {
    if let Some(Value::Obj(o)) = args.first() {
        if let Obj::Native(NativeObj::Handle(h)) = &**o {
            if !h.cancelled.get() {
                h.cancelled.set(true);
                crate::recorder::timer_cancelled(vm, o);
            }
        }
    }
    Ok(Value::None)
}
fn h_cancelled(_vm: &mut Vm, args: Vec<Value>, _: Kwargs) -> PyResult {
    if let Some(Value::Obj(o)) = args.first() {
        if let Obj::Native(NativeObj::Handle(h)) = &**o {
            return Ok(Value::Bool(h.cancelled.get()));
        }
    }
    Ok(Value::Bool(false))
}
fn h_when(_vm: &mut Vm, args: Vec<Value>, _: Kwargs) -> PyResult {
    if let Some(Value::Obj(o)) = args.first() {
        if let Obj::Native(NativeObj::Handle(h)) = &**o {
            return Ok(h.when.map(Value::Float).unwrap_or(Value::None));
        }
    }
    Ok(Value::None)
}

// loop methods

fn check_closed(vm: &mut Vm) -> PyResult<()> {
    if vm.rt.closed {
        return vm.err("RuntimeError", "Event loop is closed");
    }
    Ok(())
}

fn l_call_soon(vm: &mut Vm, args: Vec<Value>, _: Kwargs) -> PyResult {
    check_closed(vm)?;
    let cb = arg(vm, &args, 1, "call_soon")?;
    let h = call_soon(vm, cb, args[2..].to_vec(), HandleKind::Call);
    Ok(Value::Obj(h))
}
fn l_call_later(vm: &mut Vm, args: Vec<Value>, _: Kwargs) -> PyResult {
    check_closed(vm)?;
    let delay = { let a_ = arg(vm, &args, 1, "call_later")?; as_f64(vm, &a_) }?;
    let cb = arg(vm, &args, 2, "call_later")?;
    let when = vm.rt.now + delay;
    Ok(Value::Obj(call_at(vm, when, cb, args[3..].to_vec())))
}
fn l_call_at(vm: &mut Vm, args: Vec<Value>, _: Kwargs) -> PyResult {
    check_closed(vm)?;
    let when = { let a_ = arg(vm, &args, 1, "call_at")?; as_f64(vm, &a_) }?;
    let cb = arg(vm, &args, 2, "call_at")?;
    Ok(Value::Obj(call_at(vm, when, cb, args[3..].to_vec())))
}
fn l_time(vm: &mut Vm, _: Vec<Value>, _: Kwargs) -> PyResult {
    Ok(Value::Float(vm.rt.now))
}
fn l_create_future(vm: &mut Vm, _: Vec<Value>, _: Kwargs) -> PyResult {
    new_future_value(vm)
}
fn l_create_task(vm: &mut Vm, args: Vec<Value>, kwargs: Kwargs) -> PyResult {
    check_closed(vm)?;
    let coro = arg(vm, &args, 1, "create_task")?;
    let t = create_task(vm, coro, kwarg(&kwargs, "name"))?;
    Ok(Value::Obj(t))
}
fn l_stop(vm: &mut Vm, _: Vec<Value>, _: Kwargs) -> PyResult {
    vm.rt.stopping = true;
    Ok(Value::None)
}
fn l_is_running(vm: &mut Vm, _: Vec<Value>, _: Kwargs) -> PyResult {
    Ok(Value::Bool(vm.rt.running))
}
fn l_is_closed(vm: &mut Vm, _: Vec<Value>, _: Kwargs) -> PyResult {
    Ok(Value::Bool(vm.rt.closed))
}
fn l_close(vm: &mut Vm, _: Vec<Value>, _: Kwargs) -> PyResult {
    if vm.rt.running {
        return vm.err("RuntimeError", "Cannot close a running event loop");
    }
    if vm.rt.closed {
        return Ok(Value::None);
    }
    vm.rt.closed = true;
    vm.rt.ready.clear();
    vm.rt.timers.clear();
    Ok(Value::None)
}
/// `run_forever` (used by run_until_complete in the prelude): hands control to the machine.
fn l_run_forever(vm: &mut Vm, _: Vec<Value>, _: Kwargs) -> PyResult {
    check_closed(vm)?;
    if vm.rt.running {
        return vm.err("RuntimeError", "This event loop is already running");
    }
    vm.control = Some(crate::vm::Control::RunLoop { until: None });
    Ok(Value::None)
}
fn l_set_exception_handler(vm: &mut Vm, args: Vec<Value>, _: Kwargs) -> PyResult {
    vm.rt.exception_handler = args.get(1).filter(|h| !h.is_none()).cloned();
    Ok(Value::None)
}
fn l_get_exception_handler(vm: &mut Vm, _: Vec<Value>, _: Kwargs) -> PyResult {
    Ok(vm.rt.exception_handler.clone().unwrap_or(Value::None))
}
/// The traceback text `logging` writes for `exc_info` (the default exception handler's).
fn l_format_exception(vm: &mut Vm, args: Vec<Value>, _: Kwargs) -> PyResult {
    let exc = args.get(1).cloned().unwrap_or(Value::None);
    Ok(Value::str(&crate::tracebacks::format_traceback(vm, &exc)))
}
fn l_noop(_vm: &mut Vm, _: Vec<Value>, _: Kwargs) -> PyResult {
    Ok(Value::None)
}
fn l_get_debug(_vm: &mut Vm, _: Vec<Value>, _: Kwargs) -> PyResult {
    Ok(Value::Bool(false))
}
fn l_run_in_executor(vm: &mut Vm, args: Vec<Value>, _: Kwargs) -> PyResult {
    // A job in the thread pool: it runs while the loop's thread waits (select, time.sleep), its
    // own time.sleep() blocks only itself, and its result reaches the loop through a callback.
    check_closed(vm)?;
    let func = arg(vm, &args, 2, "run_in_executor")?;
    let fargs = args[3..].to_vec();
    let future = new_future(vm);
    fut_data(&future).borrow_mut().label = Some(Rc::from("executor job"));
    let (target, mut call_args) = match &func {
        Value::Obj(o) => match &**o {
            Obj::BoundMethod { receiver, func } => (func.clone(), vec![receiver.clone()]),
            _ => (func.clone(), vec![]),
        },
        _ => (func.clone(), vec![]),
    };
    call_args.extend(fargs);
    let mut thread = None;
    let mut native = None;
    match &target {
        Value::Obj(o) if matches!(&**o, Obj::Function(f) if !f.code.is_generator && !f.code.is_coroutine) => {
            let Obj::Function(f) = &**o else { unreachable!() };
            let fast = vm.bind_args(f, call_args, vec![])?;
            let frame = vm.make_frame(f, fast, crate::vm::Mode::Top);
            thread = Some(crate::vm::Thread { frames: vec![frame], pending_throw: None });
        }
        _ => native = Some((target, call_args)),
    }
    let now = vm.rt.now;
    vm.rt.jobs.push(Job { future: future.clone(), thread, native, wake_at: now, pending_result: None, waiting_http: None, started: now });
    Ok(Value::Obj(future))
}

/// Completes a job's future from the loop's thread (CPython: call_soon_threadsafe).
pub fn finish_job(vm: &mut Vm, job: &Job, result: Result<Value, Value>) {
    crate::recorder::executor_job(vm, &job.future, job.started, vm.rt.now);
    let (cb, v) = match result {
        Ok(v) => (builtin("_executor_done", executor_set_result), v),
        Err(e) => (builtin("_executor_fail", executor_set_exception), e),
    };
    call_soon(vm, cb, vec![Value::Obj(job.future.clone()), v], HandleKind::Call);
}

fn executor_set_result(vm: &mut Vm, args: Vec<Value>, _: Kwargs) -> PyResult {
    if let Value::Obj(f) = &args[0] {
        if fut_data(f).borrow().state == FutState::Pending {
            set_result(vm, f, args[1].clone())?;
        }
    }
    Ok(Value::None)
}
fn executor_set_exception(vm: &mut Vm, args: Vec<Value>, _: Kwargs) -> PyResult {
    if let Value::Obj(f) = &args[0] {
        if fut_data(f).borrow().state == FutState::Pending {
            set_exception(vm, f, args[1].clone())?;
        }
    }
    Ok(Value::None)
}

// module functions

/// asyncio.get_event_loop() as in 3.12: the running loop, else the policy's current loop; with
/// none set yet it makes one and warns (DeprecationWarning, shown at the program's line); after
/// set_event_loop(None) (as asyncio.run ends) there is none.
fn m_get_event_loop(vm: &mut Vm, _: Vec<Value>, _: Kwargs) -> PyResult {
    if vm.rt.running || vm.rt.current_loop {
        return Ok(get_loop_value(vm));
    }
    if vm.rt.set_event_loop_called {
        return vm.err("RuntimeError", "There is no current event loop in thread 'MainThread'.");
    }
    let line = vm.user_line;
    vm.warn_at(line, "DeprecationWarning", "There is no current event loop");
    vm.rt.current_loop = true;
    Ok(get_loop_value(vm))
}
fn m_new_event_loop(vm: &mut Vm, _: Vec<Value>, _: Kwargs) -> PyResult {
    // One loop runs at a time in Awaitlab: a new loop starts with fresh queues.
    vm.rt.closed = false;
    vm.rt.stopping = false;
    vm.rt.ready.clear();
    vm.rt.timers.clear();
    let l = Value::obj(Obj::Native(NativeObj::Loop));
    vm.rt.loop_value = Some(l.clone());
    Ok(l)
}
fn m_get_running_loop(vm: &mut Vm, _: Vec<Value>, _: Kwargs) -> PyResult {
    if !vm.rt.running {
        return vm.err("RuntimeError", "no running event loop");
    }
    Ok(get_loop_value(vm))
}
fn m_running_loop_or_none(vm: &mut Vm, _: Vec<Value>, _: Kwargs) -> PyResult {
    if !vm.rt.running {
        return Ok(Value::None);
    }
    Ok(get_loop_value(vm))
}
fn m_current_task(vm: &mut Vm, _: Vec<Value>, _: Kwargs) -> PyResult {
    if !vm.rt.running {
        return vm.err("RuntimeError", "no running event loop");
    }
    Ok(vm.rt.current_task.clone().map(Value::Obj).unwrap_or(Value::None))
}
fn m_all_tasks(vm: &mut Vm, _: Vec<Value>, _: Kwargs) -> PyResult {
    let mut m = crate::pyset::PySet::new();
    let tasks: Vec<Rc<Obj>> = vm.rt.tasks.iter().filter_map(|w| w.upgrade()).collect();
    for t in tasks {
        if fut_data(&t).borrow().state == FutState::Pending {
            let k = vm.key(Value::Obj(t))?;
            m.add(k);
        }
    }
    Ok(Value::obj(Obj::Set(RefCell::new(m))))
}
fn m_iscoroutine(_vm: &mut Vm, args: Vec<Value>, _: Kwargs) -> PyResult {
    Ok(Value::Bool(matches!(args.first(), Some(Value::Obj(o)) if matches!(&**o, Obj::Gen(g) if g.kind == GenKind::Coroutine))))
}
fn m_iscoroutinefunction(_vm: &mut Vm, args: Vec<Value>, _: Kwargs) -> PyResult {
    let f = match args.first() {
        Some(Value::Obj(o)) => match &**o {
            Obj::BoundMethod { func, .. } => func.clone(),
            _ => args[0].clone(),
        },
        _ => return Ok(Value::Bool(false)),
    };
    Ok(Value::Bool(matches!(&f, Value::Obj(o) if matches!(&**o, Obj::Function(fun) if fun.code.is_coroutine && !fun.code.is_generator))))
}
fn m_isfuture(_vm: &mut Vm, args: Vec<Value>, _: Kwargs) -> PyResult {
    Ok(Value::Bool(args.first().is_some_and(is_future)))
}
fn m_sleep0(_vm: &mut Vm, _: Vec<Value>, _: Kwargs) -> PyResult {
    Ok(Value::obj(Obj::Native(NativeObj::Sleep0)))
}
fn m_new_gathering_future(vm: &mut Vm, args: Vec<Value>, _: Kwargs) -> PyResult {
    let f = new_future(vm);
    fut_data(&f).borrow_mut().gather_children = Some(crate::vm::tuple_items(&args[0]));
    Ok(Value::Obj(f))
}
fn m_set_running(vm: &mut Vm, args: Vec<Value>, _: Kwargs) -> PyResult {
    vm.rt.loop_set = matches!(args.first(), Some(Value::Bool(true)));
    Ok(Value::None)
}
fn m_set_event_loop(vm: &mut Vm, args: Vec<Value>, _: Kwargs) -> PyResult {
    vm.rt.set_event_loop_called = true;
    match args.first() {
        Some(l @ Value::Obj(_)) => {
            vm.rt.loop_value = Some(l.clone());
            vm.rt.current_loop = true;
        }
        _ => vm.rt.current_loop = false,
    }
    Ok(Value::None)
}
/// A future done once no executor job is running (what shutdown_default_executor waits for).
fn m_executor_idle(vm: &mut Vm, _: Vec<Value>, _: Kwargs) -> PyResult {
    let f = new_future(vm);
    fut_data(&f).borrow_mut().label = Some(Rc::from("executor shutdown"));
    if vm.rt.jobs.is_empty() {
        set_result(vm, &f, Value::None)?;
    } else {
        vm.rt.executor_idle_waiters.push(f.clone());
    }
    Ok(Value::Obj(f))
}

fn m_loop_stopping(vm: &mut Vm, _: Vec<Value>, _: Kwargs) -> PyResult {
    Ok(Value::Bool(vm.rt.stopping))
}

/// Native names the Python prelude builds asyncio from.
pub fn native_functions() -> Vec<(&'static str, NativeFn)> {
    vec![
        ("get_event_loop", m_get_event_loop),
        ("new_event_loop", m_new_event_loop),
        ("set_event_loop", m_set_event_loop),
        ("get_running_loop", m_get_running_loop),
        ("_get_running_loop", m_running_loop_or_none),
        ("current_task", m_current_task),
        ("all_tasks", m_all_tasks),
        ("iscoroutine", m_iscoroutine),
        ("iscoroutinefunction", m_iscoroutinefunction),
        ("isfuture", m_isfuture),
        ("_sleep0", m_sleep0),
        ("_new_gathering_future", m_new_gathering_future),
        ("_set_running", m_set_running),
        ("_loop_stopping", m_loop_stopping),
        ("_executor_idle", m_executor_idle),
    ]
}

pub fn register_classes(vm: &mut Vm) {
    let t = &vm.t;
    for class in [&t.future, &t.task] {
        for (n, f) in [
            ("result", f_result as NativeFn),
            ("exception", f_exception),
            ("done", f_done),
            ("cancelled", f_cancelled),
            ("cancel", f_cancel),
            ("add_done_callback", f_add_done_callback),
            ("remove_done_callback", f_remove_done_callback),
            ("get_loop", f_get_loop),
            ("_make_cancelled_error", f_make_cancelled_error),
            ("__repr__", f_repr),
            ("_set_label", f_set_label),
        ] {
            set_method(class, n, f);
        }
    }
    set_method(&t.future, "set_result", f_set_result);
    set_method(&t.future, "set_exception", f_set_exception);
    for (n, f) in [
        ("get_name", t_get_name as NativeFn),
        ("set_name", t_set_name),
        ("get_coro", t_get_coro),
        ("cancelling", t_cancelling),
        ("uncancel", t_uncancel),
    ] {
        set_method(&t.task, n, f);
    }
    for class in [&t.handle, &t.timer_handle] {
        set_method(class, "cancel", h_cancel);
        set_method(class, "cancelled", h_cancelled);
    }
    set_method(&t.timer_handle, "when", h_when);
    for (n, f) in [
        ("call_soon", l_call_soon as NativeFn),
        ("call_soon_threadsafe", l_call_soon),
        ("call_later", l_call_later),
        ("call_at", l_call_at),
        ("time", l_time),
        ("create_future", l_create_future),
        ("create_task", l_create_task),
        ("stop", l_stop),
        ("is_running", l_is_running),
        ("is_closed", l_is_closed),
        ("close", l_close),
        ("_run_forever_native", l_run_forever),
        ("get_debug", l_get_debug),
        ("set_debug", l_noop),
        ("add_signal_handler", l_noop),
        ("remove_signal_handler", l_noop),
        ("_set_exception_handler_native", l_set_exception_handler),
        ("get_exception_handler", l_get_exception_handler),
        ("_format_exception", l_format_exception),
        ("run_in_executor", l_run_in_executor),
    ] {
        set_method(&t.event_loop, n, f);
    }
}
