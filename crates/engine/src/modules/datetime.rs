//! `datetime`'s native part: the program's clock, read by `datetime.now()` and `today()`. The
//! classes are `lib/datetime.py`.

use crate::modules::time;
use crate::modules::{new_module, run_python, Module};
use crate::types::class::builtin;
use crate::vm::{PyResult, Vm};
use std::rc::Rc;

/// Makes the module (see `MODULES`).
pub(super) fn load(vm: &mut Vm, module: &Module) -> PyResult {
    let (m, ns) = new_module(module.name, vec![]);
    ns.borrow_mut().insert(Rc::from("_now_epoch"), builtin("_now_epoch", time::time));
    run_python(vm, module, &ns)?;
    Ok(m)
}
