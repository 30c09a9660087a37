//! `time`: the program's clock (virtual or real, as the host keeps it) and `sleep` that blocks
//! the whole program; its Python half (lib/_pytime.py) has struct_time and the formatting.

use crate::modules::{funcs, new_module, run_python, Module};
use crate::types::args::{arity, as_f64, Args, Kwargs};
use crate::types::value::Value;
use crate::vm::{PyResult, Vm};
use std::rc::Rc;

pub(crate) fn time(vm: &mut Vm, _: Args, _: Kwargs) -> PyResult {
    Ok(Value::Float(vm.epoch_base + vm.program_clock()))
}

fn monotonic(vm: &mut Vm, _: Args, _: Kwargs) -> PyResult {
    Ok(Value::Float(vm.program_clock()))
}

fn time_ns(vm: &mut Vm, _: Args, _: Kwargs) -> PyResult {
    Ok(Value::Int(((vm.epoch_base + vm.program_clock()) * 1e9) as i64))
}

fn monotonic_ns(vm: &mut Vm, _: Args, _: Kwargs) -> PyResult {
    Ok(Value::Int((vm.program_clock() * 1e9) as i64))
}

fn sleep(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    arity(vm, &args, 1, 1, "sleep")?;
    let secs = as_f64(vm, &args[0])?;
    if secs < 0.0 {
        return vm.err("ValueError", "sleep length must be non-negative");
    }
    let reason = format!("time.sleep({})", awaitlab_syntax::literal::float_repr(secs).trim_end_matches(".0"));
    block_thread(vm, secs, reason);
    Ok(Value::None)
}

/// The running thread waits `secs` of program time (`reason`: what the timeline calls the
/// wait when it is the main thread's): the main thread blocks the machine, another thread
/// parks; the others run meanwhile.
pub(crate) fn block_thread(vm: &mut Vm, secs: f64, reason: String) {
    if vm.nested_depth > 0 {
        // Called from code the engine runs to completion (a key function, a class body,
        // `list()` of a generator...): the loop is blocked just the same, the other threads
        // run meanwhile, and the clock jumps.
        let until = vm.event_loop.now + secs;
        let in_main = vm.event_loop.running_job.is_none();
        if in_main {
            crate::event_loop::recorder::blocked(vm, until, &Rc::from(reason));
        }
        crate::event_loop::executor::run_threads_nested(vm, until);
        vm.event_loop.now = vm.event_loop.now.max(until);
        if in_main {
            crate::event_loop::recorder::unblocked(vm);
        }
        return;
    }
    vm.control = Some(crate::vm::Control::Block { seconds: secs, reason: Rc::from(reason) });
}

/// Makes the module (see `MODULES`).
pub(super) fn load(vm: &mut Vm, module: &Module) -> PyResult {
    let (m, ns) = new_module(
        "time",
        funcs(&[
            ("time", time),
            ("monotonic", monotonic),
            ("perf_counter", monotonic),
            ("process_time", monotonic),
            ("time_ns", time_ns),
            ("monotonic_ns", monotonic_ns),
            ("perf_counter_ns", monotonic_ns),
            ("sleep", sleep),
        ]),
    );
    run_python(vm, module, &ns)?;
    Ok(m)
}
