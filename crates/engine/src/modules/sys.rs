//! `sys`: stdout and stderr, `exit`, the few settings tutorials read, and the running frames
//! and exception (`_getframe`, `exc_info`, `exception`: `types/frame.rs`).

use crate::modules::{funcs, new_module, Module};
use crate::types::args::{arg, arity, as_int, as_str, Args, Kwargs};
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

/// `sys._getframe(depth=0)`: the frame object of the caller, or of one `depth` calls out.
fn getframe(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    arity(vm, &args, 0, 1, "_getframe")?;
    let depth = match args.first() {
        Some(v) => as_int(vm, v)?.max(0) as usize,
        None => 0,
    };
    vm.frame_object(depth)
}

/// `sys.exception()`: the exception being handled, or None.
fn exception(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    arity(vm, &args, 0, 0, "exception")?;
    Ok(vm.handled_exception().unwrap_or(Value::None))
}

/// `sys.exc_info()`: (type, value, traceback) of the exception being handled, or three Nones.
fn exc_info(vm: &mut Vm, args: Args, _: Kwargs) -> PyResult {
    arity(vm, &args, 0, 0, "exc_info")?;
    Ok(Value::tuple(match vm.handled_exception() {
        Some(exc) => vec![Value::Obj(vm.type_of(&exc)), exc.clone(), crate::types::frame::traceback_of(&exc)],
        None => vec![Value::None, Value::None, Value::None],
    }))
}

fn noop_int(_vm: &mut Vm, _: Args, _: Kwargs) -> PyResult {
    Ok(Value::Int(1000))
}

/// Makes the module (see `MODULES`).
pub(super) fn load(vm: &mut Vm, _module: &Module) -> PyResult {
    let stream = |name: &str| {
        let (m, ns) = new_module(name, vec![]);
        for (n, f) in [("write", stream_write as NativeFn), ("flush", stream_flush)] {
            ns.borrow_mut()
                .insert(Rc::from(n), Value::obj(Obj::Builtin(Builtin { name: n, func: f, bound: Some(m.clone()), leaf: false })));
        }
        m
    };
    let stdout = stream("sys.stdout");
    let stderr = stream("sys.stderr");
    let mut items = funcs(&[
        ("exit", exit),
        ("getrecursionlimit", noop_int),
        ("setrecursionlimit", noop_int),
        ("_getframe", getframe),
        ("exception", exception),
        ("exc_info", exc_info),
    ]);
    items.push(("warnoptions", Value::list(vec![])));
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
