//! What a Python object is, one file per type with its methods (CPython's `Objects/`). The
//! values themselves (`value.rs`), the engine's own object kinds (`native.rs`), code objects
//! (`code.rs`), and the type registry (`class.rs`) with the helpers that every native method
//! uses (`args.rs`, `repr.rs`, `iterator.rs`).
//!
//! Architecture Invariant: part of the core. Nothing here names `builtins`, `modules` or `run`.

pub(crate) mod args;
pub(crate) mod buffer;
pub(crate) mod bytearray;
pub(crate) mod bytes;
pub(crate) mod class;
pub(crate) mod code;
pub(crate) mod construct;
pub(crate) mod deque;
pub(crate) mod dict;
pub(crate) mod dict_map;
pub(crate) mod exception_groups;
pub(crate) mod exceptions;
pub(crate) mod float;
pub(crate) mod format_spec;
pub(crate) mod frame;
pub(crate) mod generator;
pub(crate) mod int;
pub(crate) mod iterator;
pub(crate) mod list;
pub(crate) mod memoryview;
pub(crate) mod native;
pub(crate) mod object;
pub(crate) mod range;
pub(crate) mod repr;
pub(crate) mod rng;
pub(crate) mod set;
pub(crate) mod set_table;
pub(crate) mod str;
pub(crate) mod value;
pub(crate) mod weakref;

use crate::vm::Vm;

/// Fills the builtin types' method tables, type by type, in this order.
pub(crate) fn register_methods(vm: &mut Vm) {
    class::register(&mut vm.types);
    let types = &vm.types;
    str::register(types);
    list::register(types);
    dict::register(types);
    set::register(types);
    bytes::register(types);
    bytearray::register(types);
    memoryview::register(types);
    int::register(types);
    float::register(types);
    deque::register(types);
    generator::register(types);
    object::register(types);
    exceptions::register(types);
    frame::register(types);
}
