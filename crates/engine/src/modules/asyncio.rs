//! The `asyncio` module's native part: the methods of Future, Task, Handle and the event loop,
//! and the module-level functions, as CPython's `_asyncio` accelerator provides them. The
//! rest of asyncio is the port of CPython's Python sources in `lib/asyncio.py`.

use crate::event_loop::future::{
    future_data, get_loop_value, is_future, make_cancelled_error, new_future, new_future_value, set_exception, set_result,
};
use crate::event_loop::scheduler::call_at;
use crate::event_loop::task::{cancel_any, create_task};
use crate::modules::heapq;
use crate::modules::{new_module, run_python, Module};
use crate::types::args::{arg, as_f64, kwarg, Args, Kwargs};
use crate::types::class::{builtin, leaf_builtin, set_leaf_method, set_method};
use crate::types::native::{FutureState, HandleKind, NativeObj};
use crate::types::value::{GenKind, NativeFn, Obj, Value};
use crate::vm::{PyResult, Vm};
use std::cell::RefCell;
use std::rc::Rc;

fn resource(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    crate::event_loop::recorder::resource(vm, &args);
    Ok(Value::None)
}

/// `_n_named(self, class)`: see `recorder::named`.
fn named(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    if let (Some(object), Some(Value::Str(class))) = (args.first(), args.get(1)) {
        crate::event_loop::recorder::named(vm, object, class);
    }
    Ok(Value::None)
}

fn report_shutdown_exception(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let task = args[0].clone();
    let r = vm.repr(&task)?;
    let exc = match &task {
        Value::Obj(o) => crate::event_loop::future::future_data(o).borrow().exception.clone(),
        _ => None,
    };
    let mut text = format!("unhandled exception during asyncio.run() shutdown\ntask: {r}\n");
    if let Some(e) = exc {
        text.push_str(&crate::report::tracebacks::format_traceback(vm, &e));
    }
    vm.write(awaitlab_trace::Stream::Stderr, &text);
    Ok(Value::None)
}

/// `asyncio.run` names its main task (or none, when it returns): a Stop cancels it first.
fn main_task(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    vm.event_loop.main_task = match args.first() {
        Some(Value::Obj(task)) => Some(task.clone()),
        _ => None,
    };
    Ok(Value::None)
}

/// How many times the user asked the program to stop (the runner's `_interrupt_count`).
fn interrupts(vm: &mut Vm, _: Args, _: Kwargs) -> PyResult {
    Ok(Value::Int(vm.event_loop.interrupts as i64))
}

