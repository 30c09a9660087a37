//! Future, native as in CPython's `_asyncio`: results, exceptions, cancellation, done
//! callbacks, and the attributes Python code reads.

use crate::event_loop::scheduler::call_soon_in;
use crate::types::native::{FutureData, FutureState, HandleKind, NativeObj};
use crate::types::value::{Obj, Value};
use crate::vm::{PyResult, Vm};
use std::cell::RefCell;
use std::rc::Rc;

pub fn future_data(o: &Rc<Obj>) -> &RefCell<FutureData> {
    match &**o {
        Obj::Native(NativeObj::Future(f)) => f,
        _ => panic!("not a future"),
    }
}

pub fn is_future(v: &Value) -> bool {
    matches!(v, Value::Obj(o) if matches!(&**o, Obj::Native(NativeObj::Future(_))))
}

pub(crate) fn new_future_data(vm: &mut Vm) -> FutureData {
    FutureData {
        id: vm.new_id(),
        state: FutureState::Pending,
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
    let d = future_data(fut).borrow();
    if let Some(e) = &d.cancelled_exc {
        return e.clone();
    }
    let msg = d.cancel_message.clone();
    drop(d);
    let c = vm.types.exc("CancelledError");
    crate::types::exceptions::instantiate(&c, if msg.is_none() { vec![] } else { vec![msg] })
}

/// `fut.result()`.
pub fn future_result(vm: &mut Vm, fut: &Rc<Obj>) -> PyResult {
    let state = future_data(fut).borrow().state;
    match state {
        FutureState::Cancelled => Err(make_cancelled_error(vm, fut)),
        FutureState::Pending => vm.err("InvalidStateError", "Result is not set."),
        FutureState::Finished => {
            let mut d = future_data(fut).borrow_mut();
            d.log_traceback = false;
            match &d.exception {
                Some(e) => Err(e.clone()),
                None => Ok(d.result.clone()),
            }
        }
    }
}

fn schedule_callbacks(vm: &mut Vm, fut: &Rc<Obj>) {
    let callbacks = std::mem::take(&mut future_data(fut).borrow_mut().callbacks);
    for (cb, context) in callbacks {
        call_soon_in(vm, cb, vec![Value::Obj(fut.clone())], HandleKind::Call, context);
    }
}

pub fn set_result(vm: &mut Vm, fut: &Rc<Obj>, v: Value) -> PyResult<()> {
    {
        let mut d = future_data(fut).borrow_mut();
        if d.state != FutureState::Pending {
            drop(d);
            // The C accelerator's wording (the pure-Python Future's differs).
            return vm.err("InvalidStateError", "invalid state");
        }
        d.result = v;
        d.state = FutureState::Finished;
    }
    crate::event_loop::recorder::future_done(vm, fut);
    schedule_callbacks(vm, fut);
    Ok(())
}

pub fn set_exception(vm: &mut Vm, fut: &Rc<Obj>, exc: Value) -> PyResult<()> {
    let exc = match &exc {
        Value::Obj(o) if matches!(&**o, Obj::Class(_)) => vm.call(exc.clone(), vec![], vec![])?,
        _ => exc,
    };
    if crate::types::exceptions::is_instance_of(&exc, &vm.types.exc("StopIteration")) {
        return vm.type_error("StopIteration interacts badly with generators and cannot be raised into a Future");
    }
    {
        let mut d = future_data(fut).borrow_mut();
        if d.state != FutureState::Pending {
            drop(d);
            return vm.err("InvalidStateError", "invalid state");
        }
        d.exception = Some(exc);
        d.state = FutureState::Finished;
        d.log_traceback = true;
    }
    crate::event_loop::recorder::future_done(vm, fut);
    schedule_callbacks(vm, fut);
    Ok(())
}

/// `Future.cancel()` (not Task.cancel).
pub fn future_cancel(vm: &mut Vm, fut: &Rc<Obj>, msg: Value) -> bool {
    {
        let mut d = future_data(fut).borrow_mut();
        d.log_traceback = false;
        if d.state != FutureState::Pending {
            return false;
        }
        d.state = FutureState::Cancelled;
        d.cancel_message = msg;
    }
    crate::event_loop::recorder::future_done(vm, fut);
    schedule_callbacks(vm, fut);
    true
}

pub(crate) fn state_name(s: FutureState) -> &'static str {
    match s {
        FutureState::Pending => "PENDING",
        FutureState::Cancelled => "CANCELLED",
        FutureState::Finished => "FINISHED",
    }
}

pub fn add_done_callback(vm: &mut Vm, fut: &Rc<Obj>, cb: Value) {
    add_done_callback_in(vm, fut, cb, Value::None)
}

/// A done-callback that runs in `context` (`contextvars`; see `context.rs`).
pub fn add_done_callback_in(vm: &mut Vm, fut: &Rc<Obj>, cb: Value, context: Value) {
    let done = future_data(fut).borrow().state != FutureState::Pending;
    if done {
        call_soon_in(vm, cb, vec![Value::Obj(fut.clone())], HandleKind::Call, context);
    } else {
        let callbacks = &mut future_data(fut).borrow_mut().callbacks;
        // Most futures get one callback (the task that awaits it): room for one, not Vec's
        // first four (10,000 gathered tasks: 2.9 MB less).
        if callbacks.capacity() == 0 {
            callbacks.reserve_exact(1);
        }
        callbacks.push((cb, context));
    }
}

pub fn future_attr(vm: &mut Vm, o: &Rc<Obj>, name: &str) -> PyResult<Option<Value>> {
    let d = future_data(o).borrow();
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
    let mut d = future_data(o).borrow_mut();
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
    if let Some(l) = &vm.event_loop.loop_value {
        return l.clone();
    }
    let l = Value::obj(Obj::Native(NativeObj::Loop));
    vm.event_loop.loop_value = Some(l.clone());
    vm.event_loop.exception_handler = None;
    l
}
