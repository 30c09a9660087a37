//! `float` methods.

use crate::types::args::{Args, Kwargs};
use crate::types::class::{set_method, Types};
use crate::types::value::Value;
use crate::vm::{PyResult, Vm};

pub(crate) fn is_integer(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let _ = vm;
    Ok(Value::Bool(matches!(args[0], Value::Float(f) if f.fract() == 0.0)))
}

/// Puts the methods into their classes.
pub(crate) fn register(types: &Types) {
    set_method(&types.float, "is_integer", is_integer);
}
