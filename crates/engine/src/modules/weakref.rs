//! `_weakref`: the natives under `lib/_weakref.py`'s reference type: a handle holding an object
//! weakly, and the table of references made to an object (`types/weakref.rs`).

use crate::modules::{funcs, new_module, run_python, Module};
use crate::types::args::{arg, Args, Kwargs};
use crate::types::native::NativeObj;
use crate::types::value::{Obj, Value};
use crate::vm::{PyResult, Vm};
use std::rc::Rc;

/// `_handle(obj)`: what a reference holds; TypeError for an object CPython cannot refer to weakly.
fn handle(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let obj = arg(vm, &args, 0, "_handle")?;
    match &obj {
        Value::Obj(o) if crate::types::weakref::accepts(o) => Ok(Value::obj(Obj::Native(NativeObj::Weak(Rc::downgrade(o))))),
        _ => {
            let name = vm.type_name(&obj);
            vm.type_error(format!("cannot create weak reference to '{name}' object"))
        }
    }
}

/// `_target(handle)`: the object, or None once it is freed.
fn target(_: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    Ok(match args.first() {
        Some(Value::Obj(h)) => match &**h {
            Obj::Native(NativeObj::Weak(w)) => w.upgrade().map_or(Value::None, Value::Obj),
            _ => Value::None,
        },
        _ => Value::None,
    })
}

/// `_watch(obj, ref, has_callback)`: records a reference made to `obj`.
fn watch(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let (Some(Value::Obj(obj)), Some(Value::Obj(reference)), Some(callback)) = (args.first(), args.get(1), args.get(2)) else {
        return vm.type_error("_watch(obj, ref, has_callback)");
    };
    crate::types::weakref::watch(obj, reference, vm.truthy(callback)?);
    Ok(Value::None)
}

/// `getweakrefs(obj)`: the live references to `obj`, in CPython's order.
fn getweakrefs(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let obj = arg(vm, &args, 0, "getweakrefs")?;
    Ok(Value::list(match &obj {
        Value::Obj(o) => crate::types::weakref::references(o),
        _ => vec![],
    }))
}

/// Makes the module (see `MODULES`).
pub(super) fn load(vm: &mut Vm, module: &Module) -> PyResult {
    let mut items = funcs(&[("_handle", handle), ("_watch", watch), ("getweakrefs", getweakrefs)]);
    items.push(("_target", crate::types::class::leaf_builtin("_target", target)));
    let (m, ns) = new_module(module.name, items);
    run_python(vm, module, &ns)?;
    Ok(m)
}
