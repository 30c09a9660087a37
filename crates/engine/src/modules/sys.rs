//! `sys`: stdout and stderr, `exit`, and the few settings tutorials read.

use crate::modules::{funcs, new_module, Module};
use crate::types::args::{arg, as_str, Args, Kwargs};
use crate::types::value::{Builtin, NativeFn, Obj, Value};
use crate::vm::{PyResult, Vm};
use std::rc::Rc;

fn stream_write(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let stream = match &args[0] {
        Value::Obj(o) => match &**o {
            Obj::Module { name, .. } if &**name == "sys.stderr" => awaitlab_trace::Stream::Stderr,
            _ => awaitlab_trace::Stream::Stdout,
        },
        _ => awaitlab_trace::Stream::Stdout,
    };
    let s = {
        let a_ = arg(vm, &args, 1, "write")?;
        as_str(vm, &a_)
    }?;
    vm.write(stream, &s);
    Ok(Value::Int(s.chars().count() as i64))
}

fn stream_flush(_vm: &mut Vm, _: Args, _: Kwargs) -> PyResult {
    Ok(Value::None)
}

fn exit(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    let c = vm.types.exc("SystemExit");
    Err(crate::types::exceptions::instantiate(&c, args))
}

fn noop_int(_vm: &mut Vm, _: Args, _: Kwargs) -> PyResult {
    Ok(Value::Int(1000))
}

/// Makes the module (see `MODULES`).
pub(super) fn load(vm: &mut Vm, _module: &Module) -> PyResult {
    let stream = |name: &str| {
        let (m, ns) = new_module(name, vec![]);
        for (n, f) in [("write", stream_write as NativeFn), ("flush", stream_flush)] {
            ns.borrow_mut().insert(Rc::from(n), Value::obj(Obj::Builtin(Builtin { name: n, func: f, bound: Some(m.clone()) })));
        }
        m
    };
    let stdout = stream("sys.stdout");
    let stderr = stream("sys.stderr");
    let mut items = funcs(&[("exit", exit), ("getrecursionlimit", noop_int), ("setrecursionlimit", noop_int)]);
    items.push(("stdout", stdout));
    items.push(("stderr", stderr));
    items.push(("argv", Value::list(vec![Value::Str(vm.filename.clone())])));
    items.push(("version", Value::str("3.12.0 (Awaitlab)")));
    items.push(("platform", Value::str("awaitlab")));
    items.push(("maxsize", Value::Int(i64::MAX)));
    items.push(("byteorder", Value::str("little")));
    items.push(("version_info", Value::tuple(vec![Value::Int(3), Value::Int(12), Value::Int(0)])));
    Ok(new_module("sys", items).0)
}
