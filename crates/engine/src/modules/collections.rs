//! `collections`: the native `deque`; the mappings and `namedtuple` are `lib/collections.py`.

use crate::modules::module;
use crate::types::value::Value;
use crate::vm::Vm;
use crate::vm::source::exec_source;

pub(crate) fn collections_module(vm: &mut Vm) -> Value {
    let (m, ns) = module("collections", vec![("deque", Value::Obj(vm.t.deque.clone()))]);
    let _ = exec_source(vm, include_str!("../collections_prelude.py"), "<collections>", ns);
    m
}
