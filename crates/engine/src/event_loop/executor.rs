//! Threads: the default executor's jobs (`run_in_executor`, `to_thread`) and the program's own
//! (`threading.Thread`, through `_thread.start_new_thread`). They run when the main thread
//! waits (`time.sleep`, the loop's select), each until it finishes or waits itself; a job's
//! result reaches the loop as `call_soon_threadsafe` would deliver it.

use crate::event_loop::future::{future_data, set_exception, set_result};
use crate::event_loop::scheduler::call_soon;
use crate::types::args::Kwargs;
use crate::types::class::builtin;
use crate::types::native::FutureState;
use crate::types::native::HandleKind;
use crate::types::value::{Obj, Value};
use crate::vm::{Control, Outcome, PyResult, Vm};
use std::rc::Rc;

/// `threading.get_ident()` in the main thread (the others' are above it): an address-like number,
/// as CPython's are.
pub const MAIN_THREAD_IDENT: u64 = 1 << 40;

/// A thread other than the main one: it runs while the main thread waits.
pub struct Job {
    /// The asyncio future a default executor's job delivers its result to (none for a thread
    /// the program started: its Python half keeps its outcome).
    pub future: Option<Rc<Obj>>,
    /// `threading.get_ident()` in it.
    pub ident: u64,
    /// A default executor's job: its worker's number (`asyncio_0`...).
    pub worker: Option<usize>,
    /// What to run: a Python function's frames, or a native callable called when the job starts.
    pub thread: Option<crate::vm::Thread>,
    pub native: Option<(Value, Vec<Value>, Kwargs)>,
    /// Program time the job can run again (after its own time.sleep).
    pub wake_at: f64,
    /// The result of a native call that then slept (time.sleep itself), delivered on waking.
    pub pending_result: Option<Result<Value, Value>>,
    /// A blocking HTTP request (requests.get in the pool) the job waits for.
    pub waiting_http: Option<u64>,
    pub started: f64,
    /// Its thread's `contextvars` context (None: a fresh one when its code first uses one).
    pub context: Value,
}

/// Completes a job's future from the loop's thread (CPython: call_soon_threadsafe).
pub fn finish_job(vm: &mut Vm, job: &Job, result: Result<Value, Value>) {
    let Some(future) = &job.future else {
        // A program's thread: `threading`'s bootstrap reports what it raised.
        return;
    };
    crate::event_loop::recorder::executor_job(vm, future, job.started, vm.event_loop.now);
    // Named as CPython's callback for the same moment (futures.py), which the loop inspector shows.
    let (cb, v) = match result {
        Ok(v) => (builtin("_chain_future.<locals>._set_state", executor_set_result), v),
        Err(e) => (builtin("_chain_future.<locals>._set_state", executor_set_exception), e),
    };
    call_soon(vm, cb, vec![Value::Obj(future.clone()), v], HandleKind::Call);
}

/// A new thread that calls `func(*args, **kwargs)`: a Python function runs as frames of its
/// own; anything else is called when the thread first runs. It starts at once (as a pool with
/// a free worker does) and runs when the main thread next waits.
#[allow(clippy::too_many_arguments)]
pub fn start_thread(
    vm: &mut Vm,
    func: &Value,
    args: Vec<Value>,
    kwargs: Kwargs,
    future: Option<Rc<Obj>>,
    worker: Option<usize>,
    context: Value,
) -> PyResult<u64> {
    let (target, mut call_args) = match func {
        Value::Obj(o) => match &**o {
            Obj::BoundMethod { receiver, func } => (func.clone(), vec![receiver.clone()]),
            _ => (func.clone(), vec![]),
        },
        _ => (func.clone(), vec![]),
    };
    call_args.extend(args);
    let mut thread = None;
    let mut native = None;
    match &target {
        Value::Obj(o) if matches!(&**o, Obj::Function(f) if !f.code.is_generator && !f.code.is_coroutine) => {
            let Obj::Function(f) = &**o else { unreachable!() };
            let fast = vm.bind_args(f, call_args, kwargs)?;
            let frame = vm.make_frame(f, fast, crate::vm::Mode::Top);
            thread = Some(crate::vm::Thread { frames: vec![frame], pending_throw: None });
        }
        _ => native = Some((target, call_args, kwargs)),
    }
    let now = vm.event_loop.now;
    let ident = MAIN_THREAD_IDENT + vm.new_id();
    vm.event_loop.jobs.push(Job {
        future,
        ident,
        worker,
        thread,
        native,
        wake_at: now,
        pending_result: None,
        waiting_http: None,
        started: now,
        context,
    });
    Ok(ident)
}

/// The number of the default executor's worker a new job runs in: the lowest not busy (CPython
/// starts a new worker only when none is idle, and names it by their count).
pub fn free_worker(vm: &Vm) -> usize {
    (0..).find(|n| !vm.event_loop.jobs.iter().any(|j| j.worker == Some(*n))).unwrap_or(0)
}

