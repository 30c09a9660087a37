//! The default executor's jobs (`run_in_executor`, `to_thread`): threads of their own that run
//! when the loop's thread waits, their results delivered as `call_soon_threadsafe` would.

use crate::event_loop::future::{future_data, set_exception, set_result};
use crate::event_loop::scheduler::call_soon;
use crate::types::args::Kwargs;
use crate::types::class::builtin;
use crate::types::native::FutureState;
use crate::types::native::HandleKind;
use crate::types::value::{Obj, Value};
use crate::vm::PyResult;
use crate::vm::Vm;
use std::rc::Rc;

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

/// Completes a job's future from the loop's thread (CPython: call_soon_threadsafe).
pub fn finish_job(vm: &mut Vm, job: &Job, result: Result<Value, Value>) {
    crate::event_loop::recorder::executor_job(vm, &job.future, job.started, vm.event_loop.now);
    // Named as CPython's callback for the same moment (futures.py), which the loop inspector shows.
    let (cb, v) = match result {
        Ok(v) => (builtin("_chain_future.<locals>._set_state", executor_set_result), v),
        Err(e) => (builtin("_chain_future.<locals>._set_state", executor_set_exception), e),
    };
    call_soon(vm, cb, vec![Value::Obj(job.future.clone()), v], HandleKind::Call);
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
