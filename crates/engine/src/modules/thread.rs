//! `_thread`: the natives under `lib/threading.py`: starting a thread (an executor job of the
//! engine's, `event_loop/executor.rs`) and telling the running thread. Its locks are Python
//! (`lib/_thread.py`): a waiting thread sleeps in short steps, which lets the others run.

use crate::event_loop::executor::{start_thread, MAIN_THREAD_IDENT};
use crate::modules::{funcs, new_module, run_python, Module};
use crate::types::args::{arg, as_f64, Args, Kwargs};
use crate::types::value::{Obj, Value};
use crate::vm::{PyResult, Vm};

/// `_start(function, args)`: a new thread calling `function(*args)`; its ident. (`lib/_thread.py`'s
/// `start_new_thread` checks the arguments and wraps the function.)
fn start(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let (Some(func), Some(Value::Obj(targs))) = (args.first(), args.get(1)) else { return vm.type_error("_start(function, args)") };
    let Obj::Tuple(positional) = &**targs else { return vm.type_error("2nd arg must be a tuple") };
    // A new thread starts with a context of its own (`contextvars`).
    let ident = start_thread(vm, func, positional.to_vec(), vec![], None, None, Value::None)?;
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
    let secs = arg(vm, &args, 0, "_wait_for_lock")?;
    let secs = as_f64(vm, &secs)?;
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
    let mut items =
        funcs(&[("_start", start), ("get_ident", get_ident), ("_executor_worker", executor_worker), ("_wait_for_lock", wait_for_lock)]);
    items.push(("_main_ident", Value::Int(MAIN_THREAD_IDENT as i64)));
    let (m, ns) = new_module(module.name, items);
    run_python(vm, module, &ns)?;
    Ok(m)
}
