//! `object`'s default methods: `__init__`, `__repr__`, `__str__`, `__eq__`, `__setattr__`,
//! `__delattr__`, used when a class does not define its own (or calls them through `super()`).

use crate::types::args::{arity, as_str, Args, Kwargs};
use crate::types::class::{set_method, Types};
use crate::types::value::{Obj, Value};
use crate::vm::{PyResult, Vm};
use std::rc::Rc;

pub(crate) fn init(vm: &mut Vm, args: Args, kwargs: Kwargs) -> PyResult {
    if args.len() > 1 || !kwargs.is_empty() {
        let t = vm.type_name(&args[0]);
        return vm.type_error(format!("{t}() takes no arguments"));
    }
    Ok(Value::None)
}

pub(crate) fn repr(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let v = &args[0];
    if crate::types::exceptions::is_exception(v) {
        let a = crate::types::exceptions::exc_args(v);
        let name = crate::types::exceptions::class_name(v);
        let mut parts = Vec::with_capacity(a.len());
        for arg in &a {
            parts.push(vm.repr(arg)?.to_string());
        }
        let inner = parts.join(", ");
        return Ok(Value::str(&format!("{name}({inner})")));
    }
    let Value::Obj(o) = v else { return Ok(Value::Str(vm.repr(v)?)) };
    let t = vm.type_of(v);
    let (module, qual) = match &*t {
        Obj::Class(c) => (c.shown_module(), c.shown_qualname()),
        _ => (Rc::from("?"), Rc::from("?")),
    };
    Ok(Value::str(&format!("<{module}.{qual} object at 0x{:012x}>", Rc::as_ptr(o) as *const u8 as usize)))
}

pub(crate) fn str(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let v = &args[0];
    if crate::types::exceptions::is_exception(v) {
        return Ok(Value::Str(crate::types::exceptions::exc_str(vm, v)?));
    }
    Ok(Value::Str(vm.repr(v)?))
}

pub(crate) fn eq(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    Ok(if args[0].is(&args[1]) { Value::Bool(true) } else { vm.types.not_implemented.clone() })
}

pub(crate) fn setattr(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    arity(vm, &args, 3, 3, "__setattr__")?;
    if let Value::Obj(o) = &args[0] {
        if let Obj::Instance(i) = &**o {
            let name = as_str(vm, &args[1])?;
            i.dict.borrow_mut().insert(name, args[2].clone());
        }
    }
    Ok(Value::None)
}

pub(crate) fn delattr(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    arity(vm, &args, 2, 2, "__delattr__")?;
    if let Value::Obj(o) = &args[0] {
        if let Obj::Instance(i) = &**o {
            let name = as_str(vm, &args[1])?;
            if i.dict.borrow_mut().shift_remove(&name).is_none() {
                let t = vm.type_name(&args[0]);
                return vm.err("AttributeError", format!("'{t}' object has no attribute '{name}'"));
            }
        }
    }
    Ok(Value::None)
}

/// Puts the methods into their classes.
pub(crate) fn register(types: &Types) {
    set_method(&types.object, "__init__", init);
    set_method(&types.object, "__repr__", repr);
    set_method(&types.object, "__str__", str);
    set_method(&types.object, "__eq__", eq);
    set_method(&types.object, "__setattr__", setattr);
    set_method(&types.object, "__delattr__", delattr);
}
