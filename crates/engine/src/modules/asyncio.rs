//! The `asyncio` module's native part: the methods of Future, Task, Handle and the event loop,
//! and the module-level functions, as CPython's `_asyncio` accelerator provides them. The
//! rest of asyncio is the port of CPython's Python sources in `lib/asyncio.py`.

use crate::event_loop::executor::Job;
use crate::event_loop::future::{add_done_callback, fut_data, future_result, get_loop_value, is_future, make_cancelled_error, new_future, new_future_value, set_exception, set_result};
use crate::event_loop::repr::future_repr;
use crate::event_loop::scheduler::{call_at, call_soon};
use crate::event_loop::task::{cancel_any, create_task};
use crate::modules::heapq::{h_heappop, h_heappush};
use crate::modules::{new_module, run_python, Module};
use crate::types::args::{Args, Kwargs, arg, as_f64, kwarg};
use crate::types::class::{builtin, set_method};
use crate::types::native::{FutState, HandleKind, NativeObj};
use crate::types::value::{GenKind, NativeFn, Obj, Value};
use crate::vm::{PyResult, Vm};
use std::cell::RefCell;
use std::rc::Rc;

fn n_resource(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    crate::event_loop::recorder::resource(vm, &args);
    Ok(Value::None)
}

fn n_report_shutdown_exception(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let task = args[0].clone();
    let r = vm.repr(&task)?;
    let exc = match &task {
        Value::Obj(o) => crate::event_loop::future::fut_data(o).borrow().exception.clone(),
        _ => None,
    };
    let mut text = format!("unhandled exception during asyncio.run() shutdown\ntask: {r}\n");
    if let Some(e) = exc {
        text.push_str(&crate::report::tracebacks::format_traceback(vm, &e));
    }
    vm.write(awaitlab_trace::Stream::Stderr, &text);
    Ok(Value::None)
}

/// Makes the module (see `MODULES`).
pub(super) fn load(vm: &mut Vm, module: &Module) -> PyResult {
    let mut items: Vec<(&str, Value)> = crate::modules::asyncio::native_functions().into_iter().map(|(n, f)| (n, builtin(n, f))).collect();
    items.push(("_n_resource", builtin("_n_resource", n_resource)));
    items.push(("_n_report_shutdown_exception", builtin("_n_report_shutdown_exception", n_report_shutdown_exception)));
    items.push(("Future", Value::Obj(vm.t.future.clone())));
    items.push(("Task", Value::Obj(vm.t.task.clone())));
    items.push(("Handle", Value::Obj(vm.t.handle.clone())));
    items.push(("TimerHandle", Value::Obj(vm.t.timer_handle.clone())));
    items.push(("AbstractEventLoop", Value::Obj(vm.t.event_loop.clone())));
    for n in ["CancelledError", "InvalidStateError", "LimitOverrunError", "IncompleteReadError", "QueueEmpty", "QueueFull"] {
        items.push((n, Value::Obj(vm.t.exc(n))));
    }
    items.push(("_deque", Value::Obj(vm.t.deque.clone())));
    items.push(("_heappush", builtin("heappush", h_heappush)));
    items.push(("_heappop", builtin("heappop", h_heappop)));
    let (m, ns) = new_module("asyncio", items);
    // The module is visible while its Python part runs (as CPython's partially-initialized modules are).
    vm.modules.insert(Rc::from("asyncio"), m.clone());
    run_python(vm, module, &ns)?;
    // Loop methods written in Python.
    for (py, method) in [
        ("_loop_run_until_complete", "run_until_complete"),
        ("_loop_run_forever", "run_forever"),
        ("_loop_shutdown_asyncgens", "shutdown_asyncgens"),
        ("_loop_shutdown_default_executor", "shutdown_default_executor"),
        ("_loop_set_exception_handler", "set_exception_handler"),
        ("_loop_default_exception_handler", "default_exception_handler"),
        ("_loop_call_exception_handler", "call_exception_handler"),
        ("_loop_handle_callback_error", "_handle_callback_error"),
    ] {
        let f = ns.borrow().get(py).cloned().unwrap();
        if let Obj::Class(c) = &*vm.t.event_loop {
            c.dict.borrow_mut().insert(Rc::from(method), f);
        }
        crate::types::code::bump_class_epoch();
    }
    // Submodule-style aliases used by tutorials.
    ns.borrow_mut().insert(Rc::from("exceptions"), m.clone());
    ns.borrow_mut().insert(Rc::from("tasks"), m.clone());
    ns.borrow_mut().insert(Rc::from("events"), m.clone());
    ns.borrow_mut().insert(Rc::from("futures"), m.clone());
    Ok(m)
}

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
                crate::event_loop::recorder::timer_cancelled(vm, o);
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

/// `run_forever` (used by run_until_complete in lib/asyncio.py): hands control to the machine.
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
    Ok(Value::str(&crate::report::tracebacks::format_traceback(vm, &exc)))
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
    let mut m = crate::types::set_table::PySet::new();
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

/// Native names lib/asyncio.py builds asyncio from.
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
