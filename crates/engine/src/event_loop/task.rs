//! Task: creation, cancellation, and `Task.__step` ported from CPython's `tasks.py`
//! (`begin_step` before the coroutine runs, `end_step` with what it did).

use crate::event_loop::future::{
    add_done_callback, future_cancel, future_data, future_result, make_cancelled_error, new_future_data, set_exception, set_result,
};
use crate::event_loop::repr::future_repr;
use crate::event_loop::scheduler::call_soon;
use crate::types::native::{FutureState, HandleData, HandleKind, NativeObj, TaskData};
use crate::types::value::{GenKind, GenState, Obj, Value};
use crate::vm::{PyResult, Vm};
use std::cell::{Cell, RefCell};
use std::rc::Rc;

/// More unfinished tasks than this is an error: a runaway program, not a lesson.
pub const MAX_LIVE_TASKS: usize = 100_000;

/// A task for `coro`, its steps run in `context` (`contextvars`: None, a copy of the running code's).
pub fn create_task(vm: &mut Vm, coro: Value, name: Option<Value>, context: Option<Value>) -> PyResult<Rc<Obj>> {
    if vm.event_loop.live_tasks >= MAX_LIVE_TASKS {
        return vm.err("RuntimeError", format!("too many tasks: Awaitlab allows {MAX_LIVE_TASKS} unfinished tasks at once"));
    }
    let is_coro = matches!(&coro, Value::Obj(o) if matches!(&**o, Obj::Gen(g) if g.kind == GenKind::Coroutine));
    if !is_coro {
        let r = vm.repr(&coro)?;
        return vm.type_error(format!("a coroutine was expected, got {r}"));
    }
    vm.event_loop.task_counter += 1;
    let name: Rc<str> = match name {
        Some(Value::None) | None => Rc::from(format!("Task-{}", vm.event_loop.task_counter)),
        Some(v) => vm.str_of(&v)?,
    };
    if let Value::Obj(o) = &coro {
        if let Obj::Gen(g) = &**o {
            g.awaited.set(true);
        }
    }
    let context = crate::event_loop::context::given_or_copied(vm, context)?;
    let mut d = new_future_data(vm);
    d.task = Some(Box::new(TaskData {
        coro,
        thread: None,
        name,
        must_cancel: false,
        fut_waiter: None,
        num_cancels_requested: 0,
        started: false,
        context,
    }));
    let task = Rc::new(Obj::Native(NativeObj::Future(RefCell::new(d))));
    if vm.event_loop.tasks.len() > 4096 && vm.event_loop.tasks.len().is_power_of_two() {
        vm.event_loop.tasks.retain(|w| w.upgrade().is_some_and(|t| future_data(&t).borrow().state == FutureState::Pending));
    }
    vm.event_loop.tasks.push(Rc::downgrade(&task));
    call_soon(vm, Value::Obj(task.clone()), vec![], HandleKind::TaskStep);
    vm.event_loop.live_tasks += 1;
    crate::event_loop::recorder::task_created(vm, &task);
    Ok(task)
}

pub fn task_cancel(vm: &mut Vm, task: &Rc<Obj>, msg: Value) -> bool {
    let waiter = {
        let mut d = future_data(task).borrow_mut();
        d.log_traceback = false;
        if d.state != FutureState::Pending {
            return false;
        }
        let t = d.task.as_mut().unwrap();
        t.num_cancels_requested += 1;
        t.fut_waiter.clone()
    };
    crate::event_loop::recorder::cancel_requested(vm, task);
    if let Some(Value::Obj(w)) = waiter {
        if cancel_any(vm, &w, msg.clone()) {
            return true;
        }
    }
    let mut d = future_data(task).borrow_mut();
    d.task.as_mut().unwrap().must_cancel = true;
    d.cancel_message = msg;
    true
}

