//! `signal`: accepted and without effect (there are no signals in the page).

use crate::modules::{funcs, new_module, Module};
use crate::types::args::{Args, Kwargs};
use crate::types::value::Value;
use crate::vm::{PyResult, Vm};

fn signal(_vm: &mut Vm, _: Args, _: Kwargs) -> PyResult {
    Ok(Value::None)
}

/// Makes the module (see `MODULES`).
pub(super) fn load(_vm: &mut Vm, _module: &Module) -> PyResult {
    let mut items = funcs(&[("signal", signal)]);
    items.push(("SIGINT", Value::Int(2)));
    items.push(("SIGTERM", Value::Int(15)));
    items.push(("SIG_DFL", Value::Int(0)));
    items.push(("SIG_IGN", Value::Int(1)));
    Ok(new_module("signal", items).0)
}
