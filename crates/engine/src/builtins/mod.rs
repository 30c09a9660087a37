//! The builtin functions and the `builtins` namespace (CPython's `Python/bltinmodule.c`): one
//! table, filled once per run. The functions are grouped by what they do: `console.rs`,
//! `numbers.rs`, `iteration.rs`, `objects.rs`.
//!
//! Architecture Invariant: part of the library. It may use the core; the core never names it.

pub(crate) mod console;
pub(crate) mod iteration;
pub(crate) mod numbers;
pub(crate) mod objects;

use crate::types::class::builtin;
use crate::types::value::{NativeFn, Value};
use crate::vm::Vm;
use std::rc::Rc;

/// Fills the `builtins` namespace: the functions, the builtin classes and exceptions, the constants.
pub fn register_builtins(vm: &mut Vm) {
    let funcs: &[(&'static str, NativeFn)] = &[
        ("print", console::print),
        ("len", iteration::len),
        ("dir", objects::dir),
        ("repr", objects::repr),
        ("ascii", objects::ascii),
        ("format", objects::format),
        ("abs", numbers::abs),
        ("round", numbers::round),
        ("max", iteration::max),
        ("min", iteration::min),
        ("sum", iteration::sum),
        ("any", iteration::any),
        ("all", iteration::all),
        ("sorted", iteration::sorted),
        ("reversed", iteration::reversed),
        ("enumerate", iteration::enumerate),
        ("zip", iteration::zip),
        ("map", iteration::map),
        ("filter", iteration::filter),
        ("iter", iteration::iter),
        ("next", iteration::next),
        ("aiter", iteration::aiter),
        ("anext", iteration::anext),
        ("isinstance", objects::isinstance),
        ("issubclass", objects::issubclass),
        ("hasattr", objects::hasattr),
        ("getattr", objects::getattr),
        ("setattr", objects::setattr),
        ("delattr", objects::delattr),
        ("id", objects::id),
        ("hash", objects::hash),
        ("callable", objects::callable),
        ("ord", numbers::ord),
        ("chr", numbers::chr),
        ("hex", numbers::hex),
        ("bin", numbers::bin),
        ("oct", numbers::oct),
        ("divmod", numbers::divmod),
        ("pow", numbers::pow),
        ("input", console::input),
        ("open", console::open),
        ("exit", console::exit),
        ("quit", console::exit),
        ("super", objects::super_),
        ("property", objects::property),
        ("staticmethod", objects::staticmethod),
        ("classmethod", objects::classmethod),
        ("vars", objects::vars),
        ("globals", objects::globals),
        ("locals", objects::locals),
    ];
    let mut b = vm.builtins.borrow_mut();
    for (name, f) in funcs {
        b.insert(Rc::from(*name), builtin(name, *f));
    }
    let types = &vm.types;
    for (name, class) in [
        ("object", &types.object),
        ("type", &types.type_),
        ("int", &types.int),
        ("float", &types.float),
        ("str", &types.str),
        ("bool", &types.bool),
        ("bytes", &types.bytes),
        ("bytearray", &types.bytearray),
        ("memoryview", &types.memoryview),
        ("list", &types.list),
        ("tuple", &types.tuple),
        ("dict", &types.dict),
        ("set", &types.set),
        ("frozenset", &types.frozenset),
        ("range", &types.range),
        ("slice", &types.slice),
    ] {
        b.insert(Rc::from(name), Value::Obj(class.clone()));
    }
    for (name, class) in &types.exceptions {
        if !matches!(
            *name,
            "CancelledError" | "InvalidStateError" | "LimitOverrunError" | "IncompleteReadError" | "QueueEmpty" | "QueueFull"
        ) {
            b.insert(Rc::from(*name), Value::Obj(class.clone()));
        }
    }
    b.insert(Rc::from("NotImplemented"), types.not_implemented.clone());
    b.insert(Rc::from("Ellipsis"), crate::types::native::ellipsis());
    b.insert(Rc::from("EnvironmentError"), Value::Obj(types.exc("OSError")));
    b.insert(Rc::from("IOError"), Value::Obj(types.exc("OSError")));
}
