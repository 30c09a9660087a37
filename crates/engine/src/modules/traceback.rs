//! `_traceback`: the report of an exception as CPython's traceback module formats it (the
//! engine's own `report/tracebacks.rs`, which prints uncaught exceptions), for `lib/traceback.py`.

use crate::modules::{funcs, new_module, Module};
use crate::types::args::{arity, Args, Kwargs};
use crate::types::value::Value;
use crate::vm::{PyResult, Vm};

/// `format(exc)`: "Traceback (most recent call last):", the frames the exception passed
/// through, its chain, and its last line.
fn format(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    arity(vm, &args, 1, 1, "format")?;
    Ok(Value::str(&crate::report::tracebacks::format_traceback(vm, &args[0])))
}

/// `format_only(exc)`: its last line, "Type: message" (with CPython's suggestions).
fn format_only(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    arity(vm, &args, 1, 1, "format_only")?;
    Ok(Value::str(&format!("{}\n", crate::types::exceptions::format_exception_only(vm, &args[0]))))
}

/// Makes the module (see `MODULES`).
pub(super) fn load(_vm: &mut Vm, module: &Module) -> PyResult {
    Ok(new_module(module.name, funcs(&[("format", format), ("format_only", format_only)])).0)
}
