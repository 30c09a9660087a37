//! `contextvars`: the Python classes are `lib/contextvars.py`'s; the natives here hold the
//! running code's context (`Vm::context`, switched by the loop as it runs tasks, callbacks and
//! jobs: `event_loop/context.rs`) and turn on the copying once the module is imported.

use crate::modules::{funcs, new_module, run_python, Module};
use crate::types::args::{Args, Kwargs};
use crate::types::value::Value;
use crate::vm::{PyResult, Vm};

fn get_context(vm: &mut Vm, _: Args, _: Kwargs) -> PyResult {
    Ok(vm.context.clone())
}

fn set_context(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    vm.context = args.into_iter().next().unwrap_or(Value::None);
    Ok(Value::None)
}

/// The module's `copy_context`: from now on what the loop makes copies the context.
fn enable(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    vm.context_copier = args.into_iter().next();
    Ok(Value::None)
}

/// Makes the module (see `MODULES`).
pub(super) fn load(vm: &mut Vm, module: &Module) -> PyResult {
    let (m, ns) = new_module(module.name, funcs(&[("_get_context", get_context), ("_set_context", set_context), ("_enable", enable)]));
    run_python(vm, module, &ns)?;
    Ok(m)
}
