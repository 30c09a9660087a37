//! The builtin functions and the `builtins` namespace (CPython's `Python/bltinmodule.c`): one
//! table, filled once per run. The functions are grouped by what they do: `console.rs`,
//! `numbers.rs`, `iteration.rs`, `objects.rs`.
//!
//! Architecture Invariant: part of the library. It may use the core; the core never names it.

pub(crate) mod console;
pub(crate) mod iteration;
pub(crate) mod numbers;
pub(crate) mod objects;

use crate::builtins::console::{b_exit, b_input, b_open, b_print};
use crate::builtins::iteration::{b_aiter, b_all, b_anext, b_any, b_enumerate, b_filter, b_iter, b_len, b_map, b_max, b_min, b_next, b_reversed, b_sorted, b_sum, b_zip};
use crate::builtins::numbers::{b_abs, b_bin, b_chr, b_divmod, b_hex, b_oct, b_ord, b_pow, b_round};
use crate::builtins::objects::{b_ascii, b_callable, b_classmethod, b_delattr, b_dir, b_format, b_getattr, b_globals, b_hasattr, b_hash, b_id, b_isinstance, b_issubclass, b_property, b_repr, b_setattr, b_staticmethod, b_super, b_vars};
use crate::types::class::{builtin, m_property_setter, set_method};
use crate::types::native::NativeObj;
use crate::types::register_type_methods;
use crate::types::value::{NativeFn, Obj, Value};
use crate::vm::Vm;
use std::rc::Rc;

pub fn register_builtins(vm: &mut Vm) {
    let funcs: &[(&'static str, NativeFn)] = &[
        ("print", b_print),
        ("len", b_len),
        ("dir", b_dir),
        ("repr", b_repr),
        ("ascii", b_ascii),
        ("format", b_format),
        ("abs", b_abs),
        ("round", b_round),
        ("max", b_max),
        ("min", b_min),
        ("sum", b_sum),
        ("any", b_any),
        ("all", b_all),
        ("sorted", b_sorted),
        ("reversed", b_reversed),
        ("enumerate", b_enumerate),
        ("zip", b_zip),
        ("map", b_map),
        ("filter", b_filter),
        ("iter", b_iter),
        ("next", b_next),
        ("aiter", b_aiter),
        ("anext", b_anext),
        ("isinstance", b_isinstance),
        ("issubclass", b_issubclass),
        ("hasattr", b_hasattr),
        ("getattr", b_getattr),
        ("setattr", b_setattr),
        ("delattr", b_delattr),
        ("id", b_id),
        ("hash", b_hash),
        ("callable", b_callable),
        ("ord", b_ord),
        ("chr", b_chr),
        ("hex", b_hex),
        ("bin", b_bin),
        ("oct", b_oct),
        ("divmod", b_divmod),
        ("pow", b_pow),
        ("input", b_input),
        ("open", b_open),
        ("exit", b_exit),
        ("quit", b_exit),
        ("super", b_super),
        ("property", b_property),
        ("staticmethod", b_staticmethod),
        ("classmethod", b_classmethod),
        ("vars", b_vars),
        ("globals", b_globals),
        ("locals", b_globals),
    ];
    let mut b = vm.builtins.borrow_mut();
    for (name, f) in funcs {
        b.insert(Rc::from(*name), builtin(name, *f));
    }
    let t = &vm.t;
    for (name, class) in [
        ("object", &t.object),
        ("type", &t.type_),
        ("int", &t.int),
        ("float", &t.float),
        ("str", &t.str),
        ("bool", &t.bool),
        ("bytes", &t.bytes),
        ("list", &t.list),
        ("tuple", &t.tuple),
        ("dict", &t.dict),
        ("set", &t.set),
        ("frozenset", &t.frozenset),
        ("range", &t.range),
        ("slice", &t.slice),
    ] {
        b.insert(Rc::from(name), Value::Obj(class.clone()));
    }
    for (name, class) in &t.exceptions {
        if !matches!(*name, "CancelledError" | "InvalidStateError" | "LimitOverrunError" | "IncompleteReadError" | "QueueEmpty" | "QueueFull") {
            b.insert(Rc::from(*name), Value::Obj(class.clone()));
        }
    }
    b.insert(Rc::from("NotImplemented"), t.not_implemented.clone());
    b.insert(Rc::from("Ellipsis"), Value::obj(Obj::Native(NativeObj::Ellipsis)));
    b.insert(Rc::from("EnvironmentError"), Value::Obj(t.exc("OSError")));
    b.insert(Rc::from("IOError"), Value::Obj(t.exc("OSError")));
    drop(b);
    set_method(&vm.t.property, "setter", m_property_setter);
    register_type_methods(vm);
}
