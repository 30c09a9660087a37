//! The modules programs can import, one file per module, and the import of them.
//!
//! Architecture Invariant: part of the library. It may use the core; the core never names it.

pub(crate) mod asyncio;
pub(crate) mod collections;
pub(crate) mod heapq;
pub(crate) mod http;
pub(crate) mod json;
pub(crate) mod math;
pub(crate) mod random;
pub(crate) mod signal;
pub(crate) mod sys;
pub(crate) mod time;

use crate::modules::asyncio::asyncio_module;
use crate::modules::collections::collections_module;
use crate::modules::heapq::heapq_module;
use crate::modules::json::json_module;
use crate::modules::math::math_module;
use crate::modules::random::random_module;
use crate::modules::signal::signal_module;
use crate::modules::sys::sys_module;
use crate::modules::time::{t_time, time_module};
use crate::types::class::builtin;
use crate::types::value::{Namespace, NativeFn, Obj, Value};
use crate::vm::source::exec_source;
use crate::vm::{PyResult, Vm};
use std::cell::RefCell;
use std::rc::Rc;

pub const SUPPORTED_MODULES: &[&str] = &[
    "asyncio", "time", "random", "json", "math", "sys", "signal", "collections", "heapq", "functools", "itertools",
    "typing", "datetime", "aiohttp", "requests", "contextlib", "os", "string", "dataclasses", "__future__", "operator",
];

fn module(name: &str, items: Vec<(&str, Value)>) -> (Value, Rc<RefCell<Namespace>>) {
    let mut ns = Namespace::default();
    ns.insert(Rc::from("__name__"), Value::str(name));
    for (k, v) in items {
        ns.insert(Rc::from(k), v);
    }
    let dict = Rc::new(RefCell::new(ns));
    (Value::obj(Obj::Module { name: Rc::from(name), dict: dict.clone() }), dict)
}

fn funcs(list: &[(&'static str, NativeFn)]) -> Vec<(&'static str, Value)> {
    list.iter().map(|(n, f)| (*n, builtin(n, *f))).collect()
}

/// `import name`, as the VM's import hook (`Vm::import`) calls it: the module if this run
/// imported it already, else made from its native part and its Python part.
pub fn import(vm: &mut Vm, name: &str) -> PyResult {
    if let Some(m) = vm.modules.get(name) {
        return Ok(m.clone());
    }
    let m = match name {
        "asyncio" => asyncio_module(vm)?,
        "time" => time_module(vm),
        "random" => random_module(vm)?,
        "json" => json_module(vm),
        "math" => math_module(vm),
        "sys" => sys_module(vm),
        "signal" => signal_module(vm),
        "collections" => collections_module(vm),
        "heapq" => heapq_module(vm),
        "functools" | "itertools" | "typing" | "datetime" | "contextlib" | "os" | "string" | "dataclasses" | "__future__" | "operator" => {
            python_module(vm, name)?
        }
        "os.path" => {
            let os = vm.import("os")?;
            return vm.get_attr(&os, "path");
        }
        "aiohttp" | "requests" => crate::modules::http::http_module(vm, name)?,
        "requests.exceptions" => return vm.import("requests"),
        "aiohttp.client_exceptions" => return vm.import("aiohttp"),
        "asyncio.exceptions" | "asyncio.tasks" | "asyncio.locks" | "asyncio.queues" | "asyncio.events" => {
            return vm.import("asyncio");
        }
        "collections.abc" => python_module(vm, "typing")?,
        _ => {
            let top = name.split('.').next().unwrap_or(name);
            let hint = if SUPPORTED_MODULES.contains(&top) { String::new() } else { format!(" (Awaitlab provides: {})", SUPPORTED_MODULES.join(", ")) };
            let c = vm.t.exc("ModuleNotFoundError");
            return Err(vm.new_exception(&c, Some(format!("No module named '{name}'{hint}"))));
        }
    };
    vm.modules.insert(Rc::from(name), m.clone());
    Ok(m)
}

fn python_module(vm: &mut Vm, name: &str) -> PyResult {
    let src = match name {
        "functools" => include_str!("../functools_prelude.py"),
        "itertools" => include_str!("../itertools_prelude.py"),
        "datetime" => include_str!("../datetime_prelude.py"),
        "contextlib" => include_str!("../contextlib_prelude.py"),
        "os" => include_str!("../os_prelude.py"),
        "string" => include_str!("../string_prelude.py"),
        "dataclasses" => include_str!("../dataclasses_prelude.py"),
        "__future__" => include_str!("../future_prelude.py"),
        "operator" => include_str!("../operator_prelude.py"),
        _ => include_str!("../typing_prelude.py"),
    };
    let (m, ns) = module(name, vec![]);
    if name == "datetime" {
        ns.borrow_mut().insert(Rc::from("_now_epoch"), builtin("_now_epoch", t_time));
    }
    exec_source(vm, src, &format!("<{name}>"), ns)?;
    Ok(m)
}