/// The pool has shut down: `future` (shutdown_default_executor's) completes through the loop,
/// as CPython's shutdown thread completes it with `call_soon_threadsafe(future.set_result, None)`.
pub fn pool_shut_down(vm: &mut Vm, future: &Rc<Obj>) {
    call_soon(vm, builtin("Future.set_result", executor_set_result), vec![Value::Obj(future.clone()), Value::None], HandleKind::Call);
}

fn executor_set_result(vm: &mut Vm, args: Vec<Value>, _: Kwargs) -> PyResult {
    if let Value::Obj(f) = &args[0] {
        if future_data(f).borrow().state == FutureState::Pending {
            set_result(vm, f, args[1].clone())?;
        }
    }
    Ok(Value::None)
}

fn executor_set_exception(vm: &mut Vm, args: Vec<Value>, _: Kwargs) -> PyResult {
    if let Value::Obj(f) = &args[0] {
        if future_data(f).borrow().state == FutureState::Pending {
            set_exception(vm, f, args[1].clone())?;
        }
    }
    Ok(Value::None)
}

/// A thread that blocked (its own `time.sleep`, or a blocking request) waits until it may go
/// on. Returns whether it has to wait.
pub fn park_job(job: &mut Job, control: Option<Control>, now: f64) -> bool {
    match control {
        Some(Control::Block { seconds, .. }) => job.wake_at = now + seconds,
        Some(Control::BlockHttp { id, timeout, .. }) => {
            job.wake_at = timeout.map_or(f64::INFINITY, |t| now + t);
            job.waiting_http = Some(id);
        }
        _ => return false,
    }
    true
}

/// Code the engine runs to completion (`list(pool.map(...))`, a native's callback) sleeps until
/// `until`: the other threads take their turns meanwhile, in the order they are due, each
/// until it finishes or waits, as they would while the main thread waits (a pool's result
/// waited for inside `list()` would otherwise never come). Threads waiting for an HTTP answer
/// wait on: answers arrive between the host's slices.
pub fn run_threads_nested(vm: &mut Vm, until: f64) {
    loop {
        let due = vm.event_loop.jobs.iter().enumerate().filter(|(_, j)| j.waiting_http.is_none() && j.wake_at <= until);
        let Some(i) = due.min_by(|a, b| a.1.wake_at.total_cmp(&b.1.wake_at)).map(|(i, _)| i) else { break };
        let mut job = vm.event_loop.jobs.remove(i);
        if job.wake_at > vm.event_loop.now {
            vm.event_loop.now = job.wake_at;
        }
        let now = vm.event_loop.now;
        if let Some(r) = job.pending_result.take() {
            finish_job(vm, &job, r);
            continue;
        }
        let outer_context = std::mem::replace(&mut vm.context, std::mem::replace(&mut job.context, Value::None));
        let outer_job = vm.event_loop.running_job.replace((job.ident, job.worker));
        let outer_task = vm.event_loop.current_task.take();
        // The thread runs as a thread of its own: its sleeps park it, and its frames are not
        // the callers of the waiting thread's (whose parked frames it must not take).
        let outer_depth = std::mem::replace(&mut vm.nested_depth, 0);
        let outer_parked = std::mem::take(&mut vm.parked);
        let outer_stretch = vm.stretch_start;
        vm.stretch_start = vm.instructions;
        let result = if let Some((func, args, kwargs)) = job.native.take() {
            let r = vm.call(func, args, kwargs);
            if park_job(&mut job, vm.control.take(), now) {
                job.pending_result = Some(r);
                None
            } else {
                Some(r)
            }
        } else if let Some(mut thread) = job.thread.take() {
            let mut budget = u64::MAX;
            match vm.execute(&mut thread, &mut budget) {
                Outcome::Returned(v) => Some(Ok(v)),
                Outcome::Raised(e) => Some(Err(e)),
                Outcome::Control => {
                    let control = vm.control.take();
                    park_job(&mut job, control, now);
                    job.thread = Some(thread);
                    None
                }
                Outcome::OutOfBudget => {
                    job.thread = Some(thread);
                    None
                }
                Outcome::Suspended(_) | Outcome::Yielded(_) => {
                    Some(Err(vm.new_exception(&vm.types.exc("RuntimeError"), Some("an executor job cannot await".into()))))
                }
            }
        } else {
            None
        };
        vm.nested_depth = outer_depth;
        vm.parked = outer_parked;
        vm.stretch_start = outer_stretch;
        vm.event_loop.current_task = outer_task;
        vm.event_loop.running_job = outer_job;
        job.context = std::mem::replace(&mut vm.context, outer_context);
        match result {
            Some(r) => finish_job(vm, &job, r),
            None => vm.event_loop.jobs.insert(i.min(vm.event_loop.jobs.len()), job),
        }
        if vm.fatal || vm.stop_requested {
            break;
        }
    }
}
