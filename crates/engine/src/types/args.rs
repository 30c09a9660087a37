//! Reading a native function's arguments: positions, keywords, arity, and the conversions
//! every builtin needs (`as_int`, `as_f64`, `as_str`), with CPython's messages.

use crate::types::value::Value;
use crate::vm::ops::to_f64;
use crate::vm::{PyResult, Vm};
use std::rc::Rc;

pub type Kwargs = Vec<(Rc<str>, Value)>;

pub fn arg(vm: &mut Vm, args: &[Value], i: usize, fname: &str) -> PyResult {
    match args.get(i) {
        Some(v) => Ok(v.clone()),
        None => vm.type_error(format!("{fname}() missing required argument (pos {})", i + 1)),
    }
}

pub fn kwarg(kwargs: &Kwargs, name: &str) -> Option<Value> {
    kwargs.iter().find(|(k, _)| &**k == name).map(|(_, v)| v.clone())
}

pub fn arity(vm: &mut Vm, args: &[Value], min: usize, max: usize, fname: &str) -> PyResult<()> {
    if args.len() < min || args.len() > max {
        let expected = if min == max {
            format!("exactly {min} argument{}", if min == 1 { "" } else { "s" })
        } else if args.len() < min {
            format!("at least {min} argument{}", if min == 1 { "" } else { "s" })
        } else {
            format!("at most {max} argument{}", if max == 1 { "" } else { "s" })
        };
        return vm.type_error(format!("{fname}() takes {expected} ({} given)", args.len()));
    }
    Ok(())
}

pub fn as_int(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    match v {
        Value::Int(i) => Ok(*i),
        Value::Bool(b) => Ok(*b as i64),
        Value::Big(_) => vm.err("OverflowError", "Python int too large to convert to C ssize_t"),
        _ => match index_of(vm, v)? {
            Some(i) => as_int(vm, &i),
            None => {
                let t = vm.type_name(v);
                vm.type_error(format!("'{t}' object cannot be interpreted as an integer"))
            }
        },
    }
}

/// `operator.index(v)` for an instance whose class defines `__index__` (None for anything else).
pub fn index_of(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    if !matches!(v, Value::Obj(o) if matches!(&**o, crate::types::value::Obj::Instance(_))) {
        return Ok(None);
    }
    let Some(m) = vm.lookup_method(v, "__index__")? else { return Ok(None) };
    let r = vm.call(m, vec![v.clone()], vec![])?;
    match r {
        Value::Int(_) | Value::Big(_) | Value::Bool(_) => Ok(Some(r)),
        _ => {
            let t = vm.type_name(&r);
            vm.type_error(format!("__index__ returned non-int (type {t})"))
        }
    }
}

pub fn as_f64(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    match to_f64(v) {
        Some(f) => Ok(f),
        None => {
            let t = vm.type_name(v);
            vm.type_error(format!("must be real number, not {t}"))
        }
    }
}

pub fn as_str(vm: &mut Vm, v: &Value) -> PyResult<Rc<str>> {
    match v {
        Value::Str(s) => Ok(s.clone()),
        _ => {
            let t = vm.type_name(v);
            vm.type_error(format!("expected str, got {t}"))
        }
    }
}

/// A native function's positional arguments.
pub type Args = Vec<Value>;