/// `fut.cancel(msg)` dispatching on Task / gathering future / plain Future.
pub fn cancel_any(vm: &mut Vm, fut: &Rc<Obj>, msg: Value) -> bool {
    let (is_task, children) = {
        let d = future_data(fut).borrow();
        (d.task.is_some(), d.gather_children.clone())
    };
    if is_task {
        return task_cancel(vm, fut, msg);
    }
    if let Some(children) = children {
        if future_data(fut).borrow().state != FutureState::Pending {
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
            future_data(fut).borrow_mut().cancel_requested = true;
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
        let d = future_data(task).borrow();
        if d.state != FutureState::Pending {
            drop(d);
            return vm.err("InvalidStateError", "_step(): already done");
        }
    }
    let must_cancel = future_data(task).borrow().task.as_ref().unwrap().must_cancel;
    if must_cancel {
        let is_cancel =
            matches!(&input, StepInput::Throw(e) if crate::types::exceptions::is_instance_of(e, &vm.types.exc("CancelledError")));
        if !is_cancel {
            input = StepInput::Throw(make_cancelled_error(vm, task));
        }
        future_data(task).borrow_mut().task.as_mut().unwrap().must_cancel = false;
    }
    let mut d = future_data(task).borrow_mut();
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
        vm.event_loop.live_tasks = vm.event_loop.live_tasks.saturating_sub(1);
    }
    match outcome {
        Outcome::Returned(v) => {
            close_coro(task);
            let must_cancel = future_data(task).borrow().task.as_ref().unwrap().must_cancel;
            if must_cancel {
                future_data(task).borrow_mut().task.as_mut().unwrap().must_cancel = false;
                let msg = future_data(task).borrow().cancel_message.clone();
                future_cancel(vm, task, msg);
            } else {
                set_result(vm, task, v)?;
            }
        }
        Outcome::Raised(exc) => {
            close_coro(task);
            if crate::types::exceptions::is_instance_of(&exc, &vm.types.exc("CancelledError")) {
                future_data(task).borrow_mut().cancelled_exc = Some(exc);
                let msg = future_data(task).borrow().cancel_message.clone();
                future_cancel(vm, task, msg);
            } else if crate::types::exceptions::is_instance_of(&exc, &vm.types.exc("KeyboardInterrupt"))
                || crate::types::exceptions::is_instance_of(&exc, &vm.types.exc("SystemExit"))
            {
                set_exception(vm, task, exc.clone())?;
                return Err(exc);
            } else {
                set_exception(vm, task, exc)?;
            }
        }
        Outcome::Suspended(result) => {
            future_data(task).borrow_mut().task.as_mut().unwrap().thread = Some(thread);
            match &result {
                Value::None => {
                    // Bare yield (sleep(0)): run again on the next loop iteration.
                    crate::event_loop::scheduler::requeue_step(vm, Value::Obj(task.clone()));
                }
                Value::Obj(fo) if matches!(&**fo, Obj::Native(NativeObj::Future(_))) => {
                    if Rc::ptr_eq(fo, task) {
                        let r = future_repr(vm, task)?;
                        let c = vm.types.exc("RuntimeError");
                        let e = vm.new_exception(&c, Some(format!("Task cannot await on itself: {r}")));
                        call_soon(vm, Value::Obj(task.clone()), vec![e], HandleKind::TaskStep);
                        return Ok(());
                    }
                    future_data(fo).borrow_mut().blocking = false;
                    let wakeup = Value::obj(Obj::Native(NativeObj::Handle(HandleData {
                        callback: Value::Obj(task.clone()),
                        args: vec![],
                        cancelled: Cell::new(false),
                        when: None,
                        id: 0,
                        kind: HandleKind::TaskWakeup,
                        context: Value::None,
                    })));
                    add_done_callback(vm, fo, wakeup);
                    let must_cancel = {
                        let mut d = future_data(task).borrow_mut();
                        let t = d.task.as_mut().unwrap();
                        t.fut_waiter = Some(result.clone());
                        t.must_cancel
                    };
                    crate::event_loop::recorder::task_waits(vm, task, fo);
                    if must_cancel {
                        let msg = future_data(task).borrow().cancel_message.clone();
                        if cancel_any(vm, fo, msg) {
                            future_data(task).borrow_mut().task.as_mut().unwrap().must_cancel = false;
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
    let d = future_data(task).borrow();
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
