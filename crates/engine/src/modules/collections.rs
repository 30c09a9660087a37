//! `collections`: the native `deque`; the mappings and `namedtuple` are `lib/collections.py`.

use crate::modules::{new_module, run_python, Module};
use crate::types::value::Value;
use crate::vm::{PyResult, Vm};

/// Makes the module (see `MODULES`).
/// A failure of the Python part is ignored, as it always was here: the module is what ran.
pub(super) fn load(vm: &mut Vm, module: &Module) -> PyResult {
    let (m, ns) = new_module("collections", vec![("deque", Value::Obj(vm.types.deque.clone()))]);
    let _ = run_python(vm, module, &ns);
    Ok(m)
}
