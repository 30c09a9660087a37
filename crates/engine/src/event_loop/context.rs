//! `contextvars` contexts as the loop uses them (CPython's `Task.__init__`, `Handle`,
//! `Future.add_done_callback`, `to_thread`): what is made while contexts are in use takes a copy
//! of the running code's context, or the one given as `context=`, and runs in it. The contexts
//! are Python objects (`lib/contextvars.py`); the engine copies them through the module's
//! `copy_context` and switches `Vm::context` as it runs tasks, callbacks and executor jobs.

use crate::event_loop::future::future_data;
use crate::types::value::{Obj, Value};
use crate::vm::{PyResult, Vm};
use std::rc::Rc;

/// The context for something made now: `given` unless it is None, else a copy of the running
/// code's context, else None (contexts not in use: no program imported `contextvars`).
pub fn given_or_copied(vm: &mut Vm, given: Option<Value>) -> PyResult<Value> {
    match (given, vm.context_copier.clone()) {
        (Some(ctx), _) if !matches!(ctx, Value::None) => Ok(ctx),
        (_, Some(copy)) => vm.call(copy, vec![], vec![]),
        _ => Ok(Value::None),
    }
}

/// A task's context.
pub fn of_task(task: &Rc<Obj>) -> Value {
    future_data(task).borrow().task.as_ref().map_or(Value::None, |t| t.context.clone())
}

/// Enters a task's context for a slice of its step; `leave_task` gives the running code's back
/// and keeps in the task the one its code set (a task made before `contextvars` was imported
/// gets its context when its code first uses one).
pub fn enter_task(vm: &mut Vm, task: &Rc<Obj>) -> Value {
    let context = of_task(task);
    std::mem::replace(&mut vm.context, context)
}

pub fn leave_task(vm: &mut Vm, task: &Rc<Obj>, outer: Value) {
    let inner = std::mem::replace(&mut vm.context, outer);
    if let Some(t) = future_data(task).borrow_mut().task.as_mut() {
        t.context = inner;
    }
}
