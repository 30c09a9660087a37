//! HTTP for programs (aiohttp, requests) arrives with the browser runtime and practice API.
//! Until then, importing them fails with a clear message rather than pretending.

use crate::value::Value;
use crate::vm::{PyResult, Vm};

pub fn module(vm: &mut Vm, name: &str) -> PyResult<Value> {
    let c = vm.t.exc("ModuleNotFoundError");
    Err(vm.new_exception(&c, Some(format!("No module named '{name}' (HTTP support is not available in this version of Awaitlab yet)"))))
}
