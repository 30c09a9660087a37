//! `_thread`: the natives under `lib/threading.py`: starting a thread (an executor job of the
//! engine's, `event_loop/executor.rs`) and telling the running thread. Its locks are Python
//! (`lib/_thread.py`): a waiting thread sleeps in short steps, which lets the others run.

use crate::event_loop::executor::{start_thread, MAIN_THREAD_IDENT};
use crate::modules::{funcs, new_module, run_python, Module};
use crate::types::args::{Args, Kwargs};
use crate::types::value::{Obj, Value};
use crate::vm::{PyResult, Vm};

/// `start_new_thread(function, args, kwargs={})`: the new thread's ident.
fn start_new_thread(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let mut args = args.into_iter();
    let (Some(func), Some(targs)) = (args.next(), args.next()) else {
        return vm.type_error("start_new_thread expected at least 2 arguments");
    };
    let positional = match &targs {
        Value::Obj(o) => match &**o {
            Obj::Tuple(items) => items.to_vec(),
            _ => return vm.type_error("2nd arg must be a tuple"),
        },
        _ => return vm.type_error("2nd arg must be a tuple"),
    };
    let mut keywords = vec![];
    if let Some(Value::Obj(d)) = args.next() {
        let Obj::Dict(d) = &*d else { return vm.type_error("optional 3rd arg must be a dictionary") };
        for (k, v) in d.borrow().iter() {
            match &k.value {
                Value::Str(s) => keywords.push((s.clone(), v.clone())),
                _ => return vm.type_error("keywords must be strings"),
            }
        }
    }
    // A new thread starts with a context of its own (`contextvars`).
    let ident = start_thread(vm, &func, positional, keywords, None, None, Value::None)?;
    Ok(Value::Int(ident as i64))
}

fn get_ident(vm: &mut Vm, _: Args, _: Kwargs) -> PyResult {
    Ok(Value::Int(vm.event_loop.running_job.map_or(MAIN_THREAD_IDENT, |(ident, _)| ident) as i64))
}

/// The running thread's number among the default executor's workers (`asyncio_0`), or None.
fn executor_worker(vm: &mut Vm, _: Args, _: Kwargs) -> PyResult {
    Ok(match vm.event_loop.running_job {
        Some((_, Some(n))) => Value::Int(n as i64),
        _ => Value::None,
    })
}

/// `_wait_for_lock(seconds)`: a thread waiting for a lock another holds sleeps a step of
/// program time (the timeline's "waiting for another thread's lock", not a `time.sleep`).
fn wait_for_lock(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let secs = match args.first() {
        Some(Value::Float(f)) => *f,
        Some(Value::Int(i)) => *i as f64,
        _ => return vm.type_error("_wait_for_lock expects seconds"),
    };
    if vm.stop_requested && vm.event_loop.running_job.is_none() {
        // Stop is Ctrl+C, which interrupts the main thread's lock waits (CPython's acquire is
        // interruptible): a cleanup that waits for threads that never finish does not spin.
        let c = vm.types.exc("KeyboardInterrupt");
        return Err(vm.new_exception(&c, None));
    }
    crate::modules::time::block_thread(vm, secs.max(0.0), "a lock (another thread holds it)".into());
    Ok(Value::None)
}

/// Makes the module (see `MODULES`).
pub(super) fn load(vm: &mut Vm, module: &Module) -> PyResult {
    let mut items = funcs(&[
        ("start_new_thread", start_new_thread),
        ("get_ident", get_ident),
        ("_executor_worker", executor_worker),
        ("_wait_for_lock", wait_for_lock),
    ]);
    items.push(("_main_ident", Value::Int(MAIN_THREAD_IDENT as i64)));
    let (m, ns) = new_module(module.name, items);
    run_python(vm, module, &ns)?;
    Ok(m)
}