/// Makes the module (see `MODULES`).
pub(super) fn load(vm: &mut Vm, module: &Module) -> PyResult {
    // The ones a step of a busy program calls most, which run no Python (`Builtin::leaf`).
    let leaf = |n: &str| matches!(n, "get_running_loop" | "iscoroutine" | "isfuture" | "_sleep0");
    let mut items: Vec<(&str, Value)> = crate::modules::asyncio::native_functions()
        .into_iter()
        .map(|(n, f)| (n, if leaf(n) { leaf_builtin(n, f) } else { builtin(n, f) }))
        .collect();
    items.push(("_n_resource", leaf_builtin("_n_resource", resource)));
    items.push(("_n_named", builtin("_n_named", named)));
    items.push(("_n_report_shutdown_exception", builtin("_n_report_shutdown_exception", report_shutdown_exception)));
    items.push(("_n_main_task", builtin("_n_main_task", main_task)));
    items.push(("_n_to_thread", builtin("_n_to_thread", to_thread)));
    items.push(("_n_interrupts", builtin("_n_interrupts", interrupts)));
    items.push(("Future", Value::Obj(vm.types.future.clone())));
    items.push(("Task", Value::Obj(vm.types.task.clone())));
    items.push(("Handle", Value::Obj(vm.types.handle.clone())));
    items.push(("TimerHandle", Value::Obj(vm.types.timer_handle.clone())));
    items.push(("AbstractEventLoop", Value::Obj(vm.types.event_loop_class.clone())));
    for n in ["CancelledError", "InvalidStateError", "LimitOverrunError", "IncompleteReadError", "QueueEmpty", "QueueFull"] {
        items.push((n, Value::Obj(vm.types.exc(n))));
    }
    items.push(("_deque", Value::Obj(vm.types.deque.clone())));
    items.push(("_heappush", builtin("heappush", heapq::heappush)));
    items.push(("_heappop", builtin("heappop", heapq::heappop)));
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
        // Named as CPython's methods (its coroutines show as `shutdown_asyncgens()`).
        if let Value::Obj(o) = &f {
            if let Obj::Function(func) = &**o {
                *func.name.borrow_mut() = Rc::from(method);
                func.dict.borrow_mut().insert(Rc::from("__qualname__"), Value::Str(Rc::from(format!("BaseEventLoop.{method}"))));
            }
        }
        if let Obj::Class(c) = &*vm.types.event_loop_class {
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

fn future_result(vm: &mut Vm, args: Vec<Value>, _: Kwargs) -> PyResult {
    let f = this_future(vm, &args)?;
    crate::event_loop::future::future_result(vm, &f)
}

fn future_exception(vm: &mut Vm, args: Vec<Value>, _: Kwargs) -> PyResult {
    let f = this_future(vm, &args)?;
    let state = future_data(&f).borrow().state;
    match state {
        FutureState::Cancelled => Err(make_cancelled_error(vm, &f)),
        FutureState::Pending => vm.err("InvalidStateError", "Exception is not set."),
        FutureState::Finished => {
            let mut d = future_data(&f).borrow_mut();
            d.log_traceback = false;
            Ok(d.exception.clone().unwrap_or(Value::None))
        }
    }
}

fn future_done(vm: &mut Vm, args: Vec<Value>, _: Kwargs) -> PyResult {
    let f = this_future(vm, &args)?;
    let s = future_data(&f).borrow().state;
    Ok(Value::Bool(s != FutureState::Pending))
}

fn future_cancelled(vm: &mut Vm, args: Vec<Value>, _: Kwargs) -> PyResult {
    let f = this_future(vm, &args)?;
    let s = future_data(&f).borrow().state;
    Ok(Value::Bool(s == FutureState::Cancelled))
}

fn future_cancel(vm: &mut Vm, args: Vec<Value>, kwargs: Kwargs) -> PyResult {
    let f = this_future(vm, &args)?;
    let msg = args.get(1).cloned().or_else(|| kwarg(&kwargs, "msg")).unwrap_or(Value::None);
    Ok(Value::Bool(cancel_any(vm, &f, msg)))
}

fn future_set_result(vm: &mut Vm, args: Vec<Value>, _: Kwargs) -> PyResult {
    let f = this_future(vm, &args)?;
    let v = arg(vm, &args, 1, "set_result")?;
    if future_data(&f).borrow().task.is_some() {
        return vm.err("RuntimeError", "Task does not support set_result operation");
    }
    set_result(vm, &f, v)?;
    Ok(Value::None)
}

fn future_set_exception(vm: &mut Vm, args: Vec<Value>, _: Kwargs) -> PyResult {
    let f = this_future(vm, &args)?;
    let v = arg(vm, &args, 1, "set_exception")?;
    if future_data(&f).borrow().task.is_some() {
        return vm.err("RuntimeError", "Task does not support set_exception operation");
    }
    set_exception(vm, &f, v)?;
    Ok(Value::None)
}

fn future_add_done_callback(vm: &mut Vm, args: Vec<Value>, kwargs: Kwargs) -> PyResult {
    let f = this_future(vm, &args)?;
    let cb = arg(vm, &args, 1, "add_done_callback")?;
    let context = crate::event_loop::context::given_or_copied(vm, kwarg(&kwargs, "context"))?;
    crate::event_loop::future::add_done_callback_in(vm, &f, cb, context);
    Ok(Value::None)
}

fn future_remove_done_callback(vm: &mut Vm, args: Vec<Value>, _: Kwargs) -> PyResult {
    let f = this_future(vm, &args)?;
    let cb = arg(vm, &args, 1, "remove_done_callback")?;
    let before = future_data(&f).borrow().callbacks.len();
    let mut kept = vec![];
    for (c, context) in std::mem::take(&mut future_data(&f).borrow_mut().callbacks) {
        if !(c.is(&cb) || vm.eq(&c, &cb)?) {
            kept.push((c, context));
        }
    }
    let removed = before - kept.len();
    future_data(&f).borrow_mut().callbacks = kept;
    Ok(Value::Int(removed as i64))
}

fn future_get_loop(vm: &mut Vm, _args: Vec<Value>, _: Kwargs) -> PyResult {
    Ok(get_loop_value(vm))
}

fn future_make_cancelled_error(vm: &mut Vm, args: Vec<Value>, _: Kwargs) -> PyResult {
    let f = this_future(vm, &args)?;
    Ok(make_cancelled_error(vm, &f))
}

fn future_repr(vm: &mut Vm, args: Vec<Value>, _: Kwargs) -> PyResult {
    let f = this_future(vm, &args)?;
    Ok(Value::str(&crate::event_loop::repr::future_repr(vm, &f)?))
}

fn task_get_name(vm: &mut Vm, args: Vec<Value>, _: Kwargs) -> PyResult {
    let f = this_future(vm, &args)?;
    let n = future_data(&f).borrow().task.as_ref().map(|t| t.name.clone()).unwrap_or_else(|| Rc::from(""));
    Ok(Value::Str(n))
}

fn task_set_name(vm: &mut Vm, args: Vec<Value>, _: Kwargs) -> PyResult {
    let f = this_future(vm, &args)?;
    let v = arg(vm, &args, 1, "set_name")?;
    let n = vm.str_of(&v)?;
    if let Some(t) = future_data(&f).borrow_mut().task.as_mut() {
        t.name = n;
    }
    Ok(Value::None)
}

/// The task's `contextvars` context (made now if the task has none yet: contexts came into use
/// after it was made).
fn task_get_context(vm: &mut Vm, args: Vec<Value>, _: Kwargs) -> PyResult {
    let t = this_future(vm, &args)?;
    let context = crate::event_loop::context::of_task(&t);
    if !matches!(context, Value::None) {
        return Ok(context);
    }
    if vm.context_copier.is_none() {
        vm.import("contextvars")?;
    }
    let made = crate::event_loop::context::given_or_copied(vm, None)?;
    if let Some(task) = future_data(&t).borrow_mut().task.as_mut() {
        task.context = made.clone();
    }
    Ok(made)
}

fn task_get_coro(vm: &mut Vm, args: Vec<Value>, _: Kwargs) -> PyResult {
    let f = this_future(vm, &args)?;
    let c = future_data(&f).borrow().task.as_ref().map(|t| t.coro.clone()).unwrap_or(Value::None);
    Ok(c)
}

fn task_cancelling(vm: &mut Vm, args: Vec<Value>, _: Kwargs) -> PyResult {
    let f = this_future(vm, &args)?;
    let n = future_data(&f).borrow().task.as_ref().map(|t| t.num_cancels_requested).unwrap_or(0);
    Ok(Value::Int(n as i64))
}

fn task_uncancel(vm: &mut Vm, args: Vec<Value>, _: Kwargs) -> PyResult {
    let f = this_future(vm, &args)?;
    let mut d = future_data(&f).borrow_mut();
    let t = d.task.as_mut().unwrap();
    if t.num_cancels_requested > 0 {
        t.num_cancels_requested -= 1;
    }
    Ok(Value::Int(t.num_cancels_requested as i64))
}

fn future_set_label(vm: &mut Vm, args: Vec<Value>, _: Kwargs) -> PyResult {
    let f = this_future(vm, &args)?;
    let label = {
        let a_ = arg(vm, &args, 1, "_set_label")?;
        vm.str_of(&a_)
    }?;
    future_data(&f).borrow_mut().label = Some(label);
    // `_set_label(label, owner)`: the future waits in the line of `owner` (a lock's, a
    // semaphore's, a connector's): the loop inspector shows each waiter's place in it.
    if let Some(Value::Obj(owner)) = args.get(2) {
        crate::event_loop::recorder::queued(vm, &f, owner);
    }
    Ok(Value::None)
}

fn handle_cancel(vm: &mut Vm, args: Vec<Value>, _: Kwargs) -> PyResult {
    if let Some(Value::Obj(o)) = args.first() {
        if let Obj::Native(NativeObj::Handle(h)) = &**o {
            if !h.cancelled.get() {
                h.cancelled.set(true);
                crate::event_loop::recorder::handle_cancelled(vm, o);
            }
        }
    }
    Ok(Value::None)
}

fn handle_cancelled(_vm: &mut Vm, args: Vec<Value>, _: Kwargs) -> PyResult {
    if let Some(Value::Obj(o)) = args.first() {
        if let Obj::Native(NativeObj::Handle(h)) = &**o {
            return Ok(Value::Bool(h.cancelled.get()));
        }
    }
    Ok(Value::Bool(false))
}

fn handle_when(_vm: &mut Vm, args: Vec<Value>, _: Kwargs) -> PyResult {
    if let Some(Value::Obj(o)) = args.first() {
        if let Obj::Native(NativeObj::Handle(h)) = &**o {
            return Ok(h.when.map(Value::Float).unwrap_or(Value::None));
        }
    }
    Ok(Value::None)
}

// loop methods

fn check_closed(vm: &mut Vm) -> PyResult<()> {
    if vm.event_loop.closed {
        return vm.err("RuntimeError", "Event loop is closed");
    }
    Ok(())
}

fn loop_call_soon(vm: &mut Vm, args: Vec<Value>, kwargs: Kwargs) -> PyResult {
    check_closed(vm)?;
    let cb = arg(vm, &args, 1, "call_soon")?;
    let context = crate::event_loop::context::given_or_copied(vm, kwarg(&kwargs, "context"))?;
    let h = crate::event_loop::scheduler::call_soon_in(vm, cb, args[2..].to_vec(), HandleKind::Call, context);
    Ok(Value::Obj(h))
}

fn loop_call_later(vm: &mut Vm, args: Vec<Value>, kwargs: Kwargs) -> PyResult {
    check_closed(vm)?;
    let delay = {
        let a_ = arg(vm, &args, 1, "call_later")?;
        as_f64(vm, &a_)
    }?;
    let cb = arg(vm, &args, 2, "call_later")?;
    let when = vm.event_loop.now + delay;
    let context = crate::event_loop::context::given_or_copied(vm, kwarg(&kwargs, "context"))?;
    Ok(Value::Obj(call_at(vm, when, cb, args[3..].to_vec(), context)))
}

fn loop_call_at(vm: &mut Vm, args: Vec<Value>, kwargs: Kwargs) -> PyResult {
    check_closed(vm)?;
    let when = {
        let a_ = arg(vm, &args, 1, "call_at")?;
        as_f64(vm, &a_)
    }?;
    let cb = arg(vm, &args, 2, "call_at")?;
    let context = crate::event_loop::context::given_or_copied(vm, kwarg(&kwargs, "context"))?;
    Ok(Value::Obj(call_at(vm, when, cb, args[3..].to_vec(), context)))
}

fn loop_time(vm: &mut Vm, _: Vec<Value>, _: Kwargs) -> PyResult {
    Ok(Value::Float(vm.event_loop.now))
}

fn loop_create_future(vm: &mut Vm, _: Vec<Value>, _: Kwargs) -> PyResult {
    new_future_value(vm)
}

fn loop_create_task(vm: &mut Vm, args: Vec<Value>, kwargs: Kwargs) -> PyResult {
    check_closed(vm)?;
    let coro = arg(vm, &args, 1, "create_task")?;
    let t = create_task(vm, coro, kwarg(&kwargs, "name"), kwarg(&kwargs, "context"))?;
    Ok(Value::Obj(t))
}

fn loop_stop(vm: &mut Vm, _: Vec<Value>, _: Kwargs) -> PyResult {
    vm.event_loop.stopping = true;
    Ok(Value::None)
}

fn loop_is_running(vm: &mut Vm, _: Vec<Value>, _: Kwargs) -> PyResult {
    Ok(Value::Bool(vm.event_loop.running))
}

fn loop_is_closed(vm: &mut Vm, _: Vec<Value>, _: Kwargs) -> PyResult {
    Ok(Value::Bool(vm.event_loop.closed))
}

fn loop_close(vm: &mut Vm, _: Vec<Value>, _: Kwargs) -> PyResult {
    if vm.event_loop.running {
        return vm.err("RuntimeError", "Cannot close a running event loop");
    }
    if vm.event_loop.closed {
        return Ok(Value::None);
    }
    vm.event_loop.closed = true;
    crate::event_loop::scheduler::clear(vm);
    Ok(Value::None)
}

/// `run_forever` (used by run_until_complete in lib/asyncio.py): hands control to the machine.
fn loop_run_forever(vm: &mut Vm, _: Vec<Value>, _: Kwargs) -> PyResult {
    check_closed(vm)?;
    if vm.event_loop.running {
        return vm.err("RuntimeError", "This event loop is already running");
    }
    vm.control = Some(crate::vm::Control::RunLoop { until: None });
    Ok(Value::None)
}

fn loop_set_exception_handler(vm: &mut Vm, args: Vec<Value>, _: Kwargs) -> PyResult {
    vm.event_loop.exception_handler = args.get(1).filter(|h| !h.is_none()).cloned();
    Ok(Value::None)
}

fn loop_get_exception_handler(vm: &mut Vm, _: Vec<Value>, _: Kwargs) -> PyResult {
    Ok(vm.event_loop.exception_handler.clone().unwrap_or(Value::None))
}

/// The traceback text `logging` writes for `exc_info` (the default exception handler's).
fn loop_format_exception(vm: &mut Vm, args: Vec<Value>, _: Kwargs) -> PyResult {
    let exc = args.get(1).cloned().unwrap_or(Value::None);
    Ok(Value::str(&crate::report::tracebacks::format_traceback(vm, &exc)))
}

fn loop_noop(_vm: &mut Vm, _: Vec<Value>, _: Kwargs) -> PyResult {
    Ok(Value::None)
}

fn loop_get_debug(_vm: &mut Vm, _: Vec<Value>, _: Kwargs) -> PyResult {
    Ok(Value::Bool(false))
}

fn loop_run_in_executor(vm: &mut Vm, args: Vec<Value>, _: Kwargs) -> PyResult {
    // A pool's worker thread starts with a context of its own (`contextvars`).
    submit_job(vm, args, Value::None)
}

/// `to_thread(func, *args)` (`_n_to_thread(loop, func, *args)`): the default executor's job,
/// run in a copy of the caller's context, as CPython's `ctx.run` partial does.
fn to_thread(vm: &mut Vm, mut args: Vec<Value>, _: Kwargs) -> PyResult {
    let context = crate::event_loop::context::given_or_copied(vm, None)?;
    args.insert(1, Value::None);
    submit_job(vm, args, context)
}

/// `loop.run_in_executor(executor, func, *args)`'s job, run in `context`.
fn submit_job(vm: &mut Vm, args: Vec<Value>, context: Value) -> PyResult {
    // A job in the thread pool: it runs while the loop's thread waits (select, time.sleep), its
    // own time.sleep() blocks only itself, and its result reaches the loop through a callback.
    check_closed(vm)?;
    let func = arg(vm, &args, 2, "run_in_executor")?;
    let fargs = args[3..].to_vec();
    if !matches!(args.get(1), None | Some(Value::None)) {
        // The program's own pool (concurrent.futures): its submit(), its future wrapped.
        let asyncio = vm.import("asyncio")?;
        let with_pool = vm.get_attr(&asyncio, "_run_in_executor_with")?;
        return vm.call(with_pool, args, vec![]);
    }
    let future = new_future(vm);
    future_data(&future).borrow_mut().label = Some(Rc::from("executor job"));
    let worker = crate::event_loop::executor::free_worker(vm);
    crate::event_loop::executor::start_thread(vm, &func, fargs.clone(), vec![], Some(future.clone()), Some(worker), context)?;
    // CPython chains the pool's future to this one (futures._chain_future), whose done-callback
    // would cancel a job not yet started; the engine starts each job at once, as a pool with a
    // free worker does, so it has nothing to cancel, but it takes its turn in the ready queue.
    let check_cancel = crate::types::class::builtin("_chain_future.<locals>._call_check_cancel", |_, _, _| Ok(Value::None));
    crate::event_loop::future::add_done_callback(vm, &future, check_cancel);
    vm.event_loop.default_executor_used = true;
    // In flight from here (a job whose arguments did not bind never was).
    crate::event_loop::recorder::executor_submitted(vm, &future, &func, &fargs);
    Ok(Value::Obj(future))
}

// module functions

/// asyncio.get_event_loop() as in 3.12: the running loop, else the policy's current loop; with
/// none set yet it makes one and warns (DeprecationWarning, shown at the program's line); after
/// set_event_loop(None) (as asyncio.run ends) there is none.
fn get_event_loop(vm: &mut Vm, _: Vec<Value>, _: Kwargs) -> PyResult {
    if vm.event_loop.running || vm.event_loop.current_loop {
        return Ok(get_loop_value(vm));
    }
    if vm.event_loop.set_event_loop_called {
        return vm.err("RuntimeError", "There is no current event loop in thread 'MainThread'.");
    }
    vm.warn("DeprecationWarning", "There is no current event loop")?;
    vm.event_loop.current_loop = true;
    Ok(get_loop_value(vm))
}

fn new_event_loop(vm: &mut Vm, _: Vec<Value>, _: Kwargs) -> PyResult {
    // One loop runs at a time in Awaitlab: a new loop starts with fresh queues.
    vm.event_loop.closed = false;
    vm.event_loop.stopping = false;
    crate::event_loop::scheduler::clear(vm);
    let l = Value::obj(Obj::Native(NativeObj::Loop));
    vm.event_loop.loop_value = Some(l.clone());
    Ok(l)
}

fn get_running_loop(vm: &mut Vm, _: Vec<Value>, _: Kwargs) -> PyResult {
    if !vm.event_loop.running {
        return vm.err("RuntimeError", "no running event loop");
    }
    Ok(get_loop_value(vm))
}

fn running_loop_or_none(vm: &mut Vm, _: Vec<Value>, _: Kwargs) -> PyResult {
    if !vm.event_loop.running {
        return Ok(Value::None);
    }
    Ok(get_loop_value(vm))
}

fn current_task(vm: &mut Vm, _: Vec<Value>, _: Kwargs) -> PyResult {
    if !vm.event_loop.running {
        return vm.err("RuntimeError", "no running event loop");
    }
    Ok(vm.event_loop.current_task.clone().map(Value::Obj).unwrap_or(Value::None))
}

fn all_tasks(vm: &mut Vm, _: Vec<Value>, _: Kwargs) -> PyResult {
    let mut m = crate::types::set_table::PySet::new();
    let tasks: Vec<Rc<Obj>> = vm.event_loop.tasks.iter().filter_map(|w| w.upgrade()).collect();
    for t in tasks {
        if future_data(&t).borrow().state == FutureState::Pending {
            let k = vm.key(Value::Obj(t))?;
            m.add(k);
        }
    }
    Ok(Value::obj(Obj::Set(RefCell::new(m))))
}

fn iscoroutine(_vm: &mut Vm, args: Vec<Value>, _: Kwargs) -> PyResult {
    Ok(Value::Bool(matches!(args.first(), Some(Value::Obj(o)) if matches!(&**o, Obj::Gen(g) if g.kind == GenKind::Coroutine))))
}

fn iscoroutinefunction(_vm: &mut Vm, args: Vec<Value>, _: Kwargs) -> PyResult {
    let f = match args.first() {
        Some(Value::Obj(o)) => match &**o {
            Obj::BoundMethod { func, .. } => func.clone(),
            _ => args[0].clone(),
        },
        _ => return Ok(Value::Bool(false)),
    };
    Ok(Value::Bool(matches!(&f, Value::Obj(o) if matches!(&**o, Obj::Function(fun) if fun.code.is_coroutine && !fun.code.is_generator))))
}

fn isfuture(_vm: &mut Vm, args: Vec<Value>, _: Kwargs) -> PyResult {
    Ok(Value::Bool(args.first().is_some_and(is_future)))
}

fn sleep0(_vm: &mut Vm, _: Vec<Value>, _: Kwargs) -> PyResult {
    Ok(crate::types::native::sleep0_marker())
}

fn new_gathering_future(vm: &mut Vm, args: Vec<Value>, _: Kwargs) -> PyResult {
    let f = new_future(vm);
    let children = crate::vm::tuple_items(&args[0]);
    crate::event_loop::recorder::gathering(vm, &f, &children);
    future_data(&f).borrow_mut().gather_children = Some(children);
    Ok(Value::Obj(f))
}

fn set_running(vm: &mut Vm, args: Vec<Value>, _: Kwargs) -> PyResult {
    vm.event_loop.loop_set = matches!(args.first(), Some(Value::Bool(true)));
    Ok(Value::None)
}

fn set_event_loop(vm: &mut Vm, args: Vec<Value>, _: Kwargs) -> PyResult {
    vm.event_loop.set_event_loop_called = true;
    match args.first() {
        Some(l @ Value::Obj(_)) => {
            vm.event_loop.loop_value = Some(l.clone());
            vm.event_loop.current_loop = true;
        }
        _ => vm.event_loop.current_loop = false,
    }
    Ok(Value::None)
}

/// A future done once no executor job is running (what shutdown_default_executor waits for);
/// None when the loop never used its default executor (CPython's has none to shut down then).
fn executor_idle(vm: &mut Vm, _: Vec<Value>, _: Kwargs) -> PyResult {
    if !vm.event_loop.default_executor_used {
        return Ok(Value::None);
    }
    let f = new_future(vm);
    future_data(&f).borrow_mut().label = Some(Rc::from("executor shutdown"));
    if vm.event_loop.jobs.is_empty() {
        crate::event_loop::executor::pool_shut_down(vm, &f);
    } else {
        vm.event_loop.executor_idle_waiters.push(f.clone());
    }
    Ok(Value::Obj(f))
}

fn loop_stopping(vm: &mut Vm, _: Vec<Value>, _: Kwargs) -> PyResult {
    Ok(Value::Bool(vm.event_loop.stopping))
}

/// Native names lib/asyncio.py builds asyncio from.
pub fn native_functions() -> Vec<(&'static str, NativeFn)> {
    vec![
        ("get_event_loop", get_event_loop),
        ("new_event_loop", new_event_loop),
        ("set_event_loop", set_event_loop),
        ("get_running_loop", get_running_loop),
        ("_get_running_loop", running_loop_or_none),
        ("current_task", current_task),
        ("all_tasks", all_tasks),
        ("iscoroutine", iscoroutine),
        ("iscoroutinefunction", iscoroutinefunction),
        ("isfuture", isfuture),
        ("_sleep0", sleep0),
        ("_new_gathering_future", new_gathering_future),
        ("_set_running", set_running),
        ("_loop_stopping", loop_stopping),
        ("_executor_idle", executor_idle),
    ]
}

pub fn register_classes(vm: &mut Vm) {
    let types = &vm.types;
    for class in [&types.future, &types.task] {
        // Called at every step of asyncio's Python; they run no Python (`Builtin::leaf`).
        for (n, f) in [
            ("result", future_result as NativeFn),
            ("exception", future_exception),
            ("done", future_done),
            ("cancelled", future_cancelled),
            ("_set_label", future_set_label),
        ] {
            set_leaf_method(class, n, f);
        }
        for (n, f) in [
            ("cancel", future_cancel as NativeFn),
            ("add_done_callback", future_add_done_callback),
            ("remove_done_callback", future_remove_done_callback),
            ("get_loop", future_get_loop),
            ("_make_cancelled_error", future_make_cancelled_error),
            ("__repr__", future_repr),
        ] {
            set_method(class, n, f);
        }
    }
    set_leaf_method(&types.future, "set_result", future_set_result);
    set_method(&types.future, "set_exception", future_set_exception);
    for (n, f) in [
        ("get_name", task_get_name as NativeFn),
        ("set_name", task_set_name),
        ("get_coro", task_get_coro),
        ("get_context", task_get_context),
        ("cancelling", task_cancelling),
        ("uncancel", task_uncancel),
    ] {
        set_method(&types.task, n, f);
    }
    for class in [&types.handle, &types.timer_handle] {
        set_method(class, "cancel", handle_cancel);
        set_method(class, "cancelled", handle_cancelled);
    }
    set_method(&types.timer_handle, "when", handle_when);
    for (n, f) in [
        ("call_soon", loop_call_soon as NativeFn),
        ("call_soon_threadsafe", loop_call_soon),
        ("call_later", loop_call_later),
        ("call_at", loop_call_at),
        ("time", loop_time),
        ("create_task", loop_create_task),
        ("stop", loop_stop),
        ("is_running", loop_is_running),
        ("is_closed", loop_is_closed),
        ("close", loop_close),
        ("_run_forever_native", loop_run_forever),
        ("get_debug", loop_get_debug),
        ("set_debug", loop_noop),
        ("add_signal_handler", loop_noop),
        ("remove_signal_handler", loop_noop),
        ("_set_exception_handler_native", loop_set_exception_handler),
        ("get_exception_handler", loop_get_exception_handler),
        ("_format_exception", loop_format_exception),
        ("run_in_executor", loop_run_in_executor),
    ] {
        set_method(&types.event_loop_class, n, f);
    }
    set_leaf_method(&types.event_loop_class, "create_future", loop_create_future);
}
